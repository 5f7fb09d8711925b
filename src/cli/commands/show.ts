import type { Context } from '../context.js';
import { EXIT_OK } from '../errors.js';
import { lessonPage } from '../lesson-page.js';
import { page } from '../pager.js';
import { canRunScreens } from '../screens-available.js';

export async function show(ctx: Context, lessonId: string, interactive = false):
  Promise<number> {
  const lesson = await ctx.lesson(lessonId);

  if (interactive) {
    if (canRunScreens(ctx.io)) {
      const { openScreens } = await import('../open-screens.js');
      return openScreens(ctx, { screen: 'reader', lesson: lesson.entry });
    }
    ctx.warn('Читать урок по страницам можно только в терминале; ниже урок целиком.');
  }

  await page(ctx, await lessonPage(ctx, lesson));
  return EXIT_OK;
}
