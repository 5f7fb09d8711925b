/**
 * `dbcourse edit <lesson> <exercise>`: opens the exercise's answer file in the learner's
 * editor, creating it with the task as a comment first if it is missing.
 */
import { openInEditor, type EditorOutcome } from '../editor.js';
import { statSync } from 'node:fs';
import { assertRegularFile, ensureAnswerFiles } from '../../workspace/answers.js';
import type { Context } from '../context.js';
import { EXIT_FAILED, EXIT_OK, UserError } from '../errors.js';

const howToSet = 'Задайте редактор переменной окружения, например в ~/.bashrc или ~/.zshrc: ' +
  'export EDITOR=nano (или vim, или «code --wait» для VS Code), затем откройте новый терминал.';

function problem(outcome: Exclude<EditorOutcome, { kind: 'closed' }>, path: string): string {
  switch (outcome.kind) {
    case 'no-editor':
      return `Редактор не задан: переменные VISUAL и EDITOR пусты. ${howToSet}\n` +
        `Или откройте файл ответа сами: ${path}`;
    case 'not-started':
      return `Редактор «${outcome.editor}» не запустился: ` + (outcome.reason === 'not-found'
        ? 'такой команды нет.'
        : outcome.reason === 'not-executable' ? 'файл нельзя запустить (нет прав на запуск).'
          : `ошибка ${outcome.reason}.`) +
        ` Проверьте переменную VISUAL или EDITOR. ${howToSet}\nФайл ответа: ${path}`;
    case 'failed':
      return `Редактор «${outcome.editor}» завершился с ошибкой (` +
        (outcome.signal ? `сигнал ${outcome.signal}` : `код ${outcome.code}`) + '). Что было ' +
        `сохранено, осталось в файле: ${path}`;
  }
}

export async function edit(ctx: Context, lessonId: string, exerciseId: string): Promise<number> {
  const lesson = await ctx.lesson(lessonId);
  const { exercise } = ctx.exercise(lesson, exerciseId);
  const [file] = ensureAnswerFiles(ctx.workspace, lesson.entry, lesson.meta.key, [exercise]);
  if (file.created) ctx.print(`Создан файл ответа с заданием в комментарии: ${file.path}`);
  assertRegularFile(file.path, statSync(file.path).isFile());

  const outcome = await openInEditor(file.path, ctx.io.env);
  if (outcome.kind !== 'closed') throw new UserError(problem(outcome, file.path), EXIT_FAILED);

  ctx.print(ctx.screen.style.dim(`Проверить: dbcourse check ${lesson.entry.short} ` +
    `${exercise.id} (или держите открытым dbcourse watch ${lesson.entry.short})`));
  return EXIT_OK;
}
