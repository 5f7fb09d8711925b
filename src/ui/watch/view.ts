/**
 * The watch session as lines of text: pure functions of a snapshot and the screen, shared by
 * the Ink screen and the plain output.
 */
import { exerciseTask } from '../../render/lesson.js';
import type { Screen } from '../../render/screen.js';
import { renderVerdict } from '../../render/verdict.js';
import { displayWidth, wrapStyled } from '../../render/width.js';
import { pathLines } from '../../render/path-lines.js';
import { wrapText } from '../../render/wrap.js';
import type { ExerciseView, WatchSnapshot } from './session.js';
import { texts } from './texts.js';

type Tone = 'ok' | 'bad' | 'busy' | 'none';

function status(view: ExerciseView): { tone: Tone; text: string } {
  const { verdict } = view;
  if (view.checking) return { tone: 'busy', text: texts.checking };
  if (view.problem) return { tone: 'bad', text: texts.status.problem };
  if (verdict?.passed) return { tone: 'ok', text: texts.status.passed };
  if (verdict?.feedback.kind === 'empty-answer') return { tone: 'none', text: texts.status.empty };
  if (verdict?.feedback.kind === 'needs-engine') {
    return { tone: 'none', text: texts.status.otherEngine };
  }
  if (verdict) return { tone: 'bad', text: texts.status.failed };
  return view.passed ? { tone: 'ok', text: texts.status.passedBefore }
    : { tone: 'none', text: texts.status.notChecked };
}

function mark(tone: Tone, screen: Screen): string {
  const { style } = screen;
  if (!style.color) return { ok: '[x]', bad: '[!]', busy: '[~]', none: '[ ]' }[tone];
  return { ok: style.ok('✓'), bad: style.bad('✗'), busy: style.warn('…'),
    none: style.dim('·') }[tone];
}

function paint(tone: Tone, text: string, screen: Screen): string {
  const { style } = screen;
  return { ok: style.ok, bad: style.bad, busy: style.warn, none: style.dim }[tone](text);
}

/** "✓ 1. Дешёвые книги (cheap-books) — верно", with a pointer when it is selected. */
export function exerciseLine(view: ExerciseView, screen: Screen, selected?: boolean): string {
  const { style } = screen;
  const { tone, text } = status(view);
  const title = `${view.index + 1}. ${view.exercise.title}`;
  const pointer = selected === undefined ? '' : selected ? style.accent('› ') : '  ';
  return `${pointer}${mark(tone, screen)} ${selected ? style.bold(title) : title} ` +
    `${style.dim(`(${view.exercise.id})`)} — ${paint(tone, text, screen)}`;
}

/** The exercise's verdict, or why it has none. */
export function verdictLines(view: ExerciseView, screen: Screen): string[] {
  const { style, width } = screen;
  if (view.problem) {
    return [`${mark('bad', screen)} ${style.bold(`${view.index + 1}. ${view.exercise.title}`)}`,
      ...wrapText(view.problem, width - 4).map((l) => `    ${l}`)];
  }
  if (view.verdict) {
    return renderVerdict(view.verdict, view.exercise, view.index, screen).split('\n');
  }
  return [];
}

/** What the selected exercise shows under the list: its file, verdict and hints. */
export function detailLines(view: ExerciseView, snapshot: WatchSnapshot, hintsOpen: boolean,
  screen: Screen): string[] {
  const { style } = screen;
  const unanswered = !view.problem &&
    (!view.verdict || view.verdict.feedback.kind === 'empty-answer');
  // The path whole, broken after a "/" when it is longer than the screen.
  const lines = [...pathLines(style.dim('Файл: '), view.path, screen.width, style.dim),
    ...(unanswered ? taskLines(view, screen) : verdictLines(view, screen))];
  if (view.checking) lines.push(style.warn(texts.checking));
  // An empty file was looked at, not checked: no time under "no answer yet".
  else if (view.checkedAt && !unanswered) lines.push(style.dim(texts.checkedAt(view.checkedAt)));

  if (hintsOpen) lines.push('', ...hintLines(view, snapshot, screen));
  return lines;
}

/** An exercise with no answer yet shows its task instead of "the answer is empty". */
function taskLines(view: ExerciseView, screen: Screen): string[] {
  const { style, width } = screen;
  return [style.bold(`${view.index + 1}. ${view.exercise.title}`),
    ...exerciseTask(view.exercise, width, '    ').split('\n'),
    '', ...wrapText(texts.noAnswerYet, width)];
}

function hintLines(view: ExerciseView, snapshot: WatchSnapshot, screen: Screen): string[] {
  const { style, width } = screen;
  const { hints, id } = view.exercise;
  const shown = Math.min(view.hintsShown, hints.length);
  const lines = [style.bold(texts.hintsTitle(shown, hints.length))];

  hints.slice(0, shown).forEach((hint, i) => {
    const body = wrapText(`${i + 1}. ${hint}`, width - 2).map((l) => `  ${l}`);
    lines.push(...(i === shown - 1 ? body : body.map((l) => style.dim(l))));
  });
  if (shown >= hints.length) {
    const more = texts.noMoreHints(snapshot.lesson.entry.short, id, view.passed);
    lines.push(...wrapText(more, width).map((line) => style.dim(line)));
  }
  return lines;
}

/** The marks of a cut text: how many lines are above and below what is shown. */
export interface CutMarks {
  above(lines: number): string;
  below(lines: number): string;
}

/** The largest useful `offset` of fitLines: the last line is shown, under the "above" mark. */
export function lastOffset(count: number, max: number): number {
  return count <= max ? 0 : count - (max - 1);
}

/** At most `max` of `lines` from `offset` on, with a mark for what is above and below. */
export function fitLines(lines: string[], max: number, offset: number, marks: CutMarks):
  string[] {
  if (lines.length <= max) return lines;
  const start = Math.min(Math.max(offset, 0), lastOffset(lines.length, max));
  const top = start > 0 ? [marks.above(start)] : [];
  const room = max - top.length;
  if (lines.length - start <= room) return [...top, ...lines.slice(start)];

  const body = lines.slice(start, start + room - 1);
  return [...top, ...body, marks.below(lines.length - start - body.length)];
}

/** Lines as screen rows: one wider than the screen is wrapped, the rest keep their indent. */
export function asRows(lines: string[], width: number): string[] {
  return lines.flatMap((block) => block.split('\n')).flatMap((line) =>
    displayWidth(line) <= width ? [line] : wrapStyled(line, width).split('\n'));
}

export interface DetailPage {
  detail: string[];
  footer: string[];
  /** Lines one PgDn moves, and the last useful scroll position. */
  page: number;
  last: number;
}

/**
 * The verdict's share of a screen of `rows` rows of which `fixed` are taken (the footer
 * aside): the lines from `scroll` on, and the footer, which names the paging keys only when
 * the verdict does not fit.
 */
export function pageDetail(lines: string[], scroll: number, rows: number, fixed: number,
  footer: (scrolls: boolean) => string[], marks: CutMarks): DetailPage {
  const room = (keys: string[]) => Math.max(rows - fixed - keys.length, 4);
  const keys = footer(lines.length > room(footer(false)));
  const max = room(keys);
  return { detail: fitLines(lines, max, scroll, marks), footer: keys,
    page: Math.max(max - 2, 1), last: lastOffset(lines.length, max) };
}

/**
 * "Решено 1 из 3. Осталось: ..." over the exercises that count on this engine; `short` leaves
 * out what is left, for a screen that lists it anyway.
 */
export function summaryLine(snapshot: WatchSnapshot, screen: Screen, short = false): string {
  const required = snapshot.exercises.filter((v) => v.required);
  const left = required.filter((v) => !v.passed).map((v) => v.exercise.id);
  // Passed before, but an answer changed since and fails now: the progress keeps the pass.
  const failingNow = required.filter((v) => v.verdict && !v.verdict.passed)
    .map((v) => v.exercise.id);
  if (left.length === 0 && failingNow.length > 0) {
    return wrapText(texts.passedButFailingNow(failingNow), screen.width).join('\n');
  }
  const text = wrapText(texts.solved(required.length - left.length, required.length, left,
    short), screen.width).join('\n');
  return left.length === 0 ? screen.style.ok(text) : text;
}

/** What the lesson being passed offers, one line each. */
export function lessonPassedLines(snapshot: WatchSnapshot, screen: Screen,
  interactive: boolean): string[] {
  const { style } = screen;
  const next = snapshot.nextLesson;
  const head = style.ok(style.bold(texts.lessonPassed(snapshot.lesson.entry.short)));
  if (!next) return [head, texts.courseDone];
  return [head, interactive
    ? style.accent(texts.nextLessonKey(next.entry.short, next.meta.title))
    : texts.nextLessonCommand(next.entry.short)];
}
