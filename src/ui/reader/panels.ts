/** The reader's lists as lines: the table of contents and the practice with states. */
import { relative, sep } from 'node:path';
import type { PracticeItem } from '../../render/lesson.js';
import { exerciseTask } from '../../render/lesson.js';
import { pathLines } from '../../render/path-lines.js';
import type { Screen } from '../../render/screen.js';
import { displayWidth } from '../../render/width.js';
import { wrapText } from '../../render/wrap.js';
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

/**
 * Where to write the answer, whole: on one line when it fits; otherwise the answers' folder
 * and the file within it on lines of their own, each broken after a "/" if still too long.
 */
export function answerPathLines(path: string, workspace: string | undefined,
  screen: Screen): string[] {
  const { style, width } = screen;
  const label = '  Файл ответа: ';
  const inside = workspace && path.startsWith(workspace + sep);
  if (displayWidth(label + path) <= width || !inside) {
    return pathLines(label, path, width, style.accent);
  }
  return [
    ...pathLines('  Папка ответов: ', workspace, width, style.accent),
    ...pathLines('  Файл в ней:    ', relative(workspace, path), width, style.accent),
  ];
}

export function practiceLines(items: PracticeItem[], cursor: number, screen: Screen,
  height: number, workspace?: string): string[] {
  const { style, width } = screen;
  const done = items.filter((i) => i.progress.passed).length;
  const lines = [style.heading(`ПРАКТИКА: решено ${done} из ${items.length}`), ''];
  const details = chosenLines(items[cursor], cursor, screen, workspace);
  // A short window gives the list's rows to the task and its file: they must not be cut.
  const room = height - lines.length - details.length;
  const listHeight = Math.min(items.length, Math.max(1,
    Math.min(Math.max(3, Math.floor(height / 3)), room)));
  const [start, end] = listWindow(items.length, cursor, listHeight);

  for (let i = start; i < end; i++) {
    const item = items[i];
    lines.push(cursorLine(`${mark(item, screen)} ${i + 1}. ${item.exercise.title} — ` +
      stateText(item), i === cursor, screen, width));
  }
  // When even so the task does not fit, the closing advice goes, then the blank lines.
  const over = () => lines.length + details.length > height;
  if (over() && details.at(-1) === style.dim(SAVE_TIP)) details.pop();
  while (over() && details.lastIndexOf('') > 0) details.splice(details.lastIndexOf(''), 1);
  return [...lines, ...details];
}

const SAVE_TIP = '  Сохраните ответ в файле в своём редакторе и нажмите c.';

/** The chosen exercise: its title with the id, the task, the answer file, hints taken. */
function chosenLines(chosen: PracticeItem | undefined, cursor: number, screen: Screen,
  workspace?: string): string[] {
  if (!chosen) return [];
  const { style, width } = screen;
  const p = chosen.progress;
  // The id is what `dbcourse check 2-4 <id>` takes: the heading wraps rather than cut it.
  const lines = ['', ...wrapText(`${cursor + 1}. ${chosen.exercise.title} (${chosen.exercise.id})`,
    width).map((line) => style.bold(line))];
  lines.push(...exerciseTask(chosen.exercise, width, '  ').split('\n'));
  lines.push('', ...answerPathLines(chosen.path, workspace, screen));
  if (p.hintsShown > 0) {
    const total = chosen.exercise.hints.length;
    lines.push(style.dim(`  Подсказок взято: ${p.hintsShown} из ${total}`));
  }
  lines.push(style.dim(SAVE_TIP));
  return lines;
}
