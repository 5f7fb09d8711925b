import { createInterface } from 'node:readline/promises';
import type { ExerciseProgress } from '../../progress/store.js';
import { renderSolution } from '../../render/solution.js';
import type { Context } from '../context.js';
import { EXIT_FAILED, EXIT_OK } from '../errors.js';

/** The rule every way to a solution keeps: it opens once passed, or once given up on. */
export function solutionUnlocked(progress: ExerciseProgress): boolean {
  return progress.passed || Boolean(progress.gaveUp);
}

async function confirm(ctx: Context, question: string): Promise<boolean> {
  const rl = createInterface({ input: ctx.io.stdin, output: process.stderr });
  try {
    const answer = await rl.question(question);
    return /^(д|да|y|yes)$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

export async function solution(ctx: Context, lessonId: string, exerciseId: string,
  giveUp: boolean): Promise<number> {
  const lesson = await ctx.lesson(lessonId);
  const { exercise } = ctx.exercise(lesson, exerciseId);
  const store = ctx.progress();
  const progress = store.exercise(lesson.meta.key, exercise.id);

  if (!solutionUnlocked(progress) && !giveUp) {
    const interactive = Boolean(ctx.io.stdin.isTTY && ctx.io.stdout.isTTY);
    const question = 'Упражнение ещё не решено. Показать решение? ' +
      'Попробуйте сначала подсказку: dbcourse hint. Показать? [д/Н] ';

    if (!interactive || !(await confirm(ctx, question))) {
      ctx.print(`Решение откроется, когда упражнение будет решено. Если хотите увидеть его ` +
        `сейчас: dbcourse solution ${lesson.entry.short} ${exercise.id} --give-up`);
      return EXIT_FAILED;
    }
  }

  if (!progress.passed) store.recordGaveUp(lesson.meta.key, exercise.id);

  // The reference for the engine the learner checks on (dialects differ in places).
  ctx.print(renderSolution(exercise, ctx.engineChoice().name, progress.passed,
    lesson.entry.short, ctx.screen));
  return EXIT_OK;
}
