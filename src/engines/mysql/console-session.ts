/**
 * `dbcourse sql` on MySQL / MariaDB: a private scratch copy of the visible dataset database
 * (scratch.ts), so that anything the learner runs, DDL and transactions included, stays in it
 * and never holds a lock on the datasets that checks read; the copy is dropped at exit (or,
 * after a crash, by the next check once no connection uses it). Statements that would reach
 * another database or change the pinned session are refused before they run
 * (console-policy.ts). Runaway statements are stopped by the server's time limit, with KILL
 * QUERY from a second connection as a backstop.
 */
import type { FieldPacket } from 'mysql2/promise';
import { DEFAULT_MAX_ROWS, type Cell } from '../engine.js';
import type {
  ConsoleOutcome, ConsoleSession, ForeignKeyInfo, IndexInfo, TableDescription, TableSummary,
} from '../console.js';
import { changeVerb, consoleRefusal } from '../console-policy.js';
import { asMysqlError, columnNames, connect, TIMEOUT_ERRORS, type Session } from './driver.js';
import { createScratch, dropScratch } from './scratch.js';
import type { MysqlTarget } from './url.js';

export interface MysqlConsoleOptions {
  target: MysqlTarget;
  /** The visible dataset's database (dbcourse_ds_..._base), copied for the session. */
  database: string;
  timeoutMs: number;
}

const DEADLOCK = 1213;
const MARK_TABLE = '_dbcourse';

function cellOf(value: unknown): Cell {
  if (value === null || typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return Number(value);
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return String(value);
}

export class MysqlConsole implements ConsoleSession {
  readonly engine = 'mysql' as const;
  readonly sandboxNote = 'Запросы выполняются на вашей личной копии учебной базы магазина ' +
    'на MySQL: можно всё — SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, DROP, транзакции. ' +
    'Копия исчезнет при выходе; \\reset начинает с чистой копии. Базы для проверки ответов ' +
    'консоль не трогает.';

  readonly changeNote = 'Изменения сделаны в вашей копии базы и исчезнут при выходе ' +
    '(\\reset — начать с чистой копии). На проверку ответов они не влияют.';

  private control: Session | undefined;
  private running = false;
  private cancelling = false;

  private constructor(private readonly session: Session,
    private readonly options: MysqlConsoleOptions, private scratch: string) {}

  static async open(options: MysqlConsoleOptions): Promise<MysqlConsole> {
    const limit = (flavor: Session['flavor']) => flavor === 'mariadb'
      ? `max_statement_time = ${options.timeoutMs / 1000}`
      // MySQL limits only SELECT this way; KILL QUERY covers the rest.
      : `max_execution_time = ${options.timeoutMs}`;
    const session = await connect(options.target);
    let scratch: string | undefined;

    try {
      await session.connection.query(`SET SESSION ${limit(session.flavor)}, ` +
        `sql_select_limit = ${DEFAULT_MAX_ROWS + 1}, innodb_lock_wait_timeout = 5`);
      scratch = await MysqlConsole.copy(options);
      await session.connection.query(`USE \`${scratch}\``);
    } catch (error) {
      if (scratch) await dropScratch(session.connection, scratch).catch(() => undefined);
      await session.connection.end().catch(() => undefined);
      throw error;
    }

    return new MysqlConsole(session, options, scratch);
  }

  /** A fresh scratch copy, made on a connection of its own that runs the copy script. */
  private static async copy(options: MysqlConsoleOptions): Promise<string> {
    const builder = await connect(options.target, { multipleStatements: true });
    try {
      return await createScratch(builder.connection, options.database);
    } finally {
      await builder.connection.end().catch(() => undefined);
    }
  }

  async run(sql: string, keep: number): Promise<ConsoleOutcome> {
    const refusal = consoleRefusal(sql, 'mysql');
    if (refusal) return { kind: 'refused', message: refusal };

    const { connection } = this.session;
    const backstop = setTimeout(() => void this.kill(), this.options.timeoutMs + 1000);
    this.running = true;
    this.cancelling = false;

    try {
      const [result, fields] = await connection.query(sql) as unknown as [unknown, FieldPacket[]];
      if (!Array.isArray(result)) {
        const count = Number((result as { affectedRows?: number }).affectedRows ?? 0);
        return { kind: 'done', verb: changeVerb(sql), count };
      }

      const overLimit = result.length > DEFAULT_MAX_ROWS;
      const total = Math.min(result.length, DEFAULT_MAX_ROWS);
      const rows = (result as unknown[][]).slice(0, keep).map((row) => row.map(cellOf));
      return { kind: 'rows', columns: columnNames(fields), rows, total, overLimit };
    } catch (error) {
      return this.failure(error);
    } finally {
      clearTimeout(backstop);
      this.running = false;
    }
  }

  private failure(error: unknown): ConsoleOutcome {
    const e = asMysqlError(error);
    if (e.errno !== undefined && TIMEOUT_ERRORS.has(e.errno)) {
      // Only the statement is undone: an open transaction goes on.
      return this.cancelling ? { kind: 'cancelled', reset: false }
        : { kind: 'timeout', seconds: this.options.timeoutMs / 1000, reset: false };
    }
    // The server rolls the whole transaction back to break a deadlock.
    return { kind: 'error', message: e.message, reset: e.errno === DEADLOCK };
  }

  async tables(): Promise<TableSummary[]> {
    const listed = await this.select('SELECT table_name, table_type FROM ' +
      'information_schema.tables WHERE table_schema = DATABASE() AND table_name <> ? ' +
      'ORDER BY table_name', [MARK_TABLE]);
    const summaries: TableSummary[] = [];
    for (const [name, type] of listed) {
      const [[count]] = await this.select(
        `SELECT COUNT(*) FROM \`${String(name).replace(/`/g, '``')}\``);
      summaries.push({ name: String(name), kind: type === 'VIEW' ? 'view' : 'table',
        rows: Number(count) });
    }
    return summaries;
  }

  async describe(wanted: string): Promise<TableDescription | undefined> {
    const [found] = await this.select('SELECT table_name, table_type FROM ' +
      'information_schema.tables WHERE table_schema = DATABASE() AND table_name <> ? ' +
      'AND LOWER(table_name) = LOWER(?)', [MARK_TABLE, wanted]);
    if (!found) return undefined;
    const name = String(found[0]);

    const columns = await this.select('SELECT column_name, column_type, is_nullable, ' +
      'column_default, column_key FROM information_schema.columns WHERE table_schema = ' +
      'DATABASE() AND table_name = ? ORDER BY ordinal_position', [name]);
    const keys = await this.select('SELECT k.constraint_name, k.column_name, ' +
      'k.referenced_table_name, k.referenced_column_name, r.delete_rule, r.update_rule ' +
      'FROM information_schema.key_column_usage k JOIN ' +
      'information_schema.referential_constraints r ON r.constraint_schema = ' +
      'k.constraint_schema AND r.constraint_name = k.constraint_name AND r.table_name = ' +
      'k.table_name WHERE k.table_schema = DATABASE() AND k.table_name = ? ' +
      'ORDER BY k.constraint_name, k.ordinal_position', [name]);
    const incoming = await this.select('SELECT table_name, column_name FROM ' +
      'information_schema.key_column_usage WHERE table_schema = DATABASE() AND ' +
      'referenced_table_name = ? ORDER BY table_name, ordinal_position', [name]);
    const statistics = await this.select('SELECT index_name, non_unique, column_name FROM ' +
      'information_schema.statistics WHERE table_schema = DATABASE() AND table_name = ? ' +
      'ORDER BY index_name, seq_in_index', [name]);

    const foreignKeys = new Map<string, ForeignKeyInfo>();
    for (const [constraint, column, table, reference, onDelete, onUpdate] of keys) {
      const key = foreignKeys.get(String(constraint)) ?? { columns: [], table: String(table),
        references: [], onDelete: String(onDelete), onUpdate: String(onUpdate) };
      key.columns.push(String(column));
      key.references.push(String(reference));
      foreignKeys.set(String(constraint), key);
    }

    const indexes = new Map<string, IndexInfo>();
    for (const [index, nonUnique, column] of statistics) {
      const entry = indexes.get(String(index)) ?? { name: String(index), columns: [],
        unique: Number(nonUnique) === 0 };
      entry.columns.push(String(column));
      indexes.set(String(index), entry);
    }
    const primary = indexes.get('PRIMARY');
    indexes.delete('PRIMARY');

    return {
      name,
      kind: found[1] === 'VIEW' ? 'view' : 'table',
      columns: columns.map(([column, type, nullable, defaultValue, key]) => ({
        name: String(column),
        type: String(type),
        nullable: nullable === 'YES',
        // MariaDB shows a missing default as the text NULL, MySQL as NULL itself.
        defaultValue: defaultValue === null || defaultValue === 'NULL' ? null
          : String(defaultValue),
        primaryKey: key === 'PRI',
      })),
      primaryKey: primary?.columns ?? [],
      foreignKeys: [...foreignKeys.values()],
      referencedBy: incoming.map(([table, column]) => `${String(table)}.${String(column)}`),
      indexes: [...indexes.values()],
    };
  }

  cancel(): void {
    if (!this.running) return;
    this.cancelling = true;
    void this.kill();
  }

  async reset(): Promise<void> {
    const { connection } = this.session;
    await connection.query('ROLLBACK').catch(() => undefined);
    const fresh = await MysqlConsole.copy(this.options);
    await connection.query(`USE \`${fresh}\``);
    const old = this.scratch;
    this.scratch = fresh;
    await dropScratch(connection, old).catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.session.connection.query('ROLLBACK').catch(() => undefined);
    await dropScratch(this.session.connection, this.scratch).catch(() => undefined);
    await Promise.all([this.session, this.control].map((s) =>
      s?.connection.end().catch(() => undefined)));
  }

  private async select(sql: string, values: unknown[] = []): Promise<Cell[][]> {
    const [rows] = await this.session.connection.query(sql, values) as unknown as [unknown[][]];
    return rows.map((row) => row.map(cellOf));
  }

  /** KILL QUERY from a second connection: stops the statement, keeps the session. */
  private async kill(): Promise<void> {
    try {
      this.control ??= await connect(this.options.target);
      await this.control.connection.query(`KILL QUERY ${this.session.connection.threadId}`);
    } catch {
      // The statement ended meanwhile, or the server is gone: run() reports what happened.
    }
  }
}
