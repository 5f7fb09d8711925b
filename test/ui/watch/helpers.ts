// A learner's course and workspace for watch tests, and the session over them.
import { cpSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Context } from '../../../src/cli/context.js';
import type { Io } from '../../../src/cli/io.js';
import { fixtureCourse, learnerEnv, tempDir } from '../../helpers.js';

export const rightAnswers: Record<string, string> = {
  'cheap-books': 'SELECT title, price FROM books WHERE price < 300 ORDER BY price, title;',
  'books-per-language': 'SELECT language, COUNT(*) FROM books GROUP BY language',
  'what-is-null': 'b',
};

/** The fixture course with a second lesson (1-2) after its one lesson, in a temporary copy. */
export function twoLessonCourse(): string {
  const dir = tempDir('dbcourse-course-');
  cpSync(fixtureCourse, dir, { recursive: true });
  const topic = join(dir, '01-basics', '01-first');
  const first = readFileSync(join(topic, '01-passes-with-reference-answers.md'), 'utf8');
  writeFileSync(join(topic, '02-second.md'), first.replace('key: two-queries', 'key: second')
    .replace('title: Две задачи на запросы', 'title: Второй урок'));
  return dir;
}

export function watchContext(extra: Record<string, string> = {}): Context {
  const env = learnerEnv(extra);
  const io: Io = {
    stdout: { write: () => undefined, isTTY: false },
    stderr: { write: () => undefined },
    stdin: Readable.from([]) as Io['stdin'],
    env,
  };
  return new Context(io, {});
}

export function answerFile(ctx: Context, lessonKey: string, id: string): string {
  return join(ctx.workspace, lessonKey, `${id}.${id === 'what-is-null' ? 'txt' : 'sql'}`);
}

/** Saves as vim does: the task comment and the new answer in another file, renamed over. */
export function saveLikeVim(path: string, text: string): void {
  const task = readFileSync(path, 'utf8').split('\n')
    .filter((line) => line.startsWith('--') || line.startsWith('#')).join('\n');
  writeFileSync(`${path}.swp~`, `${task}\n\n${text}\n`);
  renameSync(`${path}.swp~`, path);
}

export function progressOf(ctx: Context): { lessons: Record<string, { exercises:
  Record<string, { passed: boolean; attempts: number; hintsShown: number }> }> } {
  return JSON.parse(readFileSync(join(ctx.io.env.DBCOURSE_DATA_DIR!, 'progress.json'), 'utf8'));
}
