/**
 * The watch screen: the lesson's exercises with their state, the selected one's verdict, and
 * the keys. Everything it shows comes from the session's snapshots, as lines from view.ts.
 */
import { Box, Text, useApp, useInput, type Key } from 'ink';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { createStyle } from '../../render/style.js';
import { useTerminalSize } from '../use-terminal-size.js';
import { wrapText } from '../../render/wrap.js';
import { splitKeys } from '../typeahead.js';
import type { Screen } from '../../render/screen.js';
import { watchAction } from './keys.js';
import type { WatchSession, WatchSnapshot } from './session.js';
import { texts } from './texts.js';
import {
  asRows, detailLines, exerciseLine, lessonPassedLines, pageDetail, summaryLine,
} from './view.js';

/** As for printed text (cli/terminal.ts): capped for reading, and never below 40. */
const MAX_WIDTH = 100;
const MIN_WIDTH = 40;

export interface WatchScreenProps {
  session: WatchSession;
  color: boolean;
  /** Called when the learner quits, before the screen closes. */
  onQuit?: () => void;
}

/**
 * State that key handlers read as it is now. Ink registers a new handler only after the
 * render that follows a key, so a fast second key would otherwise see the state before it.
 */
function useCurrent<T>(initial: () => T): [T, () => T, (value: T) => void] {
  const ref = useRef<T | undefined>(undefined);
  ref.current ??= initial();
  const [value, setValue] = useState(ref.current);
  return [value, () => ref.current as T, (next: T) => {
    ref.current = next;
    setValue(next);
  }];
}

export function WatchScreen({ session, color, onQuit }: WatchScreenProps) {
  const snapshot = useSyncExternalStore(session.subscribe, session.snapshot);
  // A new lesson starts with fresh selection and hints.
  return <LessonScreen key={snapshot.lesson.entry.id} session={session} snapshot={snapshot}
    color={color} onQuit={onQuit} />;
}

function firstUnsolved(snapshot: WatchSnapshot): number {
  return Math.max(snapshot.exercises.findIndex((v) => v.required && !v.passed), 0);
}

interface LessonScreenProps extends WatchScreenProps {
  snapshot: WatchSnapshot;
}

function LessonScreen({ session, snapshot, color, onQuit }: LessonScreenProps) {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const [selected, currentSelected, select] = useCurrent(() => firstUnsolved(snapshot));
  const [hintsOpen, currentHintsOpen, setHintsOpen] =
    useCurrent<ReadonlySet<number>>(() => new Set());
  const [scroll, currentScroll, setScroll] = useCurrent(() => 0);
  const [trouble, setTrouble] = useState<string>();
  /** The verdict's page and last scroll position as last drawn, for the paging keys. */
  const paging = useRef({ page: 1, last: 0 });

  const width = Math.max(MIN_WIDTH, Math.min(columns, MAX_WIDTH));
  const screen: Screen = { width, style: createStyle(color) };
  const { style } = screen;
  const { lesson, exercises } = snapshot;
  const view = exercises[selected];
  const showExercise = (index: number) => {
    select(index);
    setScroll(0);
  };
  // A new verdict is read from its first line.
  useEffect(() => setScroll(0), [view.checkedAt]);
  // The answer just saved is the one the learner wants to see: its verdict comes forward.
  const latest = exercises.reduce((best, v, i) => (v.cause === 'save' && v.checkedAt &&
    (best < 0 || v.checkedAt > exercises[best].checkedAt!) ? i : best), -1);
  const latestAt = latest >= 0 ? exercises[latest].checkedAt!.getTime() : 0;
  const seenAt = useRef(latestAt);
  useEffect(() => {
    if (latestAt > seenAt.current && latest !== currentSelected()) showExercise(latest);
    seenAt.current = Math.max(seenAt.current, latestAt);
  }, [latestAt]);
  const offersNext = snapshot.lessonPassed && snapshot.nextLesson !== undefined;

  const handle = (input: string, key: Key) => {
    const now = session.snapshot();
    const at = currentSelected();
    const open = currentHintsOpen();
    const count = now.exercises.length;

    switch (watchAction(input, key)) {
      case 'check':
        void session.check(at, 'manual');
        break;
      case 'next':
        showExercise((at + 1) % count);
        break;
      case 'previous':
        showExercise((at - 1 + count) % count);
        break;
      case 'page-down':
        setScroll(Math.min(currentScroll() + paging.current.page, paging.current.last));
        break;
      case 'page-up':
        setScroll(Math.max(Math.min(currentScroll(), paging.current.last) -
          paging.current.page, 0));
        break;
      case 'hint':
        // The first press shows the hints already taken; each next one adds a hint.
        if (open.has(at) || now.exercises[at].hintsShown === 0) session.hint(at);
        setHintsOpen(new Set([...open, at]));
        // The hints come after the verdict: show the end, where the new one is.
        setScroll(Number.MAX_SAFE_INTEGER);
        break;
      case 'next-lesson':
        if (now.lessonPassed && now.nextLesson) {
          session.moveTo(now.nextLesson).catch((error: Error) => setTrouble(error.message));
        }
        break;
      case 'back':
        if (open.has(at)) setHintsOpen(new Set([...open].filter((i) => i !== at)));
        break;
      case 'quit':
        onQuit?.();
        exit();
        break;
    }
  };
  // Keys typed ahead come in one read ("jj"): each letter is a key here.
  useInput((input, key) => {
    for (const pressed of splitKeys(input, key, { eachLetter: true })) {
      if (pressed.interrupt) {
        onQuit?.();
        exit();
        return;
      }
      handle(pressed.input, pressed.key);
    }
  });

  const header = [style.heading(`Урок ${lesson.entry.short}. ${lesson.meta.title}`),
    style.dim(texts.answersIn(snapshot.folder, snapshot.engine)),
    ...wrapText(texts.watching(snapshot.mode, snapshot.pollMs, snapshot.pollReason), width)
      .map((line) => style.dim(line))];
  // Wrapped here, so that one line is one row and the rows can be counted.
  const rowsOf = (lines: string[]) => asRows(lines, width);
  const summary = rowsOf([summaryLine(snapshot, screen, true)]);
  const banner = snapshot.lessonPassed ? rowsOf(lessonPassedLines(snapshot, screen, true)) : [];
  const problem = trouble ? rowsOf([style.bad(trouble)]) : [];
  // Everything but the verdict, with the blank lines between, and one row to spare: an Ink
  // frame as tall as the terminal is redrawn whole on every change.
  const fixed = header.length + 1 + exercises.length + 1 + summary.length +
    (banner.length ? banner.length + 1 : 0) + problem.length + 1 + 1;
  const { detail, footer, page, last } = pageDetail(
    rowsOf(detailLines(view, snapshot, hintsOpen.has(selected), screen)), scroll, rows, fixed,
    (scrolls) => wrapText(texts.keys(offersNext, scrolls, hintsOpen.has(selected)), width), {
      above: (hidden) => style.dim(texts.above(hidden)),
      below: (hidden) => style.dim(texts.below(hidden)),
    });
  paging.current = { page, last };

  // Lines that must stay one row each are cut, not wrapped: the layout above counts on it.
  return (
    <Box flexDirection="column" width={width}>
      {header.map((line, i) => <Text key={i} wrap="truncate-middle">{line}</Text>)}
      <Box flexDirection="column" marginTop={1}>
        {exercises.map((v) => (
          <Text key={v.exercise.id} wrap="truncate">
            {exerciseLine(v, screen, v.index === selected)}
          </Text>
        ))}
      </Box>
      <Box flexDirection="column" marginTop={1}>
        <Text>{detail.join('\n')}</Text>
      </Box>
      <Text>{summary.join('\n')}</Text>
      {banner.length > 0 && (
        <Box flexDirection="column" marginTop={1}>
          <Text>{banner.join('\n')}</Text>
        </Box>
      )}
      {problem.length > 0 && <Text>{problem.join('\n')}</Text>}
      <Box marginTop={1}>
        <Text>{style.dim(footer.join('\n'))}</Text>
      </Box>
    </Box>
  );
}
