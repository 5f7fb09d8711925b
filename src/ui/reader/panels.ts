/** The reader's lists as lines: the table of contents, and the rows any list draws. */
import type { Screen } from '../../render/screen.js';
import { fit, highlight } from '../text.js';
import type { TocEntry } from './page.js';

/** The visible part of a list of `count` items with the cursor on screen. */
export function listWindow(count: number, cursor: number, height: number): [number, number] {
  const start = Math.max(0, Math.min(cursor - Math.floor(height / 2), count - height));
  return [start, Math.min(count, start + height)];
}

export function cursorLine(text: string, chosen: boolean, screen: Screen, width: number): string {
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
