/**
 * Opens the interactive screens. The terminal goes into raw mode before Ink and the course
 * load, so that keys typed meanwhile wait in the terminal as they are (not echoed over the
 * screen, Enter still Enter instead of the end of a cooked line) and reach the first screen.
 */
import type { Start } from '../ui/app.js';
import type { Context } from './context.js';

export async function openScreens(ctx: Context, start: Start): Promise<number> {
  const stdin = ctx.io.stdin as { setRawMode?: (raw: boolean) => unknown };
  stdin.setRawMode?.(true);
  try {
    const { runScreens } = await import('../ui/launch.js');
    return await runScreens(ctx, start);
  } finally {
    stdin.setRawMode?.(false);
  }
}
