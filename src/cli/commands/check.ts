import { join } from 'node:path';
import { recordSettled, settledKey } from '../../checker/settled-answers.js';
import { isSqlExercise } from '../../course/kinds.js';
import { checkExercises, checkSummary, chosenExercises } from '../checking.js';
import type { Context } from '../context.js';
import { EXIT_FAILED, EXIT_OK } from '../errors.js';
import { pathLines } from '../../render/path-lines.js';
import { wrapText } from '../../render/wrap.js';

export async function check(ctx: Context, lessonId: string, exerciseId?: string,
  json = false): Promise<number> {
  // A wrong --engine or DBCOURSE_ENGINE is said before anything of the lesson is printed.
  ctx.engineChoice();
  const lesson = await ctx.lesson(lessonId);
  const { meta, entry } = lesson;
  const { style } = ctx.screen;
  const chosen = chosenExercises(ctx, lesson, exerciseId);
  const say = (text: string) => {
    if (!json) ctx.print(text);
  };
  // On a terminal a long path breaks after a folder; in a pipe it stays whole on its line, for
  // whatever reads it (an editor's task runner, a copy from a log).
  const path = (label: string, value: string) => (ctx.io.stdout.isTTY
    ? pathLines(label, value, ctx.screen.width, style.dim).join('\n')
    : label + style.dim(value));

  // The lesson's title wraps on a terminal too (5-2's is twice the width of a narrow window).
  const head = `Урок ${entry.short}. ${meta.title}`;
  say((ctx.io.stdout.isTTY ? wrapText(head, ctx.screen.width) : [head])
    .map((line) => style.bold(line)).join('\n') + '\n' +
    path(style.dim('Ответы: '), join(ctx.workspace, meta.key)));
  const { results, failed } = await checkExercises(ctx, lesson, chosen);
  // Its SQL thread winds down while the verdicts are printed, not after.
  await ctx.closeEngine();
  if (exerciseId === undefined) {
    // For the next `check` of this lesson: whether to start the SQL thread ahead.
    recordSettled(ctx.verdictsDir(), settledKey(entry.short), results.some((r) =>
      isSqlExercise(r.exercise)), results.every((r) => r.verdict.passed)
      ? results.map((r) => r.file.path) : undefined);
  }
  // Loaded once the answers are judged: before, it would hold up the first queries.
  const { renderVerdict } = await import('../../render/verdict.js');

  for (const { verdict, exercise, index, file } of results) {
    say((verdict.passed ? '' : '\n') + renderVerdict(verdict, exercise, index, ctx.screen) +
      (verdict.passed ? '' : '\n' + path(`    ${style.dim('Файл:')} `, file.path)));
  }

  say('\n' + checkSummary(ctx, lesson, exerciseId !== undefined, failed, ctx.screen,
    results.filter((r) => !r.verdict.passed).map((r) => r.exercise.id)));
  if (json) {
    ctx.print(JSON.stringify({
      lesson: entry.id,
      key: meta.key,
      passed: failed === 0,
      verdicts: results.map(({ exercise, file, verdict }) => ({ exercise: exercise.id,
        file: file.path, ...verdict })),
    }, null, 2));
  }
  return failed === 0 ? EXIT_OK : EXIT_FAILED;
}
