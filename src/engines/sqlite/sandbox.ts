/**
 * Runs learners' SQL on a worker thread with a time limit per statement. Requests queue up
 * and go to the thread one at a time, so each one's clock starts when it starts to run.
 * A statement that overruns cannot be stopped (better-sqlite3 has no interrupt and a busy
 * thread cannot be terminated), so the sandbox abandons that thread, answers "timeout" and
 * carries on with a fresh one.
 */
import { Worker } from 'node:worker_threads';
import { markThreadStuck } from '../../util/stuck-threads.js';
import type { QueryOutcome } from '../engine.js';

type Reply = QueryOutcome | { ok: true; readsTables: boolean };

interface Request {
  message: { path: string; sql: string; mode: 'query' | 'tables' };
  resolve: (reply: Reply) => void;
}

export interface SandboxOptions {
  timeoutMs: number;
  maxRows: number;
}

export class Sandbox {
  private worker: Worker | undefined;
  private readonly queue: Request[] = [];
  private running: { request: Request; timer: NodeJS.Timeout } | undefined;

  constructor(private readonly options: SandboxOptions) {}

  warmUp(): void {
    this.ensureWorker();
  }

  run(path: string, sql: string): Promise<QueryOutcome> {
    return this.request({ path, sql, mode: 'query' }) as Promise<QueryOutcome>;
  }

  async readsTables(path: string, sql: string): Promise<boolean | undefined> {
    const outcome = await this.request({ path, sql, mode: 'tables' });
    return 'readsTables' in outcome ? outcome.readsTables : undefined;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker && !this.running) await worker.terminate();
  }

  private request(message: Request['message']): Promise<Reply> {
    return new Promise((resolve) => {
      this.queue.push({ message, resolve });
      this.pump();
    });
  }

  private pump(): void {
    if (this.running) return;
    const request = this.queue.shift();
    if (!request) return;

    const worker = this.ensureWorker();
    const timer = setTimeout(() => this.overrun(worker), this.options.timeoutMs);
    this.running = { request, timer };
    worker.postMessage(request.message);
  }

  private finish(reply: Reply): void {
    const running = this.running;
    if (!running) return;
    clearTimeout(running.timer);
    this.running = undefined;
    running.request.resolve(reply);
    this.pump();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;

    const worker = new Worker(new URL('./sqlite-worker.cjs', import.meta.url), {
      workerData: { maxRows: this.options.maxRows },
    });

    worker.on('message', (reply: Reply) => {
      if (this.worker === worker) this.finish(reply);
    });
    worker.on('error', (error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.finish({ ok: false, failure: { kind: 'engine-error', message: error.message } });
    });

    worker.unref();
    this.worker = worker;
    return worker;
  }

  private overrun(worker: Worker): void {
    if (this.worker === worker) this.worker = undefined;
    markThreadStuck();

    const seconds = Math.round(this.options.timeoutMs / 100) / 10;
    const timeout: Reply = { ok: false, failure: { kind: 'timeout', seconds } };
    const sql = this.running?.request.message.sql;

    // The same statement queued for other datasets would overrun too: answer it now.
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i].message.sql === sql) this.queue.splice(i, 1)[0].resolve(timeout);
    }
    this.finish(timeout);
  }
}
