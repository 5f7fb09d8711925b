/**
 * Starts the interactive screens on the terminal and waits until the learner leaves them.
 * Only commands that were asked for a screen import this module: Ink and React load here.
 */
import { render } from 'ink';
import type { Context } from '../cli/context.js';
import { EXIT_OK } from '../cli/errors.js';
import { App, type Start } from './app.js';
import { Session } from './session.js';

// The terminal's second screen: the map leaves the scrollback as it was when it quits.
const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h';
const LEAVE_ALTERNATE_SCREEN = '\u001b[?1049l';
// Keys typed before the terminal went raw were echoed where the cursor stood: the line is
// cleared so that the summary does not start after them.
const CLEAR_TYPED_AHEAD = '\r\u001b[K';

export async function runScreens(ctx: Context, start: Start): Promise<number> {
  // Read before the screen takes over, so that warnings (a broken lesson, a damaged progress
  // file) stay readable on the normal screen.
  const session = new Session(ctx);
  await ctx.readableLessons();

  const stdout = ctx.io.stdout as NodeJS.WriteStream;
  stdout.write(ENTER_ALTERNATE_SCREEN);
  try {
    const app = render(<App session={session} start={start} />, {
      stdout,
      stdin: ctx.io.stdin as NodeJS.ReadStream,
      stderr: ctx.io.stderr as NodeJS.WriteStream,
      exitOnCtrlC: true,
      patchConsole: false,
    });
    await app.waitUntilExit();
  } finally {
    stdout.write(LEAVE_ALTERNATE_SCREEN + CLEAR_TYPED_AHEAD);
  }

  const { courseOverview } = await import('../cli/overview.js');
  const overview = await courseOverview(ctx);
  ctx.print(`Пройдено уроков: ${overview.passed} из ${overview.lessons.length}.` + (overview.next
    ? ` Продолжить: dbcourse (урок ${overview.next.entry.short}).` : ' Курс пройден!'));
  return EXIT_OK;
}
