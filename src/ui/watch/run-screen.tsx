/** Runs the watch screen on the terminal until the learner quits. */
import { render } from 'ink';
import type { Io } from '../../cli/io.js';
import { wantsColor } from '../../cli/terminal.js';
import type { WatchSession } from './session.js';
import { WatchScreen } from './WatchScreen.js';

export async function runScreen(io: Io, session: WatchSession): Promise<void> {
  const app = render(<WatchScreen session={session} color={wantsColor(io)} />, {
    stdout: io.stdout as NodeJS.WriteStream,
    stderr: io.stderr as NodeJS.WriteStream,
    stdin: io.stdin as NodeJS.ReadStream,
    // dbcourse prints nothing through console while the screen is up.
    patchConsole: false,
  });

  // Checks report their own problems on the screen; start() itself does not fail.
  void session.start();
  try {
    await app.waitUntilExit();
  } finally {
    session.close();
  }
}
