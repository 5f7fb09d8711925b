import { bar } from '../../render/screen.js';
import type { Context } from '../context.js';
import { EXIT_OK } from '../errors.js';
import { courseOverview } from '../overview.js';

export async function progress(ctx: Context, json = false): Promise<number> {
  const overview = await courseOverview(ctx);
  const store = ctx.progress();

  if (json) {
    const { progressJson } = await import('../overview-json.js');
    ctx.print(JSON.stringify(progressJson(overview, ctx.engineChoice().name, store.path),
      null, 2));
    return EXIT_OK;
  }

  const { style } = ctx.screen;
  // The counts padded to the widest, so that the chapter titles start in one column.
  const widest = Math.max(...overview.chapters.map((c) => String(c.readable).length));
  const rows = overview.chapters.map(({ chapter, passed, readable }) =>
    `${bar(passed, readable, 20, ctx.screen)} ${String(passed).padStart(widest)}/` +
    `${String(readable).padEnd(widest)}  Глава ${chapter.number}. ${chapter.title}`);
  const count = (pick: (e: { passed: number; total: number }) => number) =>
    overview.lessons.reduce((n, l) => n + pick(l.exercises), 0);
  const hints = overview.lessons.reduce((n, l) => n + l.hints, 0);
  const gaveUp = overview.lessons.reduce((n, l) => n + l.gaveUp, 0);
  const next = overview.next;

  ctx.print([
    style.bold('Прогресс по главам'),
    ...rows,
    '',
    `Уроков пройдено: ${overview.passed} из ${overview.lessons.length}`,
    `Упражнений решено: ${count((e) => e.passed)} из ${count((e) => e.total)}` +
      style.dim(` (подсказок взято: ${hints}, решений подсмотрено: ${gaveUp})`),
    next?.lesson ? `Следующий урок: ${next.entry.short} ${next.lesson.meta.title} — dbcourse next`
      : style.ok('Курс пройден целиком!'),
    style.dim(`Прогресс хранится в ${store.path}`),
  ].join('\n'));
  return EXIT_OK;
}
