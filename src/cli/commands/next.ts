import type { Context } from '../context.js';
import { EXIT_OK } from '../errors.js';
import { lessonPage } from '../lesson-page.js';
import { page } from '../pager.js';
import { welcomeText } from '../texts.js';

export async function next(ctx: Context): Promise<number> {
  const course = await ctx.course();
  const store = ctx.progress();
  const firstTime = !store.hasAnyProgress();

  for (const lesson of await ctx.readableLessons()) {
    if (ctx.lessonState(lesson) === 'passed') continue;

    const intro = firstTime ? welcomeText(ctx) + '\n' : '';
    await page(ctx, intro + await lessonPage(ctx, lesson));
    return EXIT_OK;
  }

  ctx.print(ctx.screen.style.ok(`Все ${course.lessons.length} уроков пройдены. Отличная работа!`) +
    '\nПовторить любой урок: dbcourse show <урок>; список: dbcourse list');
  return EXIT_OK;
}
