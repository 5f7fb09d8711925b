import { createInterface } from 'node:readline/promises';
import { isSqlExercise, referenceFor } from '../../course/kinds.js';
import type { EngineName, Exercise } from '../../course/format.js';
import { highlightSql } from '../../render/sql-highlight.js';
import { wrapText } from '../../render/wrap.js';
import type { Context } from '../context.js';
import { EXIT_FAILED, EXIT_OK } from '../errors.js';

async function confirm(ctx: Context, question: string): Promise<boolean> {
  const rl = createInterface({ input: ctx.io.stdin, output: process.stderr });
  try {
    const answer = await rl.question(question);
    return /^(д|да|y|yes)$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

function solutionText(exercise: Exercise, engine: EngineName, ctx: Context): string {
  const { style } = ctx.screen;
  switch (exercise.kind) {
    case 'query':
    case 'change':
    case 'plan': {
      return highlightSql(referenceFor(exercise, engine).trim(), style)
        .split('\n').map((l) => `    ${l}`).join('\n');
    }
    case 'choice':
      return `Верно: ${exercise.options.filter((o) => o.correct)
        .map((o) => `${o.key}) ${o.text}`).join('; ')}`;
    case 'ordering':
      return `Порядок: ${exercise.answer.join(' ')}`;
    case 'short':
      return `Ответ: ${exercise.accept[0]}`;
  }
}

export async function solution(ctx: Context, lessonId: string, exerciseId: string,
  giveUp: boolean): Promise<number> {
  const lesson = await ctx.lesson(lessonId);
  const { exercise } = ctx.exercise(lesson, exerciseId);
  const store = ctx.progress();
  const progress = store.exercise(lesson.meta.key, exercise.id);
  const { style, width } = ctx.screen;

  if (!progress.passed && !progress.gaveUp && !giveUp) {
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

  ctx.print([
    style.bold(`Решение: ${exercise.title}`),
    // The reference for the engine the learner checks on (dialects differ in places).
    solutionText(exercise, ctx.engineChoice().name, ctx),
    '',
    wrapText(exercise.explanation, width).join('\n'),
    ...(progress.passed ? [] : ['', style.dim(isSqlExercise(exercise)
      ? 'Теперь напишите запрос сами, не подглядывая, и проверьте: '
      : 'Впишите ответ в файл и проверьте: ') +
      style.dim(`dbcourse check ${lesson.entry.short} ${exercise.id}`)]),
  ].join('\n'));
  return EXIT_OK;
}
