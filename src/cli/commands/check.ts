import { join } from 'node:path';
import { isSqlExercise } from '../../course/kinds.js';
import type { Exercise } from '../../course/format.js';
import type { Verdict } from '../../checker/verdict.js';
import { renderVerdict } from '../../render/verdict.js';
import { wrapText } from '../../render/wrap.js';
import { ensureAnswerFiles, readAnswer, type AnswerFile } from '../../workspace/answers.js';
import type { Context } from '../context.js';
import { EXIT_FAILED, EXIT_OK, UserError } from '../errors.js';

export async function check(ctx: Context, lessonId: string, exerciseId?: string,
  json = false): Promise<number> {
  const lesson = await ctx.lesson(lessonId);
  const { meta, entry } = lesson;
  const { style } = ctx.screen;
  const store = ctx.progress();

  const chosen: { exercise: Exercise; index: number }[] = exerciseId
    ? [ctx.exercise(lesson, exerciseId)]
    : meta.exercises.map((exercise, index) => ({ exercise, index }));


  const files = ensureAnswerFiles(ctx.workspace, entry, meta.key, chosen.map((c) => c.exercise),
    meta.exercises);
  const say = (text: string) => {
    if (!json) ctx.print(text);
  };
  say(style.bold(`Урок ${entry.short}. ${meta.title}`) + '\n' +
    style.dim(`Ответы: ${join(ctx.workspace, meta.key)}`));

  // Answers already judged as given keep their verdict; the rest need the engine.
  const answers = chosen.map(({ exercise }, i) => readFor(exercise, files[i]));
  const known = await Promise.all(chosen.map(({ exercise }, i) => {
    const answer = answers[i];
    return typeof answer === 'string' ? ctx.rememberedVerdict(exercise, answer) : answer;
  }));

  // The SQL thread starts now, only if a query must run: its start-up is most of a check.
  if (chosen.some((c, i) => isSqlExercise(c.exercise) && !known[i])) {
    (await ctx.engine()).warmUp();
  }

  // Judged together so that the sandbox thread never waits; printed in order.
  const verdicts = await Promise.all(chosen.map(async ({ exercise }, i) =>
    known[i] ?? ctx.judge(exercise, answers[i] as string)));
  let failed = 0;

  for (const [i, { exercise, index }] of chosen.entries()) {
    const verdict = verdicts[i];
    if (countsAsAttempt(verdict)) store.recordAttempt(meta.key, exercise.id, verdict.passed, { save: false });

    // An exercise that needs another engine is said so, but does not fail this check.
    if (!verdict.passed && verdict.feedback.kind !== 'needs-engine') failed += 1;
    say((verdict.passed ? '' : '\n') + renderVerdict(verdict, exercise, index, ctx.screen) +
      (verdict.passed ? '' : '\n    ' + style.dim(`Файл: ${files[i].path}`)));
  }

  // One write for the whole check; an overrunning query is stopped, so this line is reached.
  store.save();
  say('\n' + summary(ctx, meta.key, ctx.requiredExercises(lesson), entry.short,
    exerciseId, failed));
  if (json) {
    ctx.print(JSON.stringify({
      lesson: entry.id,
      key: meta.key,
      passed: failed === 0,
      verdicts: chosen.map(({ exercise }, i) => ({ exercise: exercise.id, file: files[i].path,
        ...verdicts[i] })),
    }, null, 2));
  }
  return failed === 0 ? EXIT_OK : EXIT_FAILED;
}

/** Whether progress counts the verdict as an attempt: there was an answer to judge. */
export function countsAsAttempt(verdict: Verdict): boolean {
  return !['empty-answer', 'no-answer-file', 'bad-file'].includes(verdict.feedback.kind);
}

/** The answer text, or the verdict that there is nothing to judge. */
export function readFor(exercise: Exercise, file: AnswerFile): string | Verdict {
  if (file.created) {
    return { exerciseId: exercise.id, passed: false, feedback: { kind: 'no-answer-file' } };
  }
  try {
    return readAnswer(file.path) ?? '';
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return { exerciseId: exercise.id, passed: false,
      feedback: { kind: 'bad-file', message: error.message } };
  }
}

function summary(ctx: Context, key: string, exercises: Exercise[], short: string,
  single: string | undefined, failedNow: number): string {
  const { style } = ctx.screen;
  const progress = ctx.progress().lesson(key);
  const left = exercises.filter((e) => !progress.exercises[e.id]?.passed);

  if (left.length === 0 && failedNow > 0) {
    return wrapText(`Урок ${short} пройден раньше и остаётся пройденным. Сейчас не зачтено ` +
      `упражнений: ${failedNow} — ответы в файлах с тех пор изменились.`, ctx.screen.width)
      .join('\n');
  }

  if (left.length === 0) {
    return style.ok(`Урок ${short} пройден: все ${exercises.length} упражнений решены.`) +
      '\nДальше: dbcourse next';
  }

  const lines = wrapText(`Решено ${exercises.length - left.length} из ${exercises.length}. ` +
    `Осталось: ${left.map((e) => e.id).join(', ')}.`, ctx.screen.width);
  if (!single) lines.push(style.dim(`Подсказка: dbcourse hint ${short} <упражнение>`));
  return lines.join('\n');
}
