import { join } from 'node:path';
import { recordSettled, settledKey } from '../../checker/settled-answers.js';
import { isSqlExercise } from '../../course/kinds.js';
import { checkExercises, checkSummary, chosenExercises } from '../checking.js';
import type { Context } from '../context.js';
import { EXIT_FAILED, EXIT_OK } from '../errors.js';
import { pathLines } from '../../render/path-lines.js';

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

  say(style.bold(`Урок ${entry.short}. ${meta.title}`) + '\n' +
    pathLines(style.dim('Ответы: '), join(ctx.workspace, meta.key), ctx.screen.width,
      style.dim).join('\n'));
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
      (verdict.passed ? '' : '\n' + pathLines(`    ${style.dim('Файл:')} `, file.path,
        ctx.screen.width, style.dim).join('\n')));
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
