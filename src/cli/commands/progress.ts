import { bar } from '../../render/screen.js';
import type { Context } from '../context.js';
import { EXIT_OK } from '../errors.js';

export async function progress(ctx: Context): Promise<number> {
  const course = await ctx.course();
  const store = ctx.progress();
  const { style } = ctx.screen;
  const rows: string[] = [];
  let lessonsDone = 0;
  let exercisesDone = 0;
  let exercisesTotal = 0;
  let hints = 0;
  let gaveUp = 0;
  let next: string | undefined;

  const readable = new Map((await ctx.readableLessons()).map((l) => [l.entry.file, l]));

  for (const chapter of course.chapters) {
    let done = 0;
    let total = 0;

    for (const topic of chapter.topics) {
      for (const entry of topic.lessons) {
        const lesson = readable.get(entry.file);
        if (!lesson) continue;
        const state = ctx.lessonState(lesson);
        total += 1;
        if (state === 'passed') done += 1;
        else next ??= `${entry.short} ${lesson.meta.title}`;

        for (const exercise of lesson.meta.exercises) {
          const p = store.exercise(lesson.meta.key, exercise.id);
          exercisesTotal += 1;
          if (p.passed) exercisesDone += 1;
          hints += p.hintsShown;
          if (p.gaveUp) gaveUp += 1;
        }
      }
    }

    lessonsDone += done;
    rows.push(`${bar(done, total, 20, ctx.screen)} ${String(done).padStart(2)}/${total}  ` +
      `Глава ${chapter.number}. ${chapter.title}`);
  }

  ctx.print([
    style.bold('Прогресс по главам'),
    ...rows,
    '',
    `Уроков пройдено: ${lessonsDone} из ${course.lessons.length}`,
    `Упражнений решено: ${exercisesDone} из ${exercisesTotal}` +
      style.dim(` (подсказок взято: ${hints}, решений подсмотрено: ${gaveUp})`),
    next ? `Следующий урок: ${next} — dbcourse next` : style.ok('Курс пройден целиком!'),
    style.dim(`Прогресс хранится в ${store.path}`),
  ].join('\n'));
  return EXIT_OK;
}
