/**
 * The drill screen: one card at a time, the learner recalls, reveals (Space/Enter), grades
 * (1–4); every grade is saved before the next card. A long back side scrolls within the
 * terminal's height (card-layout.ts). Ends with a summary frame, then exits with `{ code }`
 * for the command.
 */
import { Box, Text, useApp, useInput, type Key } from 'ink';
import { useEffect, useReducer, useRef } from 'react';
import type { DrillGrade } from '../../drill/scheduler.js';
import type { DrillSession } from '../../drill/session.js';
import { cardsWord, texts, when } from '../../drill/texts.js';
import { scrollKey } from '../scroll.js';
import { splitKeys } from '../typeahead.js';
import { useTerminalSize, type Size } from '../use-terminal-size.js';
import { cardLayout, headerLines } from './card-layout.js';
import { LineList } from './LineList.js';
import { Paragraph } from './Paragraph.js';

const MAX_WIDTH = 100;

export interface DrillResult {
  code: number;
}

export interface DrillScreenProps {
  session: DrillSession;
  /** The clock, replaceable in tests. */
  now?: () => Date;
  /** A fixed size instead of the terminal's (tests). */
  size?: Partial<Size>;
}

type Ending = { kind: 'finished' } | { kind: 'quit' } | { kind: 'failed'; message: string };

interface SummaryProps {
  ending: Ending;
  session: DrillSession;
  now: Date;
  width: number;
}

function Summary({ ending, session, now, width }: SummaryProps) {
  const { done, due, fresh, learning } = session.counts();
  const left = due + fresh + learning;
  const next = session.nextReview();

  if (ending.kind === 'failed') {
    return (
      <Paragraph color="red" width={width} text={`Не удалось сохранить оценку: ` +
        `${ending.message}. Эта оценка не записана, предыдущие сохранены. Проверьте, что ` +
        'папка данных доступна для записи, и запустите dbcourse drill снова.'} />
    );
  }

  return (
    <Box flexDirection="column">
      {ending.kind === 'finished'
        ? <Paragraph bold color="green" width={width}
          text={`${texts.allDone} Оценок за тренировку: ${done}.`} />
        : <Paragraph bold width={width} text={texts.interrupted} />}
      {ending.kind === 'quit' && left > 0 ? (
        <Paragraph width={width} text={`На сегодня осталось: ${cardsWord(left)}.`} />
      ) : next && next.at > now ? (
        <Paragraph width={width} text={`Следующее повторение: ${when(next.at, now)}; ` +
          `в этот день — ${cardsWord(next.cards)}.`} />
      ) : null}
    </Box>
  );
}

interface ScreenState {
  revealed: boolean;
  ending: Ending | undefined;
  /** Esc was pressed: the key line says how to leave instead. */
  escaped?: boolean;
  /** The first line of the back on screen. */
  top: number;
}

export function DrillScreen({ session, now = () => new Date(), size }: DrillScreenProps) {
  const { exit } = useApp();
  const terminal = useTerminalSize(size);
  const width = Math.min(terminal.columns, MAX_WIDTH);
  // One line less than the terminal: a full-height frame makes Ink clear the screen each time.
  const height = Math.max(8, terminal.rows - 1);
  // Read and changed by the key handler at once, not through React state: keys can come
  // faster than frames, and a second "4" must not grade the next card before it is revealed.
  const state = useRef<ScreenState>({ revealed: false, top: 0,
    ending: session.current() ? undefined : { kind: 'finished' } });
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  // What this render shows. The effect below must see this, not the ref: a key can change the
  // ref before an earlier render's effects have run, and exiting then would leave that
  // earlier frame on screen instead of the summary.
  const { ending } = state.current;

  useEffect(() => {
    if (ending) exit({ code: ending.kind === 'failed' ? 1 : 0 } satisfies DrillResult);
  }, [ending, exit]);

  /** The card as it is now laid out: what the keys scroll and the frame shows. */
  const layout = (current: ScreenState, moment: Date) => {
    const card = session.current();
    return card ? cardLayout({ counts: session.counts(), card, isNew: session.currentIsNew(),
      revealed: current.revealed, escaped: current.escaped ?? false, top: current.top,
      outcomes: current.revealed ? session.preview(moment) : undefined, now: moment, width,
      height }) : undefined;
  };

  const handle = (input: string, key: Key) => {
    const current = state.current;
    if (current.ending) return;
    const noted = current.escaped;
    current.escaped = key.escape;
    // An ignored key still clears the Esc note.
    const ignore = () => {
      if (noted) redraw();
    };

    // Esc is "one step back" on every screen; the drill has no level above it, so only q
    // (or Ctrl+C) ends it.
    if (input === 'q' || input === 'й' || (key.ctrl && input === 'c')) {
      current.ending = { kind: 'quit' };
    } else if (key.escape) {
      if (noted) return;
    } else if (!current.revealed) {
      if (input !== ' ' && !key.return) return ignore();
      current.revealed = true;
    } else if (/^[1-4]$/.test(input)) {
      try {
        session.grade(Number(input) as DrillGrade, now());
        current.revealed = false;
        current.top = 0;
        if (!session.current()) current.ending = { kind: 'finished' };
      } catch (error) {
        current.ending = { kind: 'failed',
          message: error instanceof Error ? error.message : String(error) };
      }
    } else {
      const shown = layout(current, now());
      const top = shown && scrollKey(input, key, shown.top, shown.shown, shown.length);
      if (top === undefined || !shown) return ignore();
      current.top = top;
    }
    redraw();
  };
  // Keys typed ahead come in one read (" 3"): each letter is a key here.
  useInput((input, key) => {
    for (const pressed of splitKeys(input, key, { eachLetter: true })) {
      handle(pressed.input, pressed.key);
    }
  });

  const moment = now();
  const shown = ending ? undefined : layout(state.current, moment);

  if (!shown) {
    return (
      <Box flexDirection="column" width={width}>
        <LineList lines={headerLines(session.counts(), width)} />
        <Text dimColor>{'─'.repeat(width)}</Text>
        <Summary ending={ending ?? { kind: 'finished' }} session={session} now={moment}
          width={width} />
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={width}>
      <LineList lines={shown.lines} />
    </Box>
  );
}
