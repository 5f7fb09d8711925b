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
  | { kind: 'column-count'; actual: number; expected: number }
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
  | { kind: 'passed' }
  | { kind: 'empty-answer' }
  | { kind: 'failure'; failure: QueryFailure }
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

export type QuestionFeedback =
  | { kind: 'passed' }
  | { kind: 'empty-answer' }
  | { kind: 'unreadable'; reason: 'letters' | 'one-choice' | 'unknown-key' | 'repeated-key';
      keys?: string[] }
  | { kind: 'wrong-choice'; wrongPicks: { key: string; why?: string }[]; missed: number }
  | { kind: 'wrong-order'; correctPrefix: number; total: number; why?: string }
  | { kind: 'wrong-short' };

export type Feedback = QueryFeedback | QuestionFeedback | { kind: 'no-answer-file' }
  | { kind: 'bad-file'; message: string };

export interface Verdict {
  exerciseId: string;
  passed: boolean;
  feedback: Feedback;
}
