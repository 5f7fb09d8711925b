import { chaptersToCome } from '../../course/course.js';
import { bar, stateMark } from '../../render/screen.js';
import type { Context } from '../context.js';
import { EXIT_OK } from '../errors.js';
import { courseOverview, type CourseOverview } from '../overview.js';
import { canRunScreens } from '../screens-available.js';

export interface ListOptions {
  json?: boolean;
  interactive?: boolean;
}

export async function list(ctx: Context, options: ListOptions = {}): Promise<number> {
  if (options.interactive && !options.json) {
    if (canRunScreens(ctx.io)) {
      const { openScreens } = await import('../open-screens.js');
      return openScreens(ctx, { screen: 'map' });
    }
    ctx.warn('Карта курса открывается только в терминале; ниже обычный список.');
  }

  const overview = await courseOverview(ctx);
  if (options.json) {
    const { listJson } = await import('../overview-json.js');
    ctx.print(JSON.stringify(listJson(overview, ctx.engineChoice().name), null, 2));
    return EXIT_OK;
  }

  ctx.print(listText(ctx, overview));
  return EXIT_OK;
}

function listText(ctx: Context, overview: CourseOverview): string {
  const { style } = ctx.screen;
  const lines: string[] = [];

  for (const { chapter, topics, passed, total } of overview.chapters) {
    lines.push(style.heading(`Глава ${chapter.number}. ${chapter.title}`) +
      style.dim(`  ${passed}/${total}`));

    for (const { topic, lessons } of topics) {
      lines.push(`  ${style.bold(topic.title)}`);

      for (const summary of lessons) {
        const { entry, lesson, state, exercises } = summary;
        if (!lesson || state === 'unreadable') {
          lines.push(`    ${style.bad('!')}   ${entry.short.padEnd(5)} ` +
            style.dim('урок не читается (подробности выше)'));
          continue;
        }

        const count = state === 'started'
          ? style.dim(`  ${exercises.passed}/${exercises.total}`) : '';
        const isNext = summary === overview.next;
        lines.push(`    ${stateMark(state, ctx.screen)} ${entry.short.padEnd(5)} ` +
          `${lesson.meta.title}${count}${isNext ? style.accent('  ← дальше') : ''}`);
      }
    }

    lines.push('');
  }

  const total = overview.lessons.length;
  const coming = chaptersToCome(overview.chapters.map(({ chapter }) => chapter.number));
  return [
    `Пройдено уроков: ${overview.passed} из ${total}  ` +
      bar(overview.passed, total, 20, ctx.screen),
    '',
    ...lines,
    ...(coming.length > 0 ? [style.dim(coming.length === 1
      ? `Глава ${coming[0]} ещё готовится и появится в следующей версии курса.`
      : `Главы ${listed(coming)} ещё готовятся и появятся в следующих версиях курса.`), '']
      : []),
    style.dim(overview.next
      ? `Продолжить: dbcourse next (урок ${overview.next.entry.short}); ` +
        'любой урок: dbcourse show <урок>'
      : 'Все уроки пройдены.'),
  ].join('\n');
}

/** 5, 6 и 8 */
function listed(numbers: number[]): string {
  return numbers.length < 2 ? numbers.join('')
    : `${numbers.slice(0, -1).join(', ')} и ${numbers[numbers.length - 1]}`;
}
