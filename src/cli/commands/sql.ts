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
import { canRunScreens } from '../screens-available.js';

export async function sql(ctx: Context, execute: string | undefined): Promise<number> {
  const { io } = ctx;
  const session = await openConsole(ctx.engineChoice(), ctx.engineOptions());

  try {
    const interactive = execute === undefined && canRunScreens(io);
    if (interactive) {
      const { startConsole } = await import('../../ui/console/start.js');
      return await startConsole(ctx, session);
    }

    const reader = execute === undefined
      ? createInterface({ input: io.stdin, crlfDelay: Infinity }) : undefined;
    const runner = new ConsoleRunner(session, { screen: () => ctx.screen,
      keep: DEFAULT_MAX_ROWS, stopOnError: true, script: !(reader && io.stdin.isTTY) });
    try {
      return await runPlain(runner, reader ?? execute!.split(/\r?\n/), {
        out: (text) => ctx.print(text),
        err: (text) => io.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
      }, { typed: Boolean(reader && io.stdin.isTTY) });
    } finally {
      // Stopped before the end of input (\q, an error): stop reading, or a terminal on stdin
      // would keep the program waiting.
      reader?.close();
    }
  } finally {
    await session.close();
  }
}
