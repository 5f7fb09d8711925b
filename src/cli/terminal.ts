/**
 * What the output can show: its width and whether it takes colour. Apart from io.ts so that
 * `dbcourse --help` can ask for the width without loading the colour library.
 */
import type { Io } from './io.js';

const MAX_WIDTH = 100;

/** Colour only on a terminal, and never when NO_COLOR is set or TERM is dumb. */
export function wantsColor(io: Io): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return Boolean(io.stdout.isTTY) && io.env.TERM !== 'dumb';
}

/** Text width: the terminal's, capped for readability; 80 (or $COLUMNS) for pipes. */
export function textWidth(io: Io): number {
  const columns = io.stdout.isTTY && io.stdout.columns ? io.stdout.columns
    : Number(io.env.COLUMNS) || 80;
  return Math.max(40, Math.min(columns, MAX_WIDTH));
}
