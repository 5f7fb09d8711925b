/**
 * The learner's answer files: <workspace>/<lesson key>/<exercise id>.sql (or .txt for
 * questions). Created with the task as a comment; never overwritten.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError, UserError } from '../cli/errors.js';
import type { LessonEntry } from '../course/course.js';
import { isSqlExercise } from '../course/kinds.js';
import type { Exercise } from '../course/format.js';
import { answerHeader } from './header.js';

export interface AnswerFile {
  exercise: Exercise;
  path: string;
  /** True when this call created the file. */
  created: boolean;
}

export function answerPath(workspace: string, lessonKey: string, exercise: Exercise): string {
  const extension = isSqlExercise(exercise) ? 'sql' : 'txt';
  return join(workspace, lessonKey, `${exercise.id}.${extension}`);
}

const MAX_ANSWER_BYTES = 256 * 1024;

/**
 * Creates a folder and its missing parents one by one: a clear message for a path that cannot
 * exist (a file in the way, no rights), where Node's recursive mkdir may even loop (/proc).
 */
function ensureFolder(path: string): void {
  const missing: string[] = [];
  let dir = resolve(path);

  while (!existsSync(dir)) {
    missing.unshift(dir);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }

  try {
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error(), { code: 'ENOTDIR' });
    for (const folder of missing) mkdirSync(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'ошибка';
    const why = code === 'ENOTDIR' ? `${dir} — файл, а не папка`
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'нет прав на запись'
        : `код ${code}`;
    throw new UsageError(`Папку для ответов ${path} создать нельзя: ${why}. Укажите другую: ` +
      '--workspace <папка> или переменная DBCOURSE_WORKSPACE.');
  }
}

export function ensureAnswerFiles(workspace: string, entry: LessonEntry, lessonKey: string,
  exercises: Exercise[], lessonExercises: Exercise[] = exercises): AnswerFile[] {
  ensureFolder(join(workspace, lessonKey));

  return exercises.map((exercise) => {
    // Numbered as in the lesson, also when only some of its exercises are asked for.
    const index = Math.max(0, lessonExercises.indexOf(exercise));
    const path = answerPath(workspace, lessonKey, exercise);
    if (existsSync(path)) return { exercise, path, created: false };

    try {
      // 'wx' fails if the file appeared meanwhile: the learner's text always wins.
      writeFileSync(path, answerHeader(entry, exercise, index), { flag: 'wx' });
      return { exercise, path, created: true };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return { exercise, path, created: false };
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
        throw new UsageError(`Нет прав на запись в папку ответов ${dirname(path)}. Исправьте ` +
          'права или укажите другую папку: --workspace <папка>.');
      }
      throw error;
    }
  });
}

/** A folder (or a device...) where the answer file should be is said, with what to do. */
export function assertRegularFile(path: string, isFile: boolean): void {
  if (!isFile) {
    throw new UserError(`На месте файла ответа ${path} — папка или другой не обычный файл. ` +
      'Переименуйте или уберите её: dbcourse создаст файл ответа заново.');
  }
}

/** The answer file's text; a huge or binary file is refused before anything runs. */
export function readAnswer(path: string): string | undefined {
  if (!existsSync(path)) return undefined;

  const stat = statSync(path);
  assertRegularFile(path, stat.isFile());
  const size = stat.size;
  if (size > MAX_ANSWER_BYTES) {
    throw new UserError(`Файл ответа ${path} слишком большой (${Math.round(size / 1024)} КБ): ` +
      'в нём должен быть один запрос или короткий ответ. Похоже, туда попало что-то другое.');
  }

  const bytes = readFileSync(path);
  if (bytes.includes(0)) {
    throw new UserError(`Файл ответа ${path} не текстовый. Сохраните его как обычный текст ` +
      '(UTF-8).');
  }
  const text = bytes.toString('utf8');
  // Bytes that are not UTF-8 (a file saved as Windows-1251) decode to U+FFFD.
  if (text.includes('\uFFFD')) {
    throw new UserError(`Файл ответа ${path} сохранён не в UTF-8 (похоже, в Windows-1251): ` +
      'русские буквы в нём не прочитать. Сохраните его в кодировке UTF-8 — в редакторе это ' +
      'обычно «Сохранить с кодировкой» или «Reopen/Save with Encoding».');
  }
  return text;
}
