/**
 * Runs learners' SQL on a worker thread or in a child process (sandbox-host.ts) with a time
 * limit per statement. better-sqlite3 has no interrupt, so a statement that overruns is
 * answered "timeout" and its host given up: a child is killed, a thread (which cannot be) is
 * abandoned. The next request starts a fresh host.
 */
import type { ChangeOutcome, QueryOutcome, SchemaRequest } from '../engine.js';
import type { RawSchemaOutcome } from './catalog.js';
import type { RawPlanOutcome } from './plan.js';
import { startHost, type Isolation, type SandboxHost } from './sandbox-host.js';

type Reply = QueryOutcome | ChangeOutcome | RawSchemaOutcome | RawPlanOutcome |
  { ok: true; readsTables: boolean };

interface Request {
  /** `sql` is what the clock and a timeout are about; a plan also sends its parts. */
  message: { path: string; sql: string; mode: 'query' | 'tables' | 'change' | 'schema' | 'plan';
    schema?: SchemaRequest; indexes?: string[]; select?: string };
  resolve: (reply: Reply) => void;
}

export interface SandboxOptions {
  timeoutMs: number;
  maxRows: number;
  /** Dataset files the host opens as it starts, before the first request. */
  paths?: string[];
  /** A thread by default; a child process where a runaway must really stop (long-lived). */
  isolation?: Isolation;
}

export class Sandbox {
  private host: SandboxHost | undefined;
  /** Sent to the host and not answered yet, oldest first: the first one is running. */
  private inFlight: Request[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: SandboxOptions) {}

  warmUp(): void {
    this.ensureHost();
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

  /** The child process running learners' SQL now, if the sandbox uses one (for tests). */
  get pid(): number | undefined {
    return this.host?.pid;
  }

  async close(): Promise<void> {
    const host = this.host;
    this.host = undefined;
    // A query may still run (the learner quit mid-check).
    host?.stop(this.inFlight.length > 0);
  }

  /**
   * Requests go to the host at once (it works through its own queue), so the host never
   * waits for this one, which may be busy running references. The clock of each request
   * starts when the one before it is answered.
   */
  private request(message: Request['message']): Promise<Reply> {
    return new Promise((resolve) => {
      const request = { message, resolve };
      this.inFlight.push(request);
      this.ensureHost().send(message);
      if (this.inFlight.length === 1) this.startClock();
    });
  }

  private startClock(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const host = this.host;
    if (this.inFlight.length > 0 && host) {
      this.timer = setTimeout(() => this.overrun(host), this.options.timeoutMs);
    }
  }

  private answer(reply: Reply): void {
    const request = this.inFlight.shift();
    this.startClock();
    request?.resolve(reply);
  }

  private ensureHost(): SandboxHost {
    if (this.host) return this.host;

    const host: SandboxHost = startHost(this.options.isolation ?? 'thread',
      { maxRows: this.options.maxRows, paths: this.options.paths }, {
        reply: (reply) => {
          if (this.host === host) this.answer(reply as Reply);
        },
        failure: (message) => {
          if (this.host !== host) return;
          this.abandon({ ok: false, failure: { kind: 'engine-error', message } }, false);
        },
      });
    this.host = host;
    return host;
  }

  private overrun(host: SandboxHost): void {
    if (this.host !== host) return;
    const seconds = Math.round(this.options.timeoutMs / 100) / 10;
    this.abandon({ ok: false, failure: { kind: 'timeout', seconds } }, true);
    // A killed child is replaced at once, while the learner reads the verdict, so that the
    // next save does not wait for a start-up. An abandoned thread is replaced when needed.
    if (this.options.isolation === 'process') this.ensureHost();
  }

  /**
   * Gives up on the host: the running request gets `reply`, and so does every waiting one
   * with the same statement (on another dataset it would overrun too); the others are sent
   * again to a fresh host. `busy`: the host is still running the request (it overran);
   * otherwise it has failed and ended by itself.
   */
  private abandon(reply: Reply, busy: boolean): void {
    const [running, ...waiting] = this.inFlight;
    this.host?.stop(busy);
    this.host = undefined;
    this.inFlight = [];
    clearTimeout(this.timer);
    running?.resolve(reply);

    for (const request of waiting) {
      if (request.message.sql === running?.message.sql) {
        request.resolve(reply);
      } else {
        this.inFlight.push(request);
        this.ensureHost().send(request.message);
      }
    }
    this.startClock();
  }
}
