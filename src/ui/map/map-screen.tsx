/**
 * The course map: chapters, topics and lessons with their state, moved through with the
 * keyboard; search, filters and "continue here".
 */
import type { Key } from 'ink';
import { useRef } from 'react';
import type { CourseOverview, LessonSummary } from '../../cli/overview.js';
import type { LessonEntry } from '../../course/course.js';
import { bar, type Screen } from '../../render/screen.js';
import { bodyHeight, Frame, QUIT_NOTE } from '../frame.js';
import { useKeys } from '../keys.js';
import { repeated } from '../scroll.js';
import { fit } from '../text.js';
import { detailLine, rowLine, selectedLine } from './map-rows.js';
import { filters, lessonRows, mapRows, moveBy, rowOf, type Filter, type MapRow } from './tree.js';

export interface MapState {
  /** Id of the selected lesson (lesson-2-4). */
  selected?: string;
  filter: Filter;
  query: string;
  searching: boolean;
}

export const initialMapState: MapState = { filter: 'all', query: '', searching: false };

export interface MapScreenProps {
  overview: CourseOverview;
  screen: Screen;
  height: number;
  state: MapState;
  onState: (state: MapState) => void;
  onOpen: (entry: LessonEntry) => void;
  onQuit: () => void;
  /** A note for the status line (how to leave, when Esc has nothing left to close). */
  onMessage: (text: string) => void;
  message?: string;
}

const PAGE_LESSONS = 10;

const keysBrowsing = ['↑↓ jk выбрать', 'Enter открыть', '/ поиск', 'f фильтр',
  'c продолжить', 'q выход'];
const keysNarrowed = [...keysBrowsing.slice(0, -1), 'Esc показать все', 'q выход'];
const keysSearching = ['печатайте для поиска', '↑↓ выбрать', 'Enter готово',
  'Esc сбросить поиск'];

/** The first row shown, so that the selected row and the headers above it stay visible. */
function scrolled(rows: MapRow[], selected: number, top: number, height: number): number {
  let next = Math.min(top, Math.max(0, rows.length - height));
  if (selected >= 0 && selected < next) {
    next = selected;
    while (next > 0 && rows[next - 1].kind !== 'lesson') next -= 1;
  }
  if (selected >= next + height) next = selected - height + 1;
  return Math.max(0, next);
}

function headerLine(overview: CourseOverview, screen: Screen): string {
  const total = overview.lessons.length;
  return `${screen.style.accent('dbcourse — карта курса')}   Пройдено уроков: ` +
    `${overview.passed} из ${total} ${bar(overview.passed, total, 16, screen)}`;
}

function filterLine(state: MapState, screen: Screen): string {
  const { style } = screen;
  const tabs = filters.map((f) => (f.key === state.filter
    ? style.accent(`[${f.label}]`) : style.dim(` ${f.label} `))).join(' ');
  const search = state.searching ? `Поиск: ${state.query}▏`
    : state.query ? `Поиск: «${state.query}»` : style.dim('Поиск: /');
  return `${tabs}    ${search}`;
}

function emptyText(state: MapState): string {
  if (state.query) return `Ничего не найдено по «${state.query}». Esc — сбросить поиск.`;
  return state.filter === 'done' ? 'Пройденных уроков пока нет. f — другой фильтр.'
    : 'Все уроки пройдены. f — другой фильтр.';
}

export function MapScreen(props: MapScreenProps) {
  const { overview, screen, height, state, onState } = props;
  const width = screen.width;
  const rows = mapRows(overview, state.filter, state.query);
  const selected = rowOf(rows, state.selected ?? overview.next?.entry.id);
  const narrowed = state.query !== '' || state.filter !== 'all';
  const keys = state.searching ? keysSearching : narrowed ? keysNarrowed : keysBrowsing;
  const treeHeight = bodyHeight(height, keys, width) - 3;
  const top = useRef(0);
  top.current = scrolled(rows, selected, top.current, treeHeight);

  const summary = (row: number): LessonSummary | undefined => {
    const found = rows[row];
    return found?.kind === 'lesson' ? found.lesson : undefined;
  };
  const select = (row: number, changes: Partial<MapState> = {}) =>
    onState({ ...state, ...changes, selected: summary(row)?.entry.id ?? state.selected });

  const handle = (typed: string, key: Key) => {
    // While searching every letter is text (a paste included); otherwise "jjj" is three moves.
    const { input, count } = state.searching ? { input: typed, count: 1 } : repeated(typed);
    if (key.upArrow || (!state.searching && input === 'k')) {
      return select(moveBy(rows, selected, -count));
    }
    if (key.downArrow || (!state.searching && input === 'j')) {
      return select(moveBy(rows, selected, count));
    }
    if (key.pageUp) return select(moveBy(rows, selected, -PAGE_LESSONS));
    if (key.pageDown) return select(moveBy(rows, selected, PAGE_LESSONS));

    if (state.searching) {
      if (key.escape) return onState({ ...state, query: '', searching: false });
      if (key.return) return onState({ ...state, searching: false });
      if (key.backspace || key.delete) {
        return onState({ ...state, query: state.query.slice(0, -1) });
      }
      if (input && !key.ctrl && !key.meta && !key.tab) {
        return onState({ ...state, query: state.query + input, selected: undefined });
      }
      return undefined;
    }

    if (key.home || input === 'g') return select(lessonRows(rows)[0] ?? -1);
    if (key.end || input === 'G') return select(lessonRows(rows).at(-1) ?? -1);
    if (key.return || key.rightArrow || input === 'l') {
      const lesson = summary(selected);
      if (lesson) props.onOpen(lesson.entry);
      return undefined;
    }
    if (input === '/') return onState({ ...state, searching: true });
    if (input === 'f' || key.tab) {
      const at = filters.findIndex((f) => f.key === state.filter);
      return onState({ ...state, filter: filters[(at + 1) % filters.length].key });
    }
    if (['1', '2', '3'].includes(input)) {
      return onState({ ...state, filter: filters[Number(input) - 1].key });
    }
    if (input === 'c') {
      // "Continue here" leads to the next lesson even if the filter or search hid it.
      const next = overview.next?.entry.id;
      return onState({ ...state, selected: next, filter: 'all', query: '' });
    }
    // Esc steps back: the search first, then the filter; the map is the top, q leaves it.
    if (key.escape && state.query) return onState({ ...state, query: '' });
    if (key.escape && state.filter !== 'all') return onState({ ...state, filter: 'all' });
    if (key.escape) return props.onMessage(QUIT_NOTE);
    if (input === 'q') props.onQuit();
    return undefined;
  };

  useKeys(handle);

  const body = [filterLine(state, screen), ''];
  if (rows.length === 0) {
    body.push(fit(emptyText(state), width));
  } else {
    rows.slice(top.current, top.current + treeHeight).forEach((row, i) => {
      const line = rowLine(row, overview, screen, width);
      body.push(top.current + i === selected ? selectedLine(line, screen, width) : line);
    });
  }
  while (body.length < treeHeight + 2) body.push('');
  body.push(screen.style.dim(detailLine(summary(selected), width)));

  return (
    <Frame header={headerLine(overview, screen)} body={body} status={props.message}
      keys={keys} height={height} width={width} style={screen.style} />
  );
}
