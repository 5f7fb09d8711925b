/** The program's outside world, passed in so that tests can run commands without a terminal. */
import type { Env } from '../util/paths.js';
import { createStyle } from '../render/style.js';
import type { Screen } from '../render/screen.js';

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
  rows?: number;
}

export interface Io {
  stdout: Output;
  stderr: Output;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Env;
}

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

export function screenFor(io: Io): Screen {
  return { width: textWidth(io), style: createStyle(wantsColor(io)) };
}
