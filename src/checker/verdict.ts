/** Verdicts are data: the checker never prints; src/render/verdict.ts turns them into text. */
import type { Cell, QueryFailure, ResultSet } from '../engines/engine.js';
import type { QueryPlan } from '../engines/plan.js';
import type { PlanShortfall } from './plan-properties.js';
import type { PlanRefusal } from './statements.js';

export type NearMiss = 'rounding' | 'letter-case' | 'spaces' | 'null-vs-empty' | 'number-as-text';

/** A few of the rows missing from the answer and of those it has too many of. */
export interface RowsDiff {
  missing: Cell[][];
  extra: Cell[][];
  missingCount: number;
  extraCount: number;
}

export type Difference =
  | { kind: 'column-count'; actual: number; expected: number;
    /** `SELECT id email`: a comma left out made the second name an alias of the first. */
    missingComma?: { column: string; alias: string } }
  | { kind: 'column-order'; actual: string[]; expected: string[] }
  | { kind: 'column-names'; actual: string[]; expected: string[] }
  | ({ kind: 'row-count'; actual: number; expected: number } & RowsDiff)
  | ({ kind: 'rows'; nearMiss?: NearMiss } & RowsDiff)
  | { kind: 'order'; index: number; actual: Cell[]; expected: Cell[] };

export interface Shown {
  actual: ResultSet;
  expected: ResultSet;
}

export type QueryFeedback =
  /**
   * `pipesConcat`: passed on SQLite with `||` gluing strings, an exercise that asks for
   * portable SQL; in MySQL `||` is OR, so the learner is told, without failing the answer.
   */
  | { kind: 'passed'; pipesConcat?: boolean }
  | { kind: 'empty-answer' }
  /** `hidden`: the property of the hidden dataset it failed on (the visible one ran). */
  | { kind: 'failure'; failure: QueryFailure; hidden?: string }
  | { kind: 'needs-engine'; engines: string[] }
  | { kind: 'literal-rows' }
  /** The task asks for sorted rows and the statement has no ORDER BY. */
  | { kind: 'no-order-by' }

  /** The reference itself failed: a broken lesson, reported as such. */
  | { kind: 'reference-broken'; dataset: string; failure: QueryFailure }
  /** `mistake`: the typical mistake (a mutation name) the answer's rows match, if any. */
  | { kind: 'different'; difference: Difference; shown: Shown; mistake?: string }
  | { kind: 'hidden-dataset'; property: string; difference: Difference; table?: string;
      mistake?: string }
  /** A change answer holds a statement change exercises never need (DDL, COMMIT, ...). */
  | { kind: 'statement-not-allowed'; statement: string }
  /** After a change answer, this table's rows are not what the reference leaves. */
  | { kind: 'table-differs'; table: string; named: boolean; difference: Difference }
  /** A plan answer holds something else than CREATE INDEX statements and one final SELECT. */
  | { kind: 'plan-statement'; reason: PlanRefusal; statement: string }
  /** One of the learner's CREATE INDEX statements failed (the whole statement). */
  | { kind: 'index-failed'; statement: string; failure: QueryFailure }
  /** The result is right; the plan lacks a declared property. */
  | { kind: 'plan-shortfall'; shortfall: PlanShortfall; plan: QueryPlan };

/** A foreign key as feedback names it: order_items.book_id → books.id. */
export interface ForeignKeyRef {
  table: string;
  columns: string[];
  parent: string;
  references: string[];
}

/** The first thing in a schema's catalog that is not what the reference's is. */
export type SchemaDifference =
  | { kind: 'missing-table'; table: string }
  | { kind: 'missing-column'; table: string; column: string }
  | { kind: 'extra-column'; table: string; column: string }
  | { kind: 'column-type'; table: string; column: string; expected: string; actual: string }
  | { kind: 'nullability'; table: string; column: string; nullable: boolean }
  | { kind: 'default'; table: string; column: string; expected: string | null;
      actual: string | null }
  | { kind: 'auto-increment'; table: string; column: string; expected: boolean }
  | { kind: 'primary-key'; table: string; expected: string[]; actual: string[] }
  | { kind: 'missing-foreign-key'; key: ForeignKeyRef; otherTarget?: ForeignKeyRef }
  | { kind: 'foreign-key-action'; key: ForeignKeyRef; event: 'DELETE' | 'UPDATE';
      expected: string; actual: string }
  | { kind: 'extra-foreign-key'; key: ForeignKeyRef }
  | { kind: 'missing-unique'; table: string; columns: string[] }
  | { kind: 'extra-unique'; table: string; columns: string[] }
  | { kind: 'missing-check'; table: string; columns: string[] }
  | { kind: 'extra-check'; table: string; text: string }
  | { kind: 'missing-index'; table: string; columns: string[] }
  | { kind: 'extra-index'; table: string; columns: string[] };

export type SchemaFeedback =
  /** `more`: how many other differences the catalog comparison found. */
  | { kind: 'schema-differs'; difference: SchemaDifference; more: number }
  /** A view's rows differ from the reference's (on a hidden dataset when `property`). */
  | { kind: 'view-differs'; view: string; difference?: Difference; failure?: QueryFailure;
      property?: string }
  /** A probe failed where the reference's succeeded, or the other way round. */
  | { kind: 'probe-outcome'; title: string; sql: string; expected: 'error' | 'success';
      error?: string }
  /** After a probe, its query returns other rows than on the reference's schema. */
  | { kind: 'probe-state'; title: string; sql: string; difference?: Difference;
      failure?: QueryFailure;
      /** The probe's query whose rows differ: what the learner can run to see it. */
      query?: string };

export type QuestionFeedback =
  | { kind: 'passed' }
  | { kind: 'empty-answer' }
  | { kind: 'unreadable'; reason: 'letters' | 'one-choice' | 'unknown-key' | 'repeated-key';
      keys?: string[] }
  | { kind: 'wrong-choice'; wrongPicks: { key: string; why?: string }[]; missed: number }
  | { kind: 'wrong-order'; correctPrefix: number; total: number; why?: string;
      /** Items the answer leaves out altogether. */
      missing?: number }
  | { kind: 'wrong-short';
      /** The answer is a number with words after it, and the question wants a bare number. */
      numberWithWords?: boolean };

export type Feedback = QueryFeedback | SchemaFeedback | QuestionFeedback
  | { kind: 'no-answer-file' }
  | { kind: 'bad-file'; message: string };

export interface Verdict {
  exerciseId: string;
  passed: boolean;
  feedback: Feedback;
}
