/** The page `show` and `next` print: the lesson, and its practice with answer files created. */
import type { Lesson } from '../course/course.js';
import type { LessonView, PracticeItem } from '../render/lesson.js';
import { ensureAnswerFiles } from '../workspace/answers.js';
import type { Context } from './context.js';

/** Each exercise with its answer file (created if missing) and the learner's progress. */
export function practiceItems(ctx: Context, lesson: Lesson): PracticeItem[] {
  const { meta, entry } = lesson;
  const files = ensureAnswerFiles(ctx.workspace, entry, meta.key, meta.exercises);
  const store = ctx.progress();
  return files.map((file) => ({
    exercise: file.exercise,
    path: file.path,
    progress: store.exercise(meta.key, file.exercise.id),
  }));
}

/** What a lesson page shows besides the lesson itself; marks the lesson opened. */
export async function lessonView(ctx: Context, lesson: Lesson): Promise<LessonView> {
  const practice = practiceItems(ctx, lesson);
  const prerequisites: string[] = [];
  for (const key of lesson.meta.prerequisites) {
    prerequisites.push(await ctx.describeKey(key, lesson.entry));
  }

  ctx.progress().markOpened(lesson.meta.key);
  return { practice, prerequisites };
}

export async function lessonPage(ctx: Context, lesson: Lesson): Promise<string> {
  const view = await lessonView(ctx, lesson);
  const { renderLesson } = await import('../render/lesson.js');
  return renderLesson(lesson, view, ctx.screen);
}
