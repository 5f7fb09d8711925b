import { pathLines } from '../../render/path-lines.js';
import { renderTable } from '../../render/table.js';
import { wrapText } from '../../render/wrap.js';
import { ensureAnswerFiles, readAnswer } from '../../workspace/answers.js';
import type { Engine } from '../../engines/engine.js';
import type { Context } from '../context.js';
import { EXIT_FAILED, EXIT_OK, UserError } from '../errors.js';

const SHOWN_ROWS = 50;

/** The plan of a plan exercise's SELECT, after its CREATE INDEX statements. */
async function printPlan(ctx: Context, engine: Engine, indexes: string[],
  select: string): Promise<void> {
  const plan = await engine.plan(engine.datasets[0].name, { indexes, select });
  const { failureText } = await import('../../render/verdict.js');
  const { planSummary } = await import('../../render/plan-verdict.js');
  const text = plan.ok ? planSummary(plan.plan)
    : `План получить не удалось: ${failureText(plan.failure)}`;
  ctx.print(wrapText(text, ctx.screen.width).join('\n'));
}

/** Runs the learner's query on the visible bookstore and shows what it returns. */
export async function run(ctx: Context, lessonId: string, exerciseId: string): Promise<number> {
  const lesson = await ctx.lesson(lessonId);
  const { exercise } = ctx.exercise(lesson, exerciseId);

  if (exercise.kind !== 'query' && exercise.kind !== 'plan') {
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
  const answer = readAnswer(file.path) ?? '';
  const engine = await ctx.engine();
  let select = answer;
  let indexes: string[] = [];

  if (exercise.kind === 'plan') {
    const { isBlankSql, planStatements } = await import('../../checker/statements.js');
    const screen = isBlankSql(answer) ? undefined : planStatements(answer);
    if (screen && !screen.ok) {
      const { planStatementText } = await import('../../render/plan-verdict.js');
      ctx.print(wrapText(planStatementText(screen.reason, screen.statement), ctx.screen.width)
        .join('\n'));
      return EXIT_FAILED;
    }
    select = screen?.select ?? '';
    indexes = screen?.indexes ?? [];
  }

  const outcome = await engine.query(engine.datasets[0].name, select);

  if (!outcome.ok) {
    const { failureText } = await import('../../render/verdict.js');
    const text = outcome.failure.kind === 'empty'
      ? 'Файл ответа пуст: напишите запрос под строками комментария.'
      : failureText(outcome.failure);
    ctx.print(wrapText(text, ctx.screen.width).join('\n'));
    // As in check: on a terminal a long path breaks after a folder, in a pipe it stays whole.
    const { dim } = ctx.screen.style;
    ctx.print(ctx.io.stdout.isTTY
      ? pathLines(dim('Файл: '), file.path, ctx.screen.width, dim).join('\n')
      : dim(`Файл: ${file.path}`));
    return EXIT_FAILED;
  }

  const { columns, rows } = outcome.result;
  const shown = rows.slice(0, SHOWN_ROWS);
  ctx.print(renderTable(columns, shown, { width: ctx.screen.width, style: ctx.screen.style }));
  if (exercise.kind === 'plan') await printPlan(ctx, engine, indexes, select);
  ctx.print(ctx.screen.style.dim(rows.length > shown.length
    ? `Показаны первые ${shown.length} строк из ${rows.length}.`
    : `Строк: ${rows.length}.`) + ctx.screen.style.dim(
    ` Проверить: dbcourse check ${lesson.entry.short} ${exercise.id}`));
  return EXIT_OK;
}
