import type { Context } from '../context.js';
import { EXIT_OK } from '../errors.js';
import { lessonPage } from '../lesson-page.js';
import { page } from '../pager.js';

export async function show(ctx: Context, lessonId: string): Promise<number> {
  const lesson = await ctx.lesson(lessonId);
  await page(ctx, await lessonPage(ctx, lesson));
  return EXIT_OK;
}
