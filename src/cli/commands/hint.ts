import { renderHints } from '../../render/hints.js';
import { wrapText } from '../../render/wrap.js';
import type { Context } from '../context.js';
import { EXIT_OK } from '../errors.js';

export async function hint(ctx: Context, lessonId: string, exerciseId: string): Promise<number> {
  const lesson = await ctx.lesson(lessonId);
  const { exercise } = ctx.exercise(lesson, exerciseId);
  const { style } = ctx.screen;
  const total = exercise.hints.length;
  const { hintsShown: before, passed } = ctx.progress().exercise(lesson.meta.key, exercise.id);
  const shown = ctx.progress().recordHint(lesson.meta.key, exercise.id, total);

  const next = shown < total
    ? `Ещё подсказка: dbcourse hint ${lesson.entry.short} ${exercise.id}`
    : passed
      ? `Подсказок больше нет. Решение с разбором: dbcourse solution ${lesson.entry.short} ` +
        exercise.id
      : 'Подсказок больше нет. Если совсем не выходит, решение с разбором: ' +
        `dbcourse solution ${lesson.entry.short} ${exercise.id} --give-up`;
  ctx.print([
    renderHints(exercise, shown, before < shown, ctx.screen),
    '',
    ...wrapText(next, ctx.screen.width).map((line) => style.dim(line)),
  ].join('\n'));
  return EXIT_OK;
}
