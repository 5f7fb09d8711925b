/**
 * `dbcourse sql`: a console on a private copy of the visible bookstore. On a terminal it is
 * interactive (Ink, loaded only then); with -e or SQL on stdin it prints plain tables.
 */
import { createInterface } from 'node:readline';
import { openConsole } from '../../engines/console.js';
import { DEFAULT_MAX_ROWS } from '../../engines/engine.js';
import { ConsoleRunner } from '../../ui/console/runner.js';
import { runPlain } from '../../ui/console/plain.js';
import type { Context } from '../context.js';

export async function sql(ctx: Context, execute: string | undefined): Promise<number> {
  const { io } = ctx;
  const session = await openConsole(ctx.engineChoice(), ctx.engineOptions());

  try {
    const interactive = execute === undefined && Boolean(io.stdin.isTTY) &&
      Boolean(io.stdout.isTTY);
    if (interactive) {
      const { startConsole } = await import('../../ui/console/start.js');
      return await startConsole(ctx, session);
    }

    const runner = new ConsoleRunner(session, { screen: () => ctx.screen,
      keep: DEFAULT_MAX_ROWS, stopOnError: true });
    const lines = execute !== undefined ? execute.split(/\r?\n/)
      : createInterface({ input: io.stdin, crlfDelay: Infinity });
    return await runPlain(runner, lines, {
      out: (text) => ctx.print(text),
      err: (text) => io.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    });
  } finally {
    await session.close();
  }
}
