/**
 * `dbcourse answer <lesson> <exercise>`: answers a question exercise right in the terminal
 * (or from standard input in a pipe), instead of in its answer file.
 */
import { createInterface } from 'node:readline/promises';
import { judgeQuestion } from '../../checker/questions.js';
import { isSqlExercise } from '../../course/kinds.js';
import { exerciseTask } from '../../render/lesson.js';
import { renderVerdict } from '../../render/verdict.js';
import { writeFileAtomic } from '../../util/fs.js';
import { ensureAnswerFiles } from '../../workspace/answers.js';
import { answerHeader } from '../../workspace/header.js';
import type { Context } from '../context.js';
import { EXIT_FAILED, EXIT_OK, UserError } from '../errors.js';

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
}

export async function answer(ctx: Context, lessonId: string, exerciseId: string):
  Promise<number> {
  const lesson = await ctx.lesson(lessonId);
  const { exercise, index } = ctx.exercise(lesson, exerciseId);
  if (isSqlExercise(exercise)) {
    throw new UserError(`Упражнение ${exercise.id} — на SQL: его ответ пишется в файле. ` +
      `Проверить: dbcourse check ${lesson.entry.short} ${exercise.id}`);
  }

  let text: string;
  if (ctx.io.stdin.isTTY) {
    ctx.print(exerciseTask(exercise, ctx.screen.width, '') + '\n');
    const rl = createInterface({ input: ctx.io.stdin, output: process.stdout });
    // Ctrl+C leaves without an answer; Ctrl+D (the input closed) is an empty answer. The
    // question itself may then reject (AbortError) or, without a terminal, never settle.
    let interrupted = false;
    rl.on('SIGINT', () => {
      interrupted = true;
      rl.close();
    });
    const given = await new Promise<string | undefined>((resolve) => {
      rl.once('close', () => resolve(undefined));
      rl.question(exercise.kind === 'short' ? 'Ваш ответ: ' : 'Ваш ответ (буквы вариантов): ')
        .then(resolve, () => resolve(undefined));
    });
    rl.close();
    if (given === undefined) ctx.print('');
    if (interrupted) {
      ctx.print('Прервано: ответ не проверен и не записан.');
      return EXIT_FAILED;
    }
    text = given ?? '';
  } else {
    text = await readAll(ctx.io.stdin);
  }

  const verdict = judgeQuestion(exercise, text);
  if (verdict.feedback.kind === 'empty-answer') {
    ctx.print('Ответ пуст: ничего не проверено и не записано.');
    return EXIT_FAILED;
  }
  ctx.progress().recordAttempt(lesson.meta.key, exercise.id, verdict.passed);
  // The answer file says the same, so that check and watch agree with this verdict.
  const [file] = ensureAnswerFiles(ctx.workspace, lesson.entry, lesson.meta.key, [exercise],
    lesson.meta.exercises);
  writeFileAtomic(file.path, answerHeader(lesson.entry, exercise, index) + text.trim() + '\n');
  ctx.print(renderVerdict(verdict, exercise, index, ctx.screen));
  ctx.print(ctx.screen.style.dim(`Ответ записан в ${file.path}`));
  return verdict.passed ? EXIT_OK : EXIT_FAILED;
}
