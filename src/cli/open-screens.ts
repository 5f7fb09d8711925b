/**
 * Opening an interactive screen. The terminal goes into raw mode before Ink and the screen's
 * data load, so that keys typed meanwhile wait in the terminal as they are (not echoed over
 * the screen, Enter still Enter instead of the end of a cooked line) and reach the screen.
 */
import type { Start } from '../ui/app.js';
import type { Context } from './context.js';
import type { Io } from './io.js';

/** Runs `open` (which starts an Ink screen) with the keys typed meanwhile held raw. */
export async function withKeysHeld<T>(io: Io, open: () => Promise<T>): Promise<T> {
  const stdin = io.stdin as { setRawMode?: (raw: boolean) => unknown };
  stdin.setRawMode?.(true);
  try {
    return await open();
  } finally {
    stdin.setRawMode?.(false);
  }
}

/** The course map or the lesson reader. */
export function openScreens(ctx: Context, start: Start): Promise<number> {
  return withKeysHeld(ctx.io, async () => {
    const { runScreens } = await import('../ui/launch.js');
    return runScreens(ctx, start);
  });
}
