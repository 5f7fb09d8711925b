/**
 * Starts, before the command line is even parsed, what a command will surely need and what
 * takes long to start: today the SQLite sandbox thread for `check`.
 */
import { startEarlyThread } from '../engines/sqlite/early-thread.js';
import { readSettings } from '../settings/settings.js';
import { dataDir, type Env } from '../util/paths.js';

/** Global options that take a value, so that the value is not mistaken for the command. */
const valued = new Set(['--engine', '--workspace']);

function commandAndEngine(argv: string[]): { command?: string; engine?: string } {
  let engine: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--engine=')) engine = arg.slice('--engine='.length);
    if (valued.has(arg)) {
      if (arg === '--engine') engine = argv[i + 1];
      i += 1;
    } else if (!arg.startsWith('-')) {
      return { command: arg, engine };
    }
  }
  return { engine };
}

/** Whether the command will run learners' SQL on the SQLite sandbox thread. */
export function needsSqliteThread(argv: string[], env: Env): boolean {
  const { command, engine } = commandAndEngine(argv);
  if (command !== 'check') return false;
  const chosen = engine ?? env.DBCOURSE_ENGINE ?? readSettings(dataDir(env)).engine ?? 'sqlite';
  return chosen === 'sqlite';
}

export function startAhead(argv: string[], env: Env): void {
  if (needsSqliteThread(argv, env)) startEarlyThread();
}
