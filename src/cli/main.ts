/**
 * The entry bin/dbcourse calls: the top-level help from its cache when it is there, anything
 * else through run.ts, which loads the command-line library.
 */
import { cachedHelp } from './help-cache.js';
import type { Io } from './io.js';
import type { RunResult } from './run.js';

export type { RunResult } from './run.js';

export async function main(argv: string[], io: Io): Promise<RunResult> {
  const help = cachedHelp(argv, io);
  if (help !== undefined) {
    io.stdout.write(help);
    return { code: 0, hardExit: false };
  }

  // Only `check` can use it; its module stays off every other command's path.
  if (argv.includes('check')) (await import('./start-ahead.js')).startAhead(argv, io.env);
  const { run } = await import('./run.js');
  return run(argv, io);
}
