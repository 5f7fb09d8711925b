/** Map rows as terminal lines: a mark, the lesson number and title, a progress bar. */
import type { CourseOverview, LessonSummary } from '../../cli/overview.js';
import { bar, stateMark, type Screen } from '../../render/screen.js';
import { displayWidth } from '../../render/width.js';
import { fit, highlight } from '../text.js';
import type { MapRow } from './tree.js';

const LESSON_BAR = 8;
const CHAPTER_BAR = 12;

/** A bar and "done/total", as wide on a colour terminal as in plain text. */
function meter(done: number, total: number, width: number, screen: Screen): string {
  const drawn = bar(done, total, width, screen);
  return `${screen.style.color ? ` ${drawn} ` : drawn} ${`${done}/${total}`.padStart(5)}`;
}

/** `left` and `right` on one line of `width` columns, the left cut to make room. */
function spread(left: string, leftPlain: string, right: string, width: number): string {
  const room = width - displayWidth(right) - 1;
  const shown = displayWidth(leftPlain) > room ? fit(leftPlain, room) : left;
  return shown + ' '.repeat(Math.max(1, width - displayWidth(shown) - displayWidth(right))) +
    right;
}

function lessonLine(summary: LessonSummary, isNext: boolean, screen: Screen,
  width: number): string {
  const { style } = screen;
  const { entry, lesson, state, exercises } = summary;

  if (!lesson || state === 'unreadable') {
    const text = `    !   ${entry.short.padEnd(5)} урок не читается`;
    return style.bad(fit(text, width));
  }

  const next = isNext ? '  ← дальше' : '';
  const right = meter(exercises.passed, exercises.total, LESSON_BAR, screen);
  const prefix = `    ${style.color ? '·' : '[ ]'} `;
  // The title gives way first: "← дальше" and the bar stay on narrow terminals.
  const room = width - displayWidth(prefix) - displayWidth(next) - displayWidth(right) - 1;
  const title = fit(`${entry.short.padEnd(5)} ${lesson.meta.title}`, room);
  const gap = ' '.repeat(Math.max(1, room + 1 - displayWidth(title)));

  return `    ${stateMark(state, screen)} ${title}${style.accent(next)}${gap}${right}`;
}

export function rowLine(row: MapRow, overview: CourseOverview, screen: Screen,
  width: number): string {
  const { style } = screen;

  switch (row.kind) {
    case 'chapter': {
      const { chapter, passed, total } = row.chapter;
      const title = `Глава ${chapter.number}. ${chapter.title}`;
      return spread(style.heading(title), title, meter(passed, total, CHAPTER_BAR, screen),
        width);
    }
    case 'topic':
      return `  ${style.bold(fit(row.topic.title, width - 2))}`;
    case 'lesson':
      return lessonLine(row.lesson, row.lesson === overview.next, screen, width);
  }
}

/** The selected row: reverse video on a colour terminal, an arrow in plain text. */
export function selectedLine(line: string, screen: Screen, width: number): string {
  if (!screen.style.color) return '>' + line.slice(1);
  return highlight(line + ' '.repeat(Math.max(0, width - displayWidth(line))), true);
}

const stateWords: Record<LessonSummary['state'], string> = {
  passed: 'пройден',
  started: 'начат',
  new: 'не начат',
  unreadable: 'не читается',
};

/** One line about the selected lesson, under the tree. */
export function detailLine(summary: LessonSummary | undefined, width: number): string {
  if (!summary) return '';
  const { entry, lesson, state, exercises } = summary;
  if (!lesson) return fit(`Урок ${entry.short} не читается: dbcourse list покажет причину.`, width);
  return fit(`Урок ${entry.short} · ${stateWords[state]} · решено ${exercises.passed} из ` +
    `${exercises.total} · Enter — открыть`, width);
}
