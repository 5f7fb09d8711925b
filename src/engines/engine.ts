/**
 * What the checker needs from a database engine. SQLite (embedded, the default) implements it
 * now; MySQL implements the same interface, so the checker never branches on the engine.
 */
import type { EngineName } from '../course/format.js';

/** A value as the checker sees it: engines normalise their drivers' types to these. */
export type Cell = string | number | null;

export interface ResultSet {
  columns: string[];
  rows: Cell[][];
}

export type QueryFailure =
  | { kind: 'empty' }
  | { kind: 'multiple-statements' }
  | { kind: 'not-a-query' }
  | { kind: 'engine-error'; message: string }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'too-many-rows'; limit: number };

export type QueryOutcome = { ok: true; result: ResultSet } | { ok: false; failure: QueryFailure };

export interface DatasetInfo {
  /** 'base' is the bookstore the learner sees; the others are hidden variants. */
  name: string;
  /** What makes the dataset special, in Russian, said when an answer fails on it. */
  property: string;
}

export interface Engine {
  readonly name: EngineName;
  /** The visible dataset first, then the hidden variants. */
  readonly datasets: DatasetInfo[];
  /** Runs one read-only statement on a fresh view of a dataset. Never throws for bad SQL. */
  query(dataset: string, sql: string): Promise<QueryOutcome>;
  /** Whether a statement reads any table (undefined: cannot tell). Catches typed-in rows. */
  readsTables(sql: string): Promise<boolean | undefined>;
  close(): Promise<void>;
}
