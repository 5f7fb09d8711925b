/**
 * One screen: a header line, the body, a status line and the key help, exactly `height` lines
 * tall so that Ink redraws in place instead of scrolling the terminal.
 */
import { Box, Text } from 'ink';
import type { Style } from '../render/style.js';
import { displayWidth } from '../render/width.js';
import { windowOf } from './text.js';

export interface FrameProps {
  header: string;
  body: string[];
  status?: string;
  keys: string[];
  height: number;
}

const GAP = '   ';

/** What Esc says on a top-level screen, where there is no level to go back to. */
export const QUIT_NOTE = 'Выход из dbcourse — q или Ctrl+C.';

/** The key help packed into lines of `width`, never breaking one key's text. */
export function keyLines(keys: string[], width: number): string[] {
  const lines: string[] = [];
  for (const item of keys) {
    const last = lines.length - 1;
    if (last >= 0 && displayWidth(lines[last] + GAP + item) <= width) lines[last] += GAP + item;
    else lines.push(item);
  }
  return lines;
}

/** How many body lines fit: the height minus header, status and key help. */
export function bodyHeight(height: number, keys: string[], width: number): number {
  return Math.max(3, height - 2 - keyLines(keys, width).length);
}

export function Frame({ header, body, status, keys, height, width, style }:
  FrameProps & { width: number; style: Style }) {
  const help = keyLines(keys, width).map((line) => style.dim(line));
  // A message of several lines (a lesson's format errors) keeps to its one line here.
  const lines = [header, ...windowOf(body, 0, bodyHeight(height, keys, width)),
    (status ?? '').replace(/\s*\n\s*/g, ' '), ...help];

  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate-end">{line === '' ? ' ' : line}</Text>
      ))}
    </Box>
  );
}
