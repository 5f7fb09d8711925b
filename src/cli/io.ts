/** The program's outside world, passed in so that tests can run commands without a terminal. */
import type { Env } from '../util/paths.js';
import { createStyle } from '../render/style.js';
import { textWidth, wantsColor } from './terminal.js';
import type { Screen } from '../render/screen.js';
import type { EngineSource } from '../engines/open.js';

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
  /** Engines kept open by the process around the command (the check server), if any. */
  engines?: EngineSource;
}

export function screenFor(io: Io): Screen {
  return { width: textWidth(io), style: createStyle(wantsColor(io)) };
}
