/**
 * Runs learners' SQL on a worker thread with a time limit per statement.
 * A statement that overruns cannot be stopped (better-sqlite3 has no interrupt and a busy
 * thread cannot be terminated), so the sandbox abandons that thread, answers "timeout" and
 * carries on with a fresh one.
 */
import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';
import { markThreadStuck } from '../../util/stuck-threads.js';
import { adoptEarlyThread, workerUrl } from './early-thread.js';
import type { ChangeOutcome, QueryOutcome, SchemaRequest } from '../engine.js';
import type { RawSchemaOutcome } from './catalog.js';
import type { RawPlanOutcome } from './plan.js';

type Reply = QueryOutcome | ChangeOutcome | RawSchemaOutcome | RawPlanOutcome |
  { ok: true; readsTables: boolean };

interface Request {
  /** `sql` is what the clock and a timeout are about; a plan also sends its parts. */
  message: { path: string; sql: string; mode: 'query' | 'tables' | 'change' | 'schema' | 'plan';
    schema?: SchemaRequest; indexes?: string[]; select?: string };
  resolve: (reply: Reply) => void;
}

/** Loaded when a thread starts: a check whose verdicts are all remembered needs none. */
function threads(): typeof import('node:worker_threads') {
  return createRequire(import.meta.url)('node:worker_threads');
}

export interface SandboxOptions {
  timeoutMs: number;
  maxRows: number;
  /** Dataset files the thread opens as it starts, before the first request. */
  paths?: string[];
}

export class Sandbox {
  private worker: Worker | undefined;
  /** Sent to the thread and not answered yet, oldest first: the first one is running. */
  private inFlight: Request[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: SandboxOptions) {}

  warmUp(): void {
    this.ensureWorker();
  }

  run(path: string, sql: string): Promise<QueryOutcome> {
    return this.request({ path, sql, mode: 'query' }) as Promise<QueryOutcome>;
  }

  change(path: string, sql: string): Promise<ChangeOutcome> {
    return this.request({ path, sql, mode: 'change' }) as Promise<ChangeOutcome>;
  }

  schema(path: string, sql: string, schema: SchemaRequest): Promise<RawSchemaOutcome> {
    return this.request({ path, sql, mode: 'schema', schema }) as Promise<RawSchemaOutcome>;
  }

  plan(path: string, indexes: string[], select: string): Promise<RawPlanOutcome> {
    return this.request({ path, sql: [...indexes, select].join(';\n'), mode: 'plan', indexes,
      select }) as Promise<RawPlanOutcome>;
  }

  async readsTables(path: string, sql: string): Promise<boolean | undefined> {
    const outcome = await this.request({ path, sql, mode: 'tables' });
    return 'readsTables' in outcome ? outcome.readsTables : undefined;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    // Not awaited: the thread is unreferenced, so it never holds the process, and a command
    // need not wait for it to wind down.
    if (worker && this.inFlight.length === 0) void worker.terminate();
    // A query still running (the learner quit mid-check): the thread cannot be stopped, and
    // Node would wait for it forever, so the entry point ends the process hard.
    else if (worker) markThreadStuck();
  }

  /**
   * Requests go to the thread at once (it works through its own queue), so the thread never
   * waits for this one, which may be busy running references. The clock of each request
   * starts when the one before it is answered.
   */
  private request(message: Request['message']): Promise<Reply> {
    return new Promise((resolve) => {
      const request = { message, resolve };
      this.inFlight.push(request);
      this.ensureWorker().postMessage(message);
      if (this.inFlight.length === 1) this.startClock();
    });
  }

  private startClock(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const worker = this.worker;
    if (this.inFlight.length > 0 && worker) {
      this.timer = setTimeout(() => this.overrun(worker), this.options.timeoutMs);
    }
  }

  private answer(reply: Reply): void {
    const request = this.inFlight.shift();
    this.startClock();
    request?.resolve(reply);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;

    let worker = adoptEarlyThread(this.options.maxRows);
    if (worker) {
      worker.postMessage({ mode: 'open', paths: this.options.paths ?? [] });
    } else {
      worker = new (threads().Worker)(workerUrl(), {
        workerData: { maxRows: this.options.maxRows, paths: this.options.paths },
      });
    }

    worker.on('message', (reply: Reply) => {
      if (this.worker === worker) this.answer(reply);
    });
    worker.on('error', (error) => {
      if (this.worker !== worker) return;
      this.abandon({ ok: false, failure: { kind: 'engine-error', message: error.message } });
    });

    worker.unref();
    this.worker = worker;
    return worker;
  }

  private overrun(worker: Worker): void {
    if (this.worker !== worker) return;
    markThreadStuck();
    const seconds = Math.round(this.options.timeoutMs / 100) / 10;
    this.abandon({ ok: false, failure: { kind: 'timeout', seconds } });
  }

  /**
   * Gives up on the thread: the running request gets `reply`, and so does every waiting one
   * with the same statement (on another dataset it would overrun too); the others are sent
   * again to a fresh thread.
   */
  private abandon(reply: Reply): void {
    const [running, ...waiting] = this.inFlight;
    this.worker = undefined;
    this.inFlight = [];
    clearTimeout(this.timer);
    running?.resolve(reply);

    for (const request of waiting) {
      if (request.message.sql === running?.message.sql) {
        request.resolve(reply);
      } else {
        this.inFlight.push(request);
        this.ensureWorker().postMessage(request.message);
      }
    }
    this.startClock();
  }
}
