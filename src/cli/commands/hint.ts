import { wrapText } from '../../render/wrap.js';
import type { Context } from '../context.js';
import { EXIT_OK } from '../errors.js';

export async function hint(ctx: Context, lessonId: string, exerciseId: string): Promise<number> {
  const lesson = await ctx.lesson(lessonId);
  const { exercise } = ctx.exercise(lesson, exerciseId);
  const { style, width } = ctx.screen;
  const total = exercise.hints.length;
  const before = ctx.progress().exercise(lesson.meta.key, exercise.id).hintsShown;
  const shown = ctx.progress().recordHint(lesson.meta.key, exercise.id, total);

  const lines = [style.bold(`${exercise.title}: подсказки ${shown} из ${total}`)];
  exercise.hints.slice(0, shown).forEach((text, i) => {
    const body = wrapText(`${i + 1}. ${text}`, width - 2).map((l) => `  ${l}`).join('\n');
    lines.push(i === shown - 1 && before < shown ? body : style.dim(body));
  });

  lines.push('', shown < total
    ? style.dim(`Ещё подсказка: dbcourse hint ${lesson.entry.short} ${exercise.id}`)
    : style.dim('Подсказок больше нет. Если совсем не выходит, решение с разбором: ' +
      `dbcourse solution ${lesson.entry.short} ${exercise.id} --give-up`));

  ctx.print(lines.join('\n'));
  return EXIT_OK;
}
