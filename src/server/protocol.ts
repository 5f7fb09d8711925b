/**
 * What a check client and the server say to each other over the socket: one JSON object per
 * line. The client sends one request; the server says `accepted` when its turn comes, the
 * client `go` if it still waits for it; the server then sends output pieces, then the result.
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
  /** The server starts on this request now (it serves one at a time), once the client says go. */
  | { accepted: true }
  | { out: string }
  | { err: string }
  | { code: number };

/** The client's answer to `accepted`: it is still waiting, so the server runs the check. */
export interface ClientGo {
  go: true;
}

/**
 * Splits a stream of text into JSON lines; a line cut between chunks waits for the rest. A line
 * that is not JSON arrives as undefined. Only the new text is searched for the end of a line,
 * so a long line sent in many pieces costs its length, not its length squared.
 */
export function lineReader(onMessage: (message: unknown) => void): (chunk: string) => void {
  let pending = '';
  return (chunk) => {
    let end = chunk.indexOf('\n');
    if (end < 0) {
      pending += chunk;
      return;
    }
    end += pending.length;
    pending += chunk;
    while (end >= 0) {
      const line = pending.slice(0, end);
      pending = pending.slice(end + 1);
      if (line.trim() === '') {
        // Nothing to read.
      } else {
        let message: unknown;
        try {
          message = JSON.parse(line);
        } catch {
          message = undefined;
        }
        onMessage(message);
      }
      end = pending.indexOf('\n');
    }
  };
}

/** Whether a message is a request this server can serve. */
export function isRequest(message: unknown): message is ServerRequest {
  const m = message as Partial<ServerRequest> | undefined;
  return typeof m === 'object' && m !== null && Array.isArray(m.argv) &&
    m.argv.every((a) => typeof a === 'string') && typeof m.env === 'object' &&
    m.env !== null && typeof m.cwd === 'string' && typeof m.stdout === 'object' &&
    m.stdout !== null && typeof m.stderr === 'object' && m.stderr !== null;
}
