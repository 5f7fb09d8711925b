/**
 * The watch screen: the lesson's exercises with their state, the selected one's verdict, and
 * the keys. Everything it shows comes from the session's snapshots, as lines from view.ts.
 */
import { Box, Text, useApp, useInput, useStdout } from 'ink';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { createStyle } from '../../render/style.js';
import { wrapText } from '../../render/wrap.js';
import type { Screen } from '../../render/screen.js';
import { watchAction } from './keys.js';
import type { WatchSession, WatchSnapshot } from './session.js';
import { texts } from './texts.js';
import {
  detailLines, exerciseLine, fitLines, lastOffset, lessonPassedLines, summaryLine,
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

/** The terminal's size, followed as it is resized. */
function useTerminalSize(): { columns: number; rows: number } {
  const { stdout } = useStdout();
  const read = () => ({ columns: stdout.columns || 80, rows: stdout.rows || 40 });
  const [size, setSize] = useState(read);

  useEffect(() => {
    const resized = () => setSize(read());
    stdout.on('resize', resized);
    return () => {
      stdout.off('resize', resized);
    };
  }, [stdout]);

  return size;
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
  const offersNext = snapshot.lessonPassed && snapshot.nextLesson !== undefined;

  useInput((input, key) => {
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
        setScroll(Math.max(currentScroll() - paging.current.page, 0));
        break;
      case 'hint':
        // The first press shows the hints already taken; each next one adds a hint.
        if (open.has(at) || now.exercises[at].hintsShown === 0) session.hint(at);
        setHintsOpen(new Set([...open, at]));
        break;
      case 'next-lesson':
        if (now.lessonPassed && now.nextLesson) {
          session.moveTo(now.nextLesson).catch((error: Error) => setTrouble(error.message));
        }
        break;
      case 'quit':
        onQuit?.();
        exit();
        break;
    }
  });

  const banner = snapshot.lessonPassed ? lessonPassedLines(snapshot, screen, true) : [];
  const summary = summaryLine(snapshot, screen);
  const all = detailLines(view, snapshot, hintsOpen.has(selected), screen);
  // Rows left for the verdict once everything else has its place (and one to spare, or Ink
  // redraws the whole screen on every change); the rest is paged.
  const lineCount = (text: string) => text.split('\n').length;
  const footerFor = (scrolls: boolean) =>
    wrapText(texts.keys(offersNext, scrolls), screen.width).join('\n');
  const fixed = (footer: string) => 3 + 1 + exercises.length + 1 + lineCount(summary) +
    (banner.length ? banner.length + 1 : 0) + (trouble ? lineCount(trouble) : 0) +
    1 + lineCount(footer) + 1;
  const scrolls = all.length > Math.max(rows - fixed(footerFor(false)), 4);
  const footer = footerFor(scrolls);
  const room = Math.max(rows - fixed(footer), 4);
  paging.current = { page: Math.max(room - 2, 1), last: lastOffset(all.length, room) };
  const detail = fitLines(all, room, scroll, {
    above: (hidden) => style.dim(texts.above(hidden)),
    below: (hidden) => style.dim(texts.below(hidden, lesson.entry.short, view.exercise.id)),
  });

  return (
    <Box flexDirection="column" width={screen.width}>
      <Text>{style.heading(`Урок ${lesson.entry.short}. ${lesson.meta.title}`)}</Text>
      <Text>{style.dim(texts.answersIn(snapshot.folder))}</Text>
      <Text>{style.dim(texts.watching(snapshot.mode, snapshot.pollMs, snapshot.pollReason))}</Text>
      <Box flexDirection="column" marginTop={1}>
        {exercises.map((v) => (
          <Text key={v.exercise.id}>{exerciseLine(v, screen, v.index === selected)}</Text>
        ))}
      </Box>
      <Box flexDirection="column" marginTop={1}>
        <Text>{detail.join('\n')}</Text>
      </Box>
      <Text>{summary}</Text>
      {banner.length > 0 && (
        <Box flexDirection="column" marginTop={1}>
          <Text>{banner.join('\n')}</Text>
        </Box>
      )}
      {trouble && <Text>{style.bad(trouble)}</Text>}
      <Box marginTop={1}>
        <Text>{style.dim(footer)}</Text>
      </Box>
    </Box>
  );
}
