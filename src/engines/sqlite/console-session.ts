/**
 * `dbcourse sql` on SQLite: a child process (console-child.cjs) with a private in-memory copy
 * of the visible bookstore. The dataset file is only read. A statement that overruns the time
 * limit, or that the learner cancels, is stopped by killing the child; the next one starts a
 * fresh child from the last snapshot, so finished changes survive and the console goes on.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MAX_ROWS } from '../engine.js';
import type {
  ConsoleOutcome, ConsoleSession, TableDescription, TableSummary,
} from '../console.js';
import { changeVerb, consoleRefusal } from '../console-policy.js';

export interface SqliteConsoleOptions {
  /** The visible dataset's file: copied into memory, never written. */
  path: string;
  timeoutMs: number;
}

type Reply = { kind: 'done'; count: number } | Exclude<ConsoleOutcome, { kind: 'done' }>;

interface Message {
  id?: number;
  type: string;
  result?: unknown;
  snapshot?: Uint8Array;
  inTransaction?: boolean;
  message?: string;
}

type Stopped = { stopped: 'timeout' | 'cancelled'; reset: boolean };

interface Pending {
  id: number;
  resolve: (reply: unknown) => void;
  timer: NodeJS.Timeout;
}

export class SqliteConsole implements ConsoleSession {
  readonly engine = 'sqlite' as const;
  readonly sandboxNote = 'Запросы выполняются на копии учебной базы магазина в памяти ' +
    '(SQLite): можно SELECT, INSERT, UPDATE, DELETE, CREATE, DROP и транзакции. ' +
    'Изменения видны только в этой консоли и исчезают при выходе; проверка ответов и ' +
    'прогресс их не видят.';

  readonly changeNote = 'Изменения видны только в этой консоли и исчезнут при выходе; ' +
    'вернуть базу сразу: \\reset';

  private child: ChildProcess | undefined;
  private ready: Promise<ChildProcess> | undefined;
  /** The database after the last finished change; none yet means the dataset file. */
  private snapshot: Uint8Array | undefined;
  private inTransaction = false;
  private pending: Pending | undefined;
  private nextId = 1;
  private stderr = '';
  /** Cancel was pressed while the child was still starting: nothing to kill yet. */
  private cancelWanted = false;

  constructor(private readonly options: SqliteConsoleOptions) {
    // Started at once: the child loads while the screen does. A failure shows at first use.
    this.start().catch(() => undefined);
  }

  async run(sql: string, keep: number): Promise<ConsoleOutcome> {
    const refusal = consoleRefusal(sql, 'sqlite');
    if (refusal) return { kind: 'refused', message: refusal };

    const reply = await this.request<Reply>({ type: 'run', sql, keep, limit: DEFAULT_MAX_ROWS });
    if ('stopped' in reply) {
      const seconds = Math.round(this.options.timeoutMs / 100) / 10;
      return reply.stopped === 'timeout' ? { kind: 'timeout', seconds, reset: reply.reset }
        : { kind: 'cancelled', reset: reply.reset };
    }
    return reply.kind === 'done' ? { kind: 'done', verb: changeVerb(sql), count: reply.count }
      : reply;
  }

  async tables(): Promise<TableSummary[]> {
    const reply = await this.request<TableSummary[] | { kind: 'error'; message: string }>(
      { type: 'tables' });
    return Array.isArray(reply) ? reply : this.fail(reply);
  }

  async describe(table: string): Promise<TableDescription | undefined> {
    const reply = await this.request<TableDescription | null | { kind: 'error';
      message: string }>({ type: 'describe', table });
    if (reply === null) return undefined;
    return 'columns' in reply ? reply : this.fail(reply);
  }

  cancel(): void {
    if (this.pending) this.stop('cancelled');
    else this.cancelWanted = true;
  }

  async reset(): Promise<void> {
    this.stop('cancelled');
    this.kill();
    this.snapshot = undefined;
    this.inTransaction = false;
  }

  async close(): Promise<void> {
    this.stop('cancelled');
    this.kill();
  }

  private fail(reply: Stopped | { kind: 'error'; message: string }): never {
    if ('stopped' in reply) {
      throw new Error(`запрос к описанию базы не закончился за ${this.options.timeoutMs} мс`);
    }
    throw new Error(reply.message);
  }

  private async request<T>(message: Record<string, unknown>): Promise<T | Stopped> {
    this.cancelWanted = false;
    const child = await this.start();
    if (this.cancelWanted) return { stopped: 'cancelled', reset: false };
    const id = this.nextId++;

    return new Promise((resolve) => {
      const timer = setTimeout(() => this.stop('timeout'), this.options.timeoutMs);
      this.pending = { id, resolve: resolve as (reply: unknown) => void, timer };
      child.send({ ...message, id });
    });
  }

  /** Ends the running request with `reason`: its child is killed, the next one starts anew. */
  private stop(reason: Stopped['stopped']): void {
    const pending = this.pending;
    if (!pending) return;

    this.pending = undefined;
    clearTimeout(pending.timer);
    this.kill();
    // An open transaction lived only in the killed child.
    const reset = this.inTransaction;
    this.inTransaction = false;
    pending.resolve({ stopped: reason, reset } satisfies Stopped);
  }

  private kill(): void {
    this.child?.kill('SIGKILL');
    this.child = undefined;
    this.ready = undefined;
  }

  private start(): Promise<ChildProcess> {
    if (this.ready) return this.ready;

    const script = fileURLToPath(new URL('./console-child.cjs', import.meta.url));
    const child = fork(script, [String(process.pid)], {
      serialization: 'advanced',
      execArgv: [],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child = child;
    // A message sent just as the child dies fails with EPIPE, reported as an 'error' event;
    // its 'exit' then answers whoever waits.
    child.on('error', () => undefined);
    this.stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-2000);
    });

    this.ready = new Promise<ChildProcess>((resolve, reject) => {
      child.on('message', (message: Message) => {
        if (message.type === 'ready') resolve(child);
        else if (message.type === 'failed') reject(new Error(message.message));
        else this.answer(message);
      });
      child.on('exit', (code, signal) => {
        const why = new Error(`процесс SQLite завершился (${signal ?? code})` +
          (this.stderr ? `: ${this.stderr.trim()}` : ''));
        // Killed or crashed before it was ready: whoever waits for it must not wait forever.
        reject(why);
        if (this.child !== child) return;
        this.child = undefined;
        this.ready = undefined;
        const pending = this.pending;
        this.pending = undefined;
        if (pending) {
          clearTimeout(pending.timer);
          pending.resolve({ kind: 'error', message: why.message });
        }
      });
    });

    child.send({ type: 'open', path: this.options.path, snapshot: this.snapshot });
    return this.ready;
  }

  private answer(message: Message): void {
    const pending = this.pending;
    if (!pending || pending.id !== message.id) return;

    this.pending = undefined;
    clearTimeout(pending.timer);
    if (message.snapshot) this.snapshot = message.snapshot;
    this.inTransaction = Boolean(message.inTransaction);
    pending.resolve(message.result);
  }
}
