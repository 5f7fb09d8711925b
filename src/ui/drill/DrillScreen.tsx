/**
 * The drill screen: one card at a time, the learner recalls, reveals (Space/Enter), grades
 * (1–4); every grade is saved before the next card. Ends with a summary frame, then exits
 * with `{ code }` for the command.
 */
import { Box, Text, useApp, useInput, useStdout } from 'ink';
import { useEffect, useState } from 'react';
import type { DrillGrade } from '../../drill/scheduler.js';
import type { Counts, DrillSession } from '../../drill/session.js';
import { cardsWord, texts, when } from '../../drill/texts.js';
import { CardView } from './CardView.js';
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
  const done = session.counts().done;
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
      {next && next.at > now ? (
        <Paragraph width={width} text={`Следующее повторение: ${when(next.at, now)}; ` +
          `в этот день — ${cardsWord(next.cards)}.`} />
      ) : null}
    </Box>
  );
}

export function DrillScreen({ session, now = () => new Date() }: DrillScreenProps) {
  const { exit } = useApp();
  const { stdout } = useStdout();
  const [revealed, setRevealed] = useState(false);
  const [ending, setEnding] = useState<Ending | undefined>(
    session.current() ? undefined : { kind: 'finished' });
  // The session is mutable: this counter re-renders after each grade.
  const [, setGrades] = useState(0);

  useEffect(() => {
    if (ending) exit({ code: ending.kind === 'failed' ? 1 : 0 } satisfies DrillResult);
  }, [ending, exit]);

  useInput((input, key) => {
    if (ending) return;
    if (input === 'q' || input === 'й' || key.escape || (key.ctrl && input === 'c')) {
      setEnding({ kind: 'quit' });
      return;
    }
    if (!revealed) {
      if (input === ' ' || key.return) setRevealed(true);
      return;
    }
    if (!/^[1-4]$/.test(input)) return;

    try {
      session.grade(Number(input) as DrillGrade, now());
    } catch (error) {
      setEnding({ kind: 'failed', message: error instanceof Error ? error.message
        : String(error) });
      return;
    }
    setRevealed(false);
    setGrades((n) => n + 1);
    if (!session.current()) setEnding({ kind: 'finished' });
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
            <Text dimColor>{texts.quit}</Text>
          </Box>
        </Box>
      )}
    </Box>
  );
}
