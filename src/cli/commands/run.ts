import { renderTable } from '../../render/table.js';
import { wrapText } from '../../render/wrap.js';
import { ensureAnswerFiles, readAnswer } from '../../workspace/answers.js';
import type { Context } from '../context.js';
import { EXIT_FAILED, EXIT_OK, UserError } from '../errors.js';

const SHOWN_ROWS = 50;

/** Runs the learner's query on the visible bookstore and shows what it returns. */
export async function run(ctx: Context, lessonId: string, exerciseId: string): Promise<number> {
  const lesson = await ctx.lesson(lessonId);
  const { exercise } = ctx.exercise(lesson, exerciseId);

  if (exercise.kind !== 'query') {
    throw new UserError(exercise.kind === 'change'
      ? `Упражнение ${exercise.id} изменяет данные: его результат — состояние таблиц, его ` +
        `показывает проверка: dbcourse check ${lesson.entry.short} ${exercise.id}`
      : exercise.kind === 'schema'
        ? `Упражнение ${exercise.id} меняет схему: его результат — таблицы, ключи и ` +
          'ограничения, их сравнивает проверка (на свежей копии базы): ' +
          `dbcourse check ${lesson.entry.short} ${exercise.id}`
        : `Упражнение ${exercise.id} — вопрос, а не запрос: выполнять нечего. ` +
        `Проверить ответ: dbcourse check ${lesson.entry.short} ${exercise.id}`);
  }

  const [file] = ensureAnswerFiles(ctx.workspace, lesson.entry, lesson.meta.key, [exercise],
    lesson.meta.exercises);
  const engine = await ctx.engine();
  const outcome = await engine.query(engine.datasets[0].name, readAnswer(file.path) ?? '');

  if (!outcome.ok) {
    const { failureText } = await import('../../render/verdict.js');
    const text = outcome.failure.kind === 'empty'
      ? 'Файл ответа пуст: напишите запрос под строками комментария.'
      : failureText(outcome.failure);
    ctx.print(wrapText(text, ctx.screen.width).join('\n'));
    ctx.print(ctx.screen.style.dim(`Файл: ${file.path}`));
    return EXIT_FAILED;
  }

  const { columns, rows } = outcome.result;
  const shown = rows.slice(0, SHOWN_ROWS);
  ctx.print(renderTable(columns, shown, { width: ctx.screen.width, style: ctx.screen.style }));
  ctx.print(ctx.screen.style.dim(rows.length > shown.length
    ? `Показаны первые ${shown.length} строк из ${rows.length}.`
    : `Строк: ${rows.length}.`) + ctx.screen.style.dim(
    ` Проверить: dbcourse check ${lesson.entry.short} ${exercise.id}`));
  return EXIT_OK;
}
