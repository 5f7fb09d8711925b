/**
 * The watch screen: the lesson's exercises with their state, the selected one's verdict, and
 * the keys. Everything it shows comes from the session's snapshots, as lines from view.ts.
 */
import { Box, Text, useApp, useInput, useStdout } from 'ink';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { createStyle } from '../../render/style.js';
import type { Screen } from '../../render/screen.js';
import { watchAction } from './keys.js';
import type { WatchSession, WatchSnapshot } from './session.js';
import { texts } from './texts.js';
import { detailLines, exerciseLine, fitLines, lessonPassedLines, summaryLine } from './view.js';

const MAX_WIDTH = 100;

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
  const [trouble, setTrouble] = useState<string>();

  const screen: Screen = { width: Math.min(columns, MAX_WIDTH), style: createStyle(color) };
  const { style } = screen;
  const { lesson, exercises } = snapshot;
  const view = exercises[selected];
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
        select((at + 1) % count);
        break;
      case 'previous':
        select((at - 1 + count) % count);
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
  const footer = texts.keys(offersNext);
  // Rows left for the verdict once everything else has its place; the rest is cut.
  const fixed = 3 + 1 + exercises.length + 1 + 1 + (banner.length ? banner.length + 1 : 0) +
    (trouble ? 1 : 0) + 2;
  const detail = fitLines(detailLines(view, snapshot, hintsOpen.has(selected), screen),
    Math.max(rows - fixed, 4), (hidden) => style.dim(texts.more(hidden, lesson.entry.short,
      view.exercise.id)));

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
      <Text>{summaryLine(snapshot, screen)}</Text>
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
