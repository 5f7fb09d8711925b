/** Starts the interactive console on a terminal and waits until the learner leaves it. */
import { render } from 'ink';
import type { Context } from '../../cli/context.js';
import type { ConsoleSession } from '../../engines/console.js';
import { wrapStyled } from '../../render/width.js';
import { dataDir } from '../../util/paths.js';
import { ConsoleApp } from './ConsoleApp.js';
import { historyPath, readHistory, remember } from './history.js';
import { ConsoleRunner } from './runner.js';

/** Rows of a result shown on screen; the rest are counted. */
export const SCREEN_ROWS = 200;

export async function startConsole(ctx: Context, session: ConsoleSession): Promise<number> {
  const { io } = ctx;
  const { style } = ctx.screen;
  const runner = new ConsoleRunner(session, {
    screen: () => ({ width: Math.max(40, io.stdout.columns ?? 80), style }),
    keep: SCREEN_ROWS,
    stopOnError: false,
  });
  const path = historyPath(dataDir(io.env));
  // Wrapped here: Ink would start a line with the space it broke at.
  const welcome = wrapStyled(`${style.bold('Консоль SQL dbcourse')} на ${session.engine}: ` +
    'учебная база магазина. Оператор заканчивается «;». Справка: \\?, таблицы: \\d, ' +
    'выход: \\q', Math.max(40, io.stdout.columns ?? 80) - 1);

  const app = render(
    <ConsoleApp runner={runner} engine={session.engine} style={style} welcome={welcome}
      history={readHistory(path)} remember={(entry) => remember(path, readHistory(path),
        entry)} cancel={() => session.cancel()} />,
    {
      stdin: io.stdin as NodeJS.ReadStream,
      stdout: io.stdout as unknown as NodeJS.WriteStream,
      stderr: io.stderr as unknown as NodeJS.WriteStream,
      exitOnCtrlC: false,
      patchConsole: false,
    },
  );

  await app.waitUntilExit();
  return 0;
}
