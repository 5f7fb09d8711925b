/**
 * The reader's practice panel: the exercises with their states, then the chosen one's task
 * and answer file. On a short terminal the list, the closing advice and the blank lines give
 * way first; a task that still does not fit is shown a window at a time, with a line saying
 * which lines are on screen. The heading of the exercise and its answer file always stay.
 */
import { relative, sep } from 'node:path';
import type { PracticeItem } from '../../render/lesson.js';
import { exerciseTask } from '../../render/lesson.js';
import { pathLines } from '../../render/path-lines.js';
import type { Screen } from '../../render/screen.js';
import { displayWidth } from '../../render/width.js';
import { wrapText } from '../../render/wrap.js';
import { clamp, fit } from '../text.js';
import { cursorLine, listWindow } from './panels.js';

export interface PracticePanel {
  lines: string[];
  /** The task's first line on screen; 0 when the whole task is shown. */
  taskTop: number;
  /** How many task lines are on screen, and how many there are. */
  taskShown: number;
  taskLength: number;
}

/** True when the task is longer than its window: the paging keys then scroll it. */
export function taskScrolls(panel: PracticePanel): boolean {
  return panel.taskShown < panel.taskLength;
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

const SAVE_TIP = '  Сохраните ответ в файле в своём редакторе и нажмите c.';

/** The panel's parts, each a run of lines; the optional ones can be left out. */
interface Parts {
  heading: string[];
  headGap: string[];
  rows: string[];
  titleGap: string[];
  title: string[];
  task: string[];
  pathGap: string[];
  path: string[];
  hints: string[];
  tip: string[];
}

const ORDER: (keyof Parts)[] = ['heading', 'headGap', 'rows', 'titleGap', 'title', 'task',
  'pathGap', 'path', 'hints', 'tip'];

function count(parts: Parts): number {
  return ORDER.reduce((sum, key) => sum + parts[key].length, 0);
}

function listRows(items: PracticeItem[], cursor: number, screen: Screen,
  height: number): string[] {
  const [start, end] = listWindow(items.length, cursor, height);
  return items.slice(start, end).map((item, i) => cursorLine(`${mark(item, screen)} ` +
    `${start + i + 1}. ${item.exercise.title} — ${stateText(item)}`, start + i === cursor,
  screen, screen.width));
}

/**
 * The panel in at most `height` lines. `taskTop` is where the learner has scrolled the task
 * to; it is kept within the task.
 */
export function practicePanel(items: PracticeItem[], cursor: number, screen: Screen,
  height: number, workspace?: string, taskTop = 0): PracticePanel {
  const { style, width } = screen;
  const chosen = items[cursor] as PracticeItem | undefined;
  const done = items.filter((i) => i.progress.passed).length;
  const heading = [style.heading(`ПРАКТИКА: решено ${done} из ${items.length}`)];
  if (!chosen) return { lines: [...heading, ''], taskTop: 0, taskShown: 0, taskLength: 0 };

  const p = chosen.progress;
  // The id is what `dbcourse check 2-4 <id>` takes: the heading wraps rather than cut it.
  const titled = (state: string) => wrapText(`${cursor + 1}. ${chosen.exercise.title} ` +
    `(${chosen.exercise.id})${state}`, width).map((line) => style.bold(line));
  const title = titled('');
  const task = exerciseTask(chosen.exercise, width, '  ').split('\n');
  const hints = p.hintsShown > 0
    ? [style.dim(`  Подсказок взято: ${p.hintsShown} из ${chosen.exercise.hints.length}`)]
    : [];
  const parts: Parts = { heading, headGap: [''], rows: [], titleGap: [''], title, task,
    pathGap: [''], path: answerPathLines(chosen.path, workspace, screen), hints,
    tip: [style.dim(SAVE_TIP)] };

  // The list takes a third of a tall window, and gives its rows back when the task needs them.
  let listHeight = Math.min(items.length, Math.max(3, Math.floor(height / 3)));
  const over = () => count({ ...parts, rows: new Array<string>(listHeight) }) > height;
  while (over() && listHeight > 1) listHeight--;
  for (const optional of ['tip', 'pathGap', 'headGap', 'titleGap'] as const) {
    if (over()) parts[optional] = [];
  }
  parts.rows = listRows(items, cursor, screen, listHeight);

  // A task that still does not fit takes the list's last row too: the exercise's state goes
  // to its heading. On a terminal of a few rows the panel's heading goes as well.
  const room = () => height - (count(parts) - task.length);
  if (room() < task.length) {
    parts.rows = [];
    parts.title = titled(` — ${stateText(chosen)}`);
  }
  if (room() < Math.min(2, task.length)) parts.heading = [];

  let top = 0;
  let shown = task.length;
  if (count(parts) > height) {
    // One line of the window says where in the task the learner is.
    const window = Math.max(2, room());
    shown = window - 1;
    top = clamp(taskTop, 0, task.length - shown);
    const place = `  … условие: строки ${top + 1}–${top + shown} из ${task.length}`;
    parts.task = [...task.slice(top, top + shown), style.dim(fit(place, width))];
  }
  return { lines: ORDER.flatMap((key) => parts[key]), taskTop: top, taskShown: shown,
    taskLength: task.length };
}
