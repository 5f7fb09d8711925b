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

  try {
    process.cwd();
  } catch {
    // The folder dbcourse was started in is gone: Node's threads and child processes fail to
    // start without it, and relative paths mean nothing. Say so instead of a stack trace.
    const { FOLDER_GONE } = await import('../server/address.js');
    io.stderr.write(`${FOLDER_GONE}\n`);
    return { code: 1, hardExit: false };
  }

  // Only `check` uses them; their modules stay off every other command's path.
  if (argv.includes('check')) return check(argv, io);
  const { run } = await import('./run.js');
  return run(argv, io);
}

/**
 * A check goes to the check server when one runs (src/server); otherwise it runs here, with
 * the SQL thread started ahead, and then starts a server for the next check.
 */
async function check(argv: string[], io: Io): Promise<RunResult> {
  const { isCheck, serverAddress, serverAllowed } = await import('../server/address.js');
  const address = isCheck(argv) && serverAllowed(io.env) ? serverAddress(io.env) : undefined;
  const client = address ? await import('../server/client.js') : undefined;
  const answered = client && address ? await client.runOnServer(argv, io, address) : undefined;
  if (answered) return answered;

  (await import('./start-ahead.js')).startAhead(argv, io.env);
  const { run } = await import('./run.js');
  const result = await run(argv, io);
  if (client && address) client.startServer(io, address);
  return result;
}
