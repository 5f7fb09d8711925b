/** The page `show` and `next` print: the lesson, and its practice with answer files created. */
import type { Lesson } from '../course/course.js';
import { ensureAnswerFiles } from '../workspace/answers.js';
import type { Context } from './context.js';

export async function lessonPage(ctx: Context, lesson: Lesson): Promise<string> {
  const { meta, entry } = lesson;
  const files = ensureAnswerFiles(ctx.workspace, entry, meta.key, meta.exercises);
  const store = ctx.progress();
  const practice = files.map((file) => ({
    exercise: file.exercise,
    path: file.path,
    progress: store.exercise(meta.key, file.exercise.id),
  }));
  const prerequisites: string[] = [];
  for (const key of meta.prerequisites) prerequisites.push(await ctx.describeKey(key, entry));

  store.markOpened(meta.key);

  const { renderLesson } = await import('../render/lesson.js');
  return renderLesson(lesson, { practice, prerequisites }, ctx.screen);
}
