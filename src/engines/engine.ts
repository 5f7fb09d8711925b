/**
 * What the checker needs from a database engine. SQLite (embedded, the default) implements it
 * now; MySQL implements the same interface, so the checker never branches on the engine.
 */
import type { EngineName } from '../course/format.js';
import type { Catalog } from './catalog.js';
import type { PlanRequest, QueryPlan } from './plan.js';

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
  /** `statement`: the SQL the engine refused, to point at a syntax error in it. */
  | { kind: 'engine-error'; message: string; statement?: string }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'too-many-rows'; limit: number };

export type QueryOutcome = { ok: true; result: ResultSet } | { ok: false; failure: QueryFailure };

/** Every table's rows after a change, by table name. */
export type TableState = Record<string, ResultSet>;

export type ChangeOutcome = { ok: true; state: TableState } | { ok: false; failure: QueryFailure };

/**
 * What a schema check reads after the DDL: the catalog of these tables, every row of these
 * views, and each probe (a statement, then optionally a query of the state it left), each
 * probe on its own, rolled back before the next.
 */
export interface SchemaRequest {
  tables: string[];
  views: string[];
  probes: { sql: string; query?: string }[];
}

export interface ProbeOutcome {
  /** The engine's error when the probe's statement failed. */
  error?: string;
  /** The probe's query, run after the statement (whether it failed or not). */
  after?: QueryOutcome;
}

export interface SchemaState {
  catalog: Catalog;
  /** By view name, in the order asked. */
  views: Record<string, QueryOutcome>;
  probes: ProbeOutcome[];
}

export type SchemaOutcome = { ok: true; state: SchemaState } | { ok: false; failure: QueryFailure };

/**
 * The plan of a SELECT after CREATE INDEX statements. `statement` is the position (from 0) of
 * the CREATE INDEX that failed, when one did; without it the SELECT itself failed.
 */
export type PlanOutcome = { ok: true; plan: QueryPlan }
  | { ok: false; failure: QueryFailure; statement?: number };

/** Rows a learner's statement may return before it is stopped as runaway. */
export const DEFAULT_MAX_ROWS = 50_000;

export interface QueryOptions {
  trusted?: boolean;
}

export interface DatasetInfo {
  /** 'base' is the bookstore the learner sees; the others are hidden variants. */
  name: string;
  /** What makes the dataset special, in Russian, said when an answer fails on it. */
  property: string;
  /** The same rows as this dataset, stored in another physical order. */
  sameRowsAs?: string;
}

export interface Engine {
  readonly name: EngineName;
  /** Changes whenever results could: the engine's version and its datasets. */
  readonly fingerprint: string;
  /** The visible dataset first, then the hidden variants. */
  readonly datasets: DatasetInfo[];
  /**
   * Runs one read-only statement on a fresh view of a dataset. Never throws for bad SQL.
   * `trusted` marks the course's own reference SQL, which an engine may run without the
   * sandbox that learners' SQL needs.
   */
  query(dataset: string, sql: string, options?: QueryOptions): Promise<QueryOutcome>;
  /**
   * Runs change statements (INSERT/UPDATE/DELETE, several in order) on a private copy of a
   * dataset and returns every table's rows afterwards; the dataset itself never changes.
   */
  change(dataset: string, sql: string, options?: QueryOptions): Promise<ChangeOutcome>;
  /**
   * Runs DDL (several statements in order) on a throw-away copy of a dataset, then reads what
   * `request` asks for from that copy; the copy is gone afterwards, the dataset unchanged.
   */
  schema(dataset: string, sql: string, request: SchemaRequest, options?: QueryOptions):
    Promise<SchemaOutcome>;
  /**
   * The engine's plan of a SELECT on a dataset, after the request's CREATE INDEX statements
   * ran on a private copy of it (the dataset itself never changes). The SELECT is explained,
   * never run.
   */
  plan(dataset: string, request: PlanRequest, options?: QueryOptions): Promise<PlanOutcome>;
  /**
   * An exercise's own hidden dataset: the visible one after the given changes, built once
   * (and kept like the shared ones); queries name it by the returned info's name.
   */
  exerciseDataset(spec: { property: string; changes: string }): Promise<DatasetInfo>;
  /** Whether a statement reads any table (undefined: cannot tell). Catches typed-in rows. */
  readsTables(sql: string, options?: QueryOptions): Promise<boolean | undefined>;
  /** Starts whatever learners' queries need (a thread, a connection) ahead of the first one. */
  warmUp(): void;
  close(): Promise<void>;
}
