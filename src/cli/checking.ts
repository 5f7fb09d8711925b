/**
 * Checking a lesson's answers: read each answer file, judge it, record the result. Shared by
 * `dbcourse check` and the lesson reader; printing is theirs.
 */
import { isSqlExercise } from '../course/kinds.js';
import type { Lesson } from '../course/course.js';
import type { Exercise } from '../course/format.js';
import type { Verdict } from '../checker/verdict.js';
import type { Screen } from '../render/screen.js';
import { wrapText } from '../render/wrap.js';
import { ensureAnswerFiles, readAnswer, type AnswerFile } from '../workspace/answers.js';
import type { Context } from './context.js';
import { UserError } from './errors.js';

export interface Checked {
  exercise: Exercise;
  index: number;
  file: AnswerFile;
  verdict: Verdict;
}

export interface CheckOutcome {
  results: Checked[];
  /** Exercises that count as failed now (one that needs another engine does not). */
  failed: number;
}

/** The exercises of a check: one by id or number, or all of the lesson. */
export function chosenExercises(ctx: Context, lesson: Lesson, exerciseId?: string):
  { exercise: Exercise; index: number }[] {
  return exerciseId
    ? [ctx.exercise(lesson, exerciseId)]
    : lesson.meta.exercises.map((exercise, index) => ({ exercise, index }));
}

/**
 * Whether progress counts the verdict as an attempt: there was an answer to judge (one that
 * could not be read, such as option letters typed in another alphabet, is none).
 */
export function countsAsAttempt(verdict: Verdict): boolean {
  return !['empty-answer', 'no-answer-file', 'bad-file', 'unreadable']
    .includes(verdict.feedback.kind);
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

/** Judges the chosen exercises and records every verdict that says something about the answer. */
export async function checkExercises(ctx: Context, lesson: Lesson,
  chosen: { exercise: Exercise; index: number }[]): Promise<CheckOutcome> {
  const { meta, entry } = lesson;
  const store = ctx.progress();
  const files = ensureAnswerFiles(ctx.workspace, entry, meta.key, chosen.map((c) => c.exercise),
    meta.exercises);

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

  // Judged together so that the sandbox thread never waits.
  const verdicts = await Promise.all(chosen.map(async ({ exercise }, i) =>
    known[i] ?? ctx.judge(exercise, answers[i] as string)));
  let failed = 0;

  for (const [i, { exercise }] of chosen.entries()) {
    const verdict = verdicts[i];
    // An unchanged answer that passed before, judged again from memory, is no new attempt.
    const again = known[i] !== undefined && store.exercise(meta.key, exercise.id).passed;
    if (countsAsAttempt(verdict) && !again) {
      store.recordAttempt(meta.key, exercise.id, verdict.passed, { save: false });
    }
    if (!verdict.passed && verdict.feedback.kind !== 'needs-engine') failed += 1;
  }

  // One write for the whole check; an overrunning query is stopped, so this line is reached.
  store.save();
  return {
    results: chosen.map((c, i) => ({ ...c, file: files[i], verdict: verdicts[i] })),
    failed,
  };
}

/** What the check means for the lesson: passed, or how many are left. */
export function checkSummary(ctx: Context, lesson: Lesson, single: boolean, failedNow: number,
  screen: Screen = ctx.screen, failedIds: string[] = []): string {
  const { style } = screen;
  const short = lesson.entry.short;
  const exercises = ctx.requiredExercises(lesson);
  const progress = ctx.progress().lesson(lesson.meta.key);
  const left = exercises.filter((e) => !progress.exercises[e.id]?.passed);

  if (left.length === 0 && failedNow > 0) {
    return wrapText(`Урок ${short} пройден раньше и остаётся пройденным. Сейчас не зачтено ` +
      `упражнений: ${failedNow} — изменились ответы в файлах или СУБД, на которой они ` +
      `проверяются (сейчас ${ctx.engineChoice().name === 'mysql' ? 'MySQL' : 'SQLite'}).`,
      screen.width)
      .join('\n');
  }

  if (left.length === 0) {
    return style.ok(`Урок ${short} пройден: все ${exercises.length} упражнений решены.`) +
      '\nДальше: dbcourse next';
  }

  const lines = wrapText(`Решено ${exercises.length - left.length} из ${exercises.length}. ` +
    `Осталось: ${left.map((e) => e.id).join(', ')}.`, screen.width);
  // Solved before and failing now: progress keeps them solved, the learner should know.
  const regressed = failedIds.filter((id) => progress.exercises[id]?.passed);
  if (regressed.length > 0) {
    lines.push(...wrapText(`Решены раньше, но сейчас не зачтены: ${regressed.join(', ')} — ` +
      'изменились ответы в файлах или СУБД, на которой они проверяются.', screen.width));
  }
  if (!single) lines.push(style.dim(`Подсказка: dbcourse hint ${short} <упражнение>`));
  return lines.join('\n');
}
