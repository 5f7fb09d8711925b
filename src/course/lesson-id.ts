/** Lesson ids as learners type them: lesson-2-4, 2-4, 2.4, урок-2-4. */
export interface LessonPosition {
  chapter: number;
  lesson: number;
}

const pattern = /^(?:lesson|урок)?[-_ ]?(\d{1,2})[-.](\d{1,2})$/i;

export function parseLessonId(input: string): LessonPosition | undefined {
  const match = pattern.exec(input.trim());
  if (!match) return undefined;

  return { chapter: Number(match[1]), lesson: Number(match[2]) };
}

export function formatLessonId(position: LessonPosition): string {
  return `lesson-${position.chapter}-${position.lesson}`;
}

/** "2-4": the short form used in messages and commands. */
export function shortLessonId(position: LessonPosition): string {
  return `${position.chapter}-${position.lesson}`;
}
