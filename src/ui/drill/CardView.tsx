/** One card: its front, and once revealed its back and the grade keys with their intervals. */
import { Box, Text } from 'ink';
import type { DrillCard } from '../../drill/cards.js';
import { GRADES, type DrillGrade } from '../../drill/scheduler.js';
import { back, front, gradeNames, interval, prompt, texts } from '../../drill/texts.js';
import { wrapText } from '../../render/wrap.js';

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

/**
 * "Label: text", wrapped here rather than by Ink: Ink's wrapping starts a line with the space
 * it broke at when a word ends exactly at the edge.
 */
function Labelled({ label, text, width }: { label: string; text: string; width: number }) {
  const lines = wrapText(`${label}: ${text}`, width);
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (i === 0
        ? <Text key={i}><Text bold>{label}:</Text>{line.slice(label.length + 1)}</Text>
        : <Text key={i}>{line}</Text>))}
    </Box>
  );
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
      <Text dimColor>
        {face.label} · урок {card.lesson.short} «{card.lesson.title}»{isNew ? ' · новая' : ''}
      </Text>
      <Box marginTop={1} marginLeft={2} flexDirection="column">
        {wrapText(face.text, width - 2).map((line, i) => (
          <Text key={i} bold color="magenta">{line}</Text>
        ))}
      </Box>

      {revealed ? (
        <Box flexDirection="column" marginTop={1}>
          {back(card).map((part) => (
            <Labelled key={part.label} label={part.label} text={part.text} width={width} />
          ))}
          <GradeKeys outcomes={outcomes} now={now} />
        </Box>
      ) : (
        <Box flexDirection="column" marginTop={1}>
          <Text dimColor>{prompt(card)}</Text>
          <Text>{texts.reveal}</Text>
        </Box>
      )}
    </Box>
  );
}
