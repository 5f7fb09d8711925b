/**
 * Text wrapped by dbcourse's own wrapper rather than by Ink: Ink starts a line with the space
 * it broke at when a word ends exactly at the edge.
 */
import { Box, Text, type TextProps } from 'ink';
import { wrapText } from '../../render/wrap.js';

export interface ParagraphProps extends Pick<TextProps, 'bold' | 'color' | 'dimColor'> {
  text: string;
  width: number;
  /** Bold words at the start of the first line: "Официально:". */
  label?: string;
}

export function Paragraph({ text, width, label, ...style }: ParagraphProps) {
  const lines = wrapText(label ? `${label} ${text}` : text, Math.max(10, width));
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (i === 0 && label && line.startsWith(label)
        ? <Text key={i} {...style}><Text bold>{label}</Text>{line.slice(label.length)}</Text>
        : <Text key={i} {...style}>{line}</Text>))}
    </Box>
  );
}
