/**
 * The SQLite sandbox thread started as the process starts, for commands that will run
 * learners' SQL: Node needs some twenty milliseconds to start a thread and load SQLite into it,
 * which then overlap with loading the command line and the lesson instead of following them.
 * The sandbox adopts it; an unused one is unreferenced and goes with the process.
 */
import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';
import { DEFAULT_MAX_ROWS } from '../engine.js';

let early: Worker | undefined;

function workerUrl(): URL {
  return new URL('./sqlite-worker.cjs', import.meta.url);
}

/** `cacheRoot`: where the engine keeps its datasets; the thread opens the newest ones. */
export function startEarlyThread(cacheRoot?: string): void {
  if (early) return;
  const { Worker: Thread } = createRequire(import.meta.url)('node:worker_threads') as
    typeof import('node:worker_threads');
  early = new Thread(workerUrl(), { workerData: { maxRows: DEFAULT_MAX_ROWS, cacheRoot } });
  early.unref();
}

/**
 * The early thread, once, if it was started with the same row limit; one with another limit
 * is of no use to anybody, and is stopped.
 */
export function adoptEarlyThread(maxRows: number): Worker | undefined {
  const worker = early;
  early = undefined;
  if (worker && maxRows !== DEFAULT_MAX_ROWS) {
    void worker.terminate();
    return undefined;
  }
  return worker;
}
