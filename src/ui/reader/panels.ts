/** The reader's lists as lines: the table of contents and the practice with states. */
import type { PracticeItem } from '../../render/lesson.js';
import { exerciseTask } from '../../render/lesson.js';
import type { Screen } from '../../render/screen.js';
import { fit, highlight } from '../text.js';
import type { TocEntry } from './page.js';

/** The visible part of a list of `count` items with the cursor on screen. */
export function listWindow(count: number, cursor: number, height: number): [number, number] {
  const start = Math.max(0, Math.min(cursor - Math.floor(height / 2), count - height));
  return [start, Math.min(count, start + height)];
}

function cursorLine(text: string, chosen: boolean, screen: Screen, width: number): string {
  const line = fit(`${chosen && !screen.style.color ? '>' : ' '} ${text}`, width, chosen);
  return chosen ? highlight(line, screen.style.color) : line;
}

export function tocLines(toc: TocEntry[], cursor: number, current: number, screen: Screen,
  height: number): string[] {
  const { style, width } = screen;
  const [start, end] = listWindow(toc.length, cursor, height - 2);
  const lines = [style.heading('ОГЛАВЛЕНИЕ'), ''];

  for (let i = start; i < end; i++) {
    const entry = toc[i];
    const indent = '  '.repeat(Math.max(0, entry.depth - 1));
    const here = i === current ? '  ← вы здесь' : '';
    lines.push(cursorLine(`${indent}${entry.title}${here}`, i === cursor, screen, width));
  }
  return lines;
}

function mark(item: PracticeItem, screen: Screen): string {
  const { style } = screen;
  if (item.progress.passed) return style.color ? '✓' : '[x]';
  if (item.progress.attempts > 0) return style.color ? '✗' : '[!]';
  return style.color ? '○' : '[ ]';
}

function stateText(item: PracticeItem): string {
  const p = item.progress;
  if (p.passed) return 'решено';
  if (p.gaveUp) return 'решение подсмотрено';
  if (p.attempts > 0) return `не зачтено (попыток: ${p.attempts})`;
  return 'не решено';
}

export function practiceLines(items: PracticeItem[], cursor: number, screen: Screen,
  height: number): string[] {
  const { style, width } = screen;
  const done = items.filter((i) => i.progress.passed).length;
  const lines = [style.heading(`ПРАКТИКА: решено ${done} из ${items.length}`), ''];
  const listHeight = Math.min(items.length, Math.max(3, Math.floor(height / 3)));
  const [start, end] = listWindow(items.length, cursor, listHeight);

  for (let i = start; i < end; i++) {
    const item = items[i];
    lines.push(cursorLine(`${mark(item, screen)} ${i + 1}. ${item.exercise.title} — ` +
      stateText(item), i === cursor, screen, width));
  }

  const chosen = items[cursor];
  if (chosen) {
    const p = chosen.progress;
    lines.push('', style.bold(`${cursor + 1}. ${chosen.exercise.title}`) +
      style.dim(` (${chosen.exercise.id})`));
    lines.push(...exerciseTask(chosen.exercise, width, '  ').split('\n'));
    lines.push('', `  Файл ответа: ${style.accent(chosen.path)}`);
    if (p.hintsShown > 0) {
      const total = chosen.exercise.hints.length;
      lines.push(style.dim(`  Подсказок взято: ${p.hintsShown} из ${total}`));
    }
    lines.push(style.dim('  Сохраните ответ в файле в своём редакторе и нажмите c.'));
  }
  return lines;
}
