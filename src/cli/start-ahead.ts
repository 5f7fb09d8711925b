/**
 * Starts, before the command line is even parsed, what a command will likely need and what
 * takes long to start: today the SQLite sandbox thread for a `check` that will run SQL. Node
 * needs some twenty milliseconds to start a thread; started here, that overlaps with loading
 * the command line and the lesson. A thread started in vain costs a re-check its own start,
 * so a check whose answers all passed unchanged last time starts none (settled-answers.ts).
 */
import { settledKey, stillSettled } from '../checker/settled-answers.js';
import { commandWords } from './argv.js';
import { startEarlyThread } from '../engines/sqlite/early-thread.js';
import { readSettings } from '../settings/settings.js';
import { cacheDir, dataDir, type Env } from '../util/paths.js';
import { join } from 'node:path';

/** Whether the command will likely run learners' SQL on the SQLite sandbox thread. */
export function needsSqliteThread(argv: string[], env: Env): boolean {
  const { words: [command, lesson, exercise], engine } = commandWords(argv);
  if (command !== 'check' || lesson === undefined) return false;
  const chosen = engine ?? env.DBCOURSE_ENGINE ?? readSettings(dataDir(env)).engine ?? 'sqlite';
  if (chosen !== 'sqlite') return false;
  return !stillSettled(join(cacheDir(env), 'verdicts'), settledKey(lesson, exercise));
}

export function startAhead(argv: string[], env: Env): void {
  if (needsSqliteThread(argv, env)) startEarlyThread(cacheDir(env));
}
