/**
 * Where the sandbox runs learners' SQL (sqlite-worker.cjs): a worker thread, quick to start
 * but impossible to stop while SQLite's C code runs a statement, or a child process, one Node
 * start-up dearer but killed at once. One-shot commands use the thread (the process ends soon
 * anyway); long-lived ones (watch, the interactive screens) use the process, so that a
 * runaway statement does not keep a core busy until the learner quits.
 */
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { markThreadStuck } from '../../util/stuck-threads.js';
import { adoptEarlyThread } from './early-thread.js';

export type Isolation = 'thread' | 'process';

export interface HostSettings {
  maxRows: number;
  /** Dataset files opened as it starts, before the first request. */
  paths?: string[];
}

export interface HostEvents {
  reply(reply: unknown): void;
  /** It failed or ended by itself: no reply will come for what was sent. */
  failure(message: string): void;
}

export interface SandboxHost {
  send(message: unknown): void;
  /**
   * Gives it up. `busy`: a request is still running in it, which a thread cannot be stopped
   * from (the process is then ended hard at exit); a child is killed either way.
   */
  stop(busy: boolean): void;
  /** The child's process id; undefined for a thread. */
  readonly pid: number | undefined;
}

const script = new URL('./sqlite-worker.cjs', import.meta.url);
/** Node's modules for threads and processes, loaded when a host starts: a re-check needs none. */
const load = createRequire(import.meta.url);

function startThread(settings: HostSettings, events: HostEvents): SandboxHost {
  // The thread `check` started as the process started (start-ahead.ts), if there is one.
  let worker: Worker | undefined = adoptEarlyThread(settings.maxRows);
  if (worker) {
    worker.postMessage({ mode: 'open', paths: settings.paths ?? [] });
  } else {
    const { Worker: Thread } = load('node:worker_threads') as typeof import('node:worker_threads');
    worker = new Thread(script, { workerData: settings });
  }
  worker.on('message', (reply: unknown) => events.reply(reply));
  // An SQLite error thrown in the thread arrives as a plain object with only its code.
  worker.on('error', (error: { message?: string; code?: string }) =>
    events.failure(error?.message ?? error?.code ?? String(error)));
  // Never holds the process: a request in flight has its own timer that does.
  worker.unref();
  return {
    pid: undefined,
    send: (message) => worker.postMessage(message),
    stop(busy) {
      // Not awaited: a command need not wait for the thread to wind down.
      if (!busy) void worker.terminate();
      // Node cannot end a process while the thread runs native code: the entry point kills it.
      else markThreadStuck();
    },
  };
}

function startProcess(settings: HostSettings, events: HostEvents): SandboxHost {
  const { fork } = load('node:child_process') as typeof import('node:child_process');
  const child = fork(fileURLToPath(script), [JSON.stringify({ ...settings,
    parent: process.pid })], {
    serialization: 'advanced',
    execArgv: [],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    // Its paths are absolute; kept by the check server for minutes, it must not hold the
    // learner's folder (which then could not be unmounted).
    cwd: '/',
  });
  let stderr = '';
  let stopped = false;
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  child.on('message', (reply: unknown) => events.reply(reply));
  // A failed fork reports 'error' and may report 'exit' too: one failure is enough.
  const failed = (why: string) => {
    if (stopped) return;
    stopped = true;
    events.failure(why + (stderr ? `: ${stderr.trim()}` : ''));
  };
  child.on('error', (error) => failed(error.message));
  child.on('exit', (code, signal) => failed(`процесс SQLite завершился (${signal ?? code})`));
  // Like the thread, it never holds the process by itself.
  child.unref();
  child.channel?.unref();
  (child.stderr as Socket | null)?.unref();
  return {
    pid: child.pid,
    send: (message) => {
      if (!stopped) child.send(message as Parameters<typeof child.send>[0]);
    },
    stop() {
      stopped = true;
      child.kill('SIGKILL');
    },
  };
}

export function startHost(isolation: Isolation, settings: HostSettings, events: HostEvents):
  SandboxHost {
  return isolation === 'process' ? startProcess(settings, events)
    : startThread(settings, events);
}
