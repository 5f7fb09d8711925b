/** One card: its front, and once revealed its back and the grade keys with their intervals. */
import { Box, Text } from 'ink';
import type { DrillCard } from '../../drill/cards.js';
import { GRADES, type DrillGrade } from '../../drill/scheduler.js';
import { back, front, gradeNames, interval, prompt, texts } from '../../drill/texts.js';
import { Paragraph } from './Paragraph.js';

const gradeColors: Record<DrillGrade, string> = { 1: 'red', 2: 'yellow', 3: 'green', 4: 'cyan' };

export interface CardViewProps {
  card: DrillCard;
  isNew: boolean;
  revealed: boolean;
  /** When the card would be due after each grade. */
  outcomes: Record<DrillGrade, Date> | undefined;
  now: Date;
  width: number;
}

function GradeKeys({ outcomes, now }: { outcomes: CardViewProps['outcomes']; now: Date }) {
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text>{texts.howWell}</Text>
      <Box flexWrap="wrap" columnGap={3}>
        {GRADES.map((grade) => (
          <Text key={grade}>
            <Text bold color={gradeColors[grade]}>{grade}</Text> {gradeNames[grade]}
            {outcomes ? <Text dimColor> ({interval(now, outcomes[grade])})</Text> : null}
          </Text>
        ))}
      </Box>
    </Box>
  );
}

export function CardView({ card, isNew, revealed, outcomes, now, width }: CardViewProps) {
  const face = front(card);

  return (
    <Box flexDirection="column">
      <Paragraph dimColor width={width} text={`${face.label} · урок ${card.lesson.short} ` +
        `«${card.lesson.title}»${isNew ? ' · новая' : ''}`} />
      <Box marginTop={1} marginLeft={2}>
        <Paragraph bold color="magenta" text={face.text} width={width - 2} />
      </Box>

      {revealed ? (
        <Box flexDirection="column" marginTop={1}>
          {back(card).map((part) => (
            <Paragraph key={part.label} label={`${part.label}:`} text={part.text} width={width} />
          ))}
          <GradeKeys outcomes={outcomes} now={now} />
        </Box>
      ) : (
        <Box flexDirection="column" marginTop={1}>
          <Paragraph dimColor text={prompt(card)} width={width} />
          <Text>{texts.reveal}</Text>
        </Box>
      )}
    </Box>
  );
}
