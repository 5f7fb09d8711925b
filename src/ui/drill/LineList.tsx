/** Lines laid out by lines.ts drawn as they are: one Text each, never wrapped again by Ink. */
import { Box, Text } from 'ink';
import type { Line } from './lines.js';

export function LineList({ lines }: { lines: Line[] }) {
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line.length === 0 ? ' ' : line.map((span, j) => (
            <Text key={j} color={span.color} bold={span.bold} dimColor={span.dim}>
              {span.text}
            </Text>
          ))}
        </Text>
      ))}
    </Box>
  );
}
