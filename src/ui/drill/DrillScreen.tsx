/**
 * The drill screen: one card at a time, the learner recalls, reveals (Space/Enter), grades
 * (1–4); every grade is saved before the next card. Ends with a summary frame, then exits
 * with `{ code }` for the command.
 */
import { Box, Text, useApp, useInput, useStdout, type Key } from 'ink';
import { useEffect, useReducer, useRef } from 'react';
import type { DrillGrade } from '../../drill/scheduler.js';
import type { Counts, DrillSession } from '../../drill/session.js';
import { cardsWord, texts, when } from '../../drill/texts.js';
import { CardView } from './CardView.js';
import { splitKeys } from '../typeahead.js';
import { Paragraph } from './Paragraph.js';

const MAX_WIDTH = 100;

export interface DrillResult {
  code: number;
}

export interface DrillScreenProps {
  session: DrillSession;
  /** The clock, replaceable in tests. */
  now?: () => Date;
}

type Ending = { kind: 'finished' } | { kind: 'quit' } | { kind: 'failed'; message: string };

function Header({ counts }: { counts: Counts }) {
  return (
    <Text>
      <Text bold>Повторение</Text>
      <Text dimColor>  к повторению </Text><Text color="yellow">{counts.due}</Text>
      <Text dimColor> · новых </Text><Text color="cyan">{counts.fresh}</Text>
      <Text dimColor> · в изучении </Text><Text color="magenta">{counts.learning}</Text>
      <Text dimColor> · сделано </Text><Text color="green">{counts.done}</Text>
    </Text>
  );
}

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
}

export function DrillScreen({ session, now = () => new Date() }: DrillScreenProps) {
  const { exit } = useApp();
  const { stdout } = useStdout();
  // Read and changed by the key handler at once, not through React state: keys can come
  // faster than frames, and a second "4" must not grade the next card before it is revealed.
  const state = useRef<ScreenState>({ revealed: false,
    ending: session.current() ? undefined : { kind: 'finished' } });
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  // What this render shows. The effect below must see this, not the ref: a key can change the
  // ref before an earlier render's effects have run, and exiting then would leave that
  // earlier frame on screen instead of the summary.
  const { revealed, ending, escaped } = state.current;

  useEffect(() => {
    if (ending) exit({ code: ending.kind === 'failed' ? 1 : 0 } satisfies DrillResult);
  }, [ending, exit]);

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
        if (!session.current()) current.ending = { kind: 'finished' };
      } catch (error) {
        current.ending = { kind: 'failed',
          message: error instanceof Error ? error.message : String(error) };
      }
    } else {
      return ignore();
    }
    redraw();
  };
  // Keys typed ahead come in one read (" 3"): each letter is a key here.
  useInput((input, key) => {
    for (const pressed of splitKeys(input, key, { eachLetter: true })) {
      handle(pressed.input, pressed.key);
    }
  });

  const card = session.current();
  const moment = now();
  const width = Math.min(stdout.columns || 80, MAX_WIDTH);

  return (
    <Box flexDirection="column" width={width}>
      <Header counts={session.counts()} />
      <Text dimColor>{'─'.repeat(width)}</Text>
      {ending || !card ? (
        <Summary ending={ending ?? { kind: 'finished' }} session={session} now={moment}
          width={width} />
      ) : (
        <Box flexDirection="column">
          <CardView card={card} isNew={session.currentIsNew()} revealed={revealed}
            outcomes={revealed ? session.preview(moment) : undefined} now={moment}
            width={width} />
          <Box marginTop={1}>
            {escaped ? <Text>{texts.escape}</Text> : <Text dimColor>{texts.quit}</Text>}
          </Box>
        </Box>
      )}
    </Box>
  );
}
