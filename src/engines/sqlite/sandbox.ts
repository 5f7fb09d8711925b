/**
 * Runs SQL on a worker thread with a time limit. A query that overruns cannot be stopped
 * (better-sqlite3 has no interrupt and a busy worker cannot be terminated), so the sandbox
 * abandons that thread, answers "timeout" and carries on with a fresh one.
 */
import { Worker } from 'node:worker_threads';
import { markThreadStuck } from '../../util/stuck-threads.js';
import type { QueryOutcome } from '../engine.js';

type Reply = QueryOutcome | { ok: true; readsTables: boolean };

interface Pending {
  resolve: (outcome: Reply) => void;
  timer: NodeJS.Timeout;
}


export interface SandboxOptions {
  timeoutMs: number;
  maxRows: number;
}

export class Sandbox {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly options: SandboxOptions) {}

  run(path: string, sql: string): Promise<QueryOutcome> {
    return this.request({ path, sql, mode: 'query' }) as Promise<QueryOutcome>;
  }

  async readsTables(path: string, sql: string): Promise<boolean | undefined> {
    const outcome = await this.request({ path, sql, mode: 'tables' });
    return 'readsTables' in outcome ? outcome.readsTables : undefined;
  }

  private request(message: { path: string; sql: string; mode: string }): Promise<Reply> {
    const worker = this.ensureWorker();
    const id = this.nextId++;

    return new Promise((resolve) => {
      const timer = setTimeout(() => this.overrun(worker), this.options.timeoutMs);
      this.pending.set(id, { resolve, timer });
      worker.postMessage({ id, ...message });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;

    const worker = new Worker(new URL('./sqlite-worker.cjs', import.meta.url), {
      workerData: { maxRows: this.options.maxRows },
    });

    worker.on('message', (message: { id: number; outcome: Reply }) => {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      clearTimeout(pending.timer);
      this.pending.delete(message.id);
      pending.resolve(message.outcome);
    });

    worker.on('error', (error) => this.failAll(error.message));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private overrun(worker: Worker): void {
    if (this.worker === worker) this.worker = undefined;
    markThreadStuck();

    const seconds = Math.round(this.options.timeoutMs / 100) / 10;
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      this.pending.delete(id);
      pending.resolve({ ok: false, failure: { kind: 'timeout', seconds } });
    }
  }

  private failAll(message: string): void {
    this.worker = undefined;
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      this.pending.delete(id);
      pending.resolve({ ok: false, failure: { kind: 'engine-error', message } });
    }
  }
}
