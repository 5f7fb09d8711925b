/**
 * What a check client and the server say to each other over the socket: one JSON object per
 * line. The client sends one request; the server answers with output pieces, then the result.
 */
import type { Env } from '../util/paths.js';

export interface OutputShape {
  isTTY: boolean;
  columns?: number;
  rows?: number;
}

export interface ServerRequest {
  argv: string[];
  env: Env;
  cwd: string;
  stdout: OutputShape;
  stderr: OutputShape;
}

export type ServerMessage =
  /** The server starts on this request now (it serves one at a time). */
  | { accepted: true }
  | { out: string }
  | { err: string }
  | { code: number };

/** Splits a stream of text into JSON lines; a line cut between chunks waits for the rest. */
export function lineReader(onMessage: (message: unknown) => void): (chunk: string) => void {
  let pending = '';
  return (chunk) => {
    pending += chunk;
    let end = pending.indexOf('\n');
    while (end >= 0) {
      const line = pending.slice(0, end);
      pending = pending.slice(end + 1);
      if (line.trim() !== '') onMessage(JSON.parse(line));
      end = pending.indexOf('\n');
    }
  };
}
