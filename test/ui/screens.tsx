// Helpers for the Ink screens: a learner's context on the map fixture course, and waiting for
// the frame a key should lead to (never a fixed sleep).
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { render } from 'ink-testing-library';
import { Context } from '../../src/cli/context.js';
import type { Io } from '../../src/cli/io.js';
import { stripAnsi } from '../../src/render/width.js';
import { App, type Start } from '../../src/ui/app.js';
import { Session } from '../../src/ui/session.js';
import { learnerEnv, root } from '../helpers.js';

export const mapCourse = join(root, 'test', 'fixture-course-map');

export const keys = {
  up: '\u001b[A',
  down: '\u001b[B',
  enter: '\r',
  escape: '\u001b',
  backspace: '\u007f',
};

/** A learner on the map fixture course, with plain (colourless) output. */
export function learner(extra: Record<string, string> = {}): Context {
  const env = learnerEnv({ DBCOURSE_LESSONS_DIR: mapCourse, ...extra });
  const io: Io = {
    stdout: { write: () => true, isTTY: false, columns: 100 },
    stderr: { write: () => true },
    stdin: Readable.from([]) as Io['stdin'],
    env,
  };
  return new Context(io, {});
}

/** Writes an answer under the task comment of an exercise's file (created by opening). */
export function answer(ctx: Context, lessonKey: string, file: string, text: string): void {
  appendFileSync(join(ctx.workspace, lessonKey, file), `${text}\n`);
}

export interface Screen {
  frame(): string;
  /** Presses keys, then waits for a frame that contains `expected` (or passes the test). */
  press(input: string, expected: string | ((frame: string) => boolean)): Promise<string>;
  until(expected: string | ((frame: string) => boolean)): Promise<string>;
  /** Presses keys without waiting for anything. */
  type(input: string): void;
  unmount(): void;
}

export function renderScreens(ctx: Context, start: Start = { screen: 'map' },
  size = { columns: 100, rows: 30 }, session = new Session(ctx)): Screen {
  const app = render(<App session={session} start={start} size={size} />);
  const frame = () => stripAnsi(app.lastFrame() ?? '');
  const waiting = new Set<() => void>();
  const write = app.stdout.write;
  app.stdout.write = (text: string) => {
    write(text);
    for (const wake of waiting) wake();
  };

  const until = (expected: string | ((frame: string) => boolean)) => {
    const test = typeof expected === 'string' ? (f: string) => f.includes(expected) : expected;
    return new Promise<string>((resolve, reject) => {
      const check = () => {
        if (!test(frame())) return;
        waiting.delete(check);
        clearTimeout(timer);
        // Let the new screen's effects (its key handler) run before the next key.
        setImmediate(() => resolve(frame()));
      };
      const timer = setTimeout(() => {
        waiting.delete(check);
        reject(new Error(`no frame with ${String(expected)}; the last one:\n${frame()}`));
      }, 10_000);
      waiting.add(check);
      check();
    });
  };

  return {
    frame,
    until,
    press: (input, expected) => {
      app.stdin.write(input);
      return until(expected);
    },
    type: (input) => {
      app.stdin.write(input);
    },
    unmount: () => app.unmount(),
  };
}
