/**
 * A console session (`dbcourse sql`): any statement on a private, writable view of the visible
 * bookstore, whose changes vanish when it ends. The checking datasets never see them.
 */
import type { EngineName } from '../course/format.js';
import type { Cell } from './engine.js';
import type { MysqlEngine } from './mysql/engine.js';
import { DEFAULT_MYSQL_URL, openEngine, type EngineChoice, type OpenOptions } from './open.js';

export type ConsoleOutcome =
  /** `total` counts every row up to the session's limit; `rows` holds the first few. */
  | { kind: 'rows'; columns: string[]; rows: Cell[][]; total: number; overLimit: boolean }
  | { kind: 'done'; verb: 'insert' | 'update' | 'delete' | 'other'; count: number }
  | { kind: 'error'; message: string; reset?: boolean }
  /** Refused before it ran: the Russian reason. */
  | { kind: 'refused'; message: string }
  /** `reset`: the session's changes since its last consistent state are gone. */
  | { kind: 'timeout'; seconds: number; reset: boolean }
  | { kind: 'cancelled'; reset: boolean };

export interface ColumnInfo {
  name: string;
  type: string;
  nullable: boolean;
  defaultValue: string | null;
  primaryKey: boolean;
}

export interface ForeignKeyInfo {
  columns: string[];
  table: string;
  references: string[];
  onDelete: string;
  onUpdate: string;
}

export interface IndexInfo {
  name: string;
  columns: string[];
  unique: boolean;
}

export interface TableDescription {
  name: string;
  kind: 'table' | 'view';
  columns: ColumnInfo[];
  primaryKey: string[];
  foreignKeys: ForeignKeyInfo[];
  /** Foreign keys of other tables that point at this one, as "table.column". */
  referencedBy: string[];
  indexes: IndexInfo[];
}

export interface TableSummary {
  name: string;
  kind: 'table' | 'view';
  rows: number;
}

export interface ConsoleSession {
  readonly engine: EngineName;
  /** One sentence for the help: where the statements run and what happens to changes. */
  readonly sandboxNote: string;
  /** Said once, after the first change: how long it lives and what it affects. */
  readonly changeNote: string;
  /** Runs one statement; `keep` is how many rows to return (the count goes further). */
  run(sql: string, keep: number): Promise<ConsoleOutcome>;
  tables(): Promise<TableSummary[]>;
  /** undefined when there is no such table or view (names compare case-insensitively). */
  describe(table: string): Promise<TableDescription | undefined>;
  /** Stops the running statement, if any. */
  cancel(): void;
  /** Throws away every change: the bookstore as it was at the start. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** Opens a session on the engine the learner chose. */
export async function openConsole(choice: EngineChoice, options: OpenOptions):
  Promise<ConsoleSession> {
  if (choice.name === 'sqlite') {
    const { buildDatasets } = await import('./sqlite/datasets.js');
    const { SqliteConsole } = await import('./sqlite/console-session.js');
    const [base] = buildDatasets(options.fixtures, options.cacheRoot);
    return new SqliteConsole({ path: base.path, timeoutMs: options.timeoutMs });
  }

  // The engine checks the user's rights and builds the datasets; the console then opens a
  // connection of its own on the visible one.
  const { parseMysqlUrl } = await import('./mysql/url.js');
  const { MysqlConsole } = await import('./mysql/console-session.js');
  const engine = await openEngine(choice, options);
  const database = (engine as MysqlEngine).datasets[0].database;
  await engine.close();

  const target = parseMysqlUrl(choice.mysqlUrl ?? DEFAULT_MYSQL_URL);
  try {
    return await MysqlConsole.open({ target, database, timeoutMs: options.timeoutMs });
  } catch (error) {
    const { unreachableMessage } = await import('./mysql/messages.js');
    throw unreachableMessage(error, target);
  }
}
