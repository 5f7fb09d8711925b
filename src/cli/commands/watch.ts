/**
 * `dbcourse watch [lesson]`: judges an answer each time its file is saved. On a terminal it is
 * an Ink screen; anywhere else (a pipe, a log) it prints each verdict as plain lines.
 */
import { canRunScreens } from '../screens-available.js';
import type { Context } from '../context.js';
import { EXIT_OK } from '../errors.js';

export interface WatchOptions {
  poll: boolean;
  /** Ends plain mode; by default Ctrl+C, or the terminal or the system closing dbcourse. */
  signal?: AbortSignal;
}

function interruption(): AbortSignal {
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => controller.abort());
  }
  return controller.signal;
}

export async function watch(ctx: Context, lessonId: string | undefined, options: WatchOptions):
  Promise<number> {
  const { currentLesson, WatchSession } = await import('../../ui/watch/session.js');
  const { texts } = await import('../../ui/watch/texts.js');
  const lesson = lessonId ? await ctx.lesson(lessonId) : await currentLesson(ctx);
  if (!lesson) {
    ctx.print(texts.allLessonsPassed);
    return EXIT_OK;
  }

  const session = new WatchSession(ctx, lesson, { poll: options.poll });
  if (canRunScreens(ctx.io)) {
    const { withKeysHeld } = await import('../open-screens.js');
    await withKeysHeld(ctx.io, async () => {
      const { runScreen } = await import('../../ui/watch/run-screen.js');
      await runScreen(ctx.io, session);
    });
  } else {
    const { watchPlain } = await import('../../ui/watch/plain.js');
    await watchPlain(ctx, session, options.signal ?? interruption());
  }
  return EXIT_OK;
}
