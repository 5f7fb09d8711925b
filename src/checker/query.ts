/**
 * Judges a query exercise: the learner's result against the reference's, on every dataset.
 * Plan exercises judge their SELECT's result the same way (resultFeedback).
 */
import type { ExerciseDataset, QueryExercise } from '../course/format.js';
import { claimsEngine, referenceFor } from '../course/kinds.js';
import type { Engine, QueryOutcome, ResultSet } from '../engines/engine.js';
import { compareResults, type CompareOptions } from './compare.js';
import { plausibleMistake } from './mistakes.js';
import { blankLiterals } from './statements.js';
import type { Difference, QueryFeedback, Verdict } from './verdict.js';

/** The statement's text without comments, string literals and window clauses (OVER (...)). */
function outerText(sql: string): string {
  let text = blankLiterals(sql);
  // Innermost parentheses first, so nested ones inside OVER (...) go too.
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text.replace(/\bover\s*\([^()]*\)/gi, ' ');
    text = text.replace(/\bover\s*\(([^()]*)\(([^()]*)\)/gi, 'over ($1 $2');
  }
  return text;
}

/**
 * The task asks for an order: the rows must be sorted by the statement itself, not by luck of
 * the engine (SQLite happens to return GROUP BY groups sorted). Missing tie-breaks are caught
 * by the dataset whose rows lie in another physical order.
 */
function lacksOrderBy(answer: string): boolean {
  return !/\border\s+by\b/i.test(outerText(answer));
}

const MAX_MUTANTS = 40;

/**
 * The typical mistake a wrong answer matches, if one does: the reference with that mistake
 * gives exactly the learner's rows on the dataset where they went wrong, and the learner's
 * statement plausibly holds that mistake (the operator, the JOIN kind: mistakes.ts).
 */
async function knownMistake(engine: Engine, rules: CompareOptions, reference: string,
  answer: string, dataset: string, actual: ResultSet): Promise<string | undefined> {
  const { mutants } = await import('../authoring/mutants.js');
  const candidates = mutants(reference).filter((m) =>
    plausibleMistake(m.mutation, answer, reference));
  for (const mutant of candidates.slice(0, MAX_MUTANTS)) {
    const outcome = await engine.query(dataset, mutant.sql, { trusted: true });
    if (outcome.ok && !compareResults(actual, outcome.result, rules)) return mutant.mutation;
  }
  return undefined;
}

function verdict(exercise: QueryExercise, feedback: QueryFeedback): Verdict {
  return { exerciseId: exercise.id, passed: feedback.kind === 'passed', feedback };
}

const NOT_A_COLUMN = new Set(['select', 'distinct', 'all', 'as', 'from', 'by', 'and', 'or',
  'not', 'on', 'where', 'then', 'else', 'when', 'case', 'end']);

/**
 * Fewer columns than asked, and one of them is named like an expected column while the SQL
 * has `<name> <that name>` in its select list: the comma between them was left out.
 */
function withMissingComma(difference: Difference | undefined, answer: string,
  actual: string[], expected: string[]): Difference | undefined {
  if (difference?.kind !== 'column-count' || difference.actual >= difference.expected) {
    return difference;
  }
  const wanted = new Set(expected.map((name) => name.toLowerCase()));
  const text = blankLiterals(answer, { keepNames: true });
  for (const alias of actual) {
    if (!wanted.has(alias.toLowerCase()) || !/^\w+$/.test(alias)) continue;
    const pattern = new RegExp(`([A-Za-z_][\\w.]*)\\s+${alias}\\s*(?:,|FROM\\b|$)`, 'gi');
    for (const match of text.matchAll(pattern)) {
      const column = match[1];
      if (!NOT_A_COLUMN.has(column.toLowerCase())) {
        return { ...difference, missingComma: { column, alias } };
      }
    }
  }
  return difference;
}

export async function judgeQuery(engine: Engine, exercise: QueryExercise,
  answer: string): Promise<Verdict> {
  if (!claimsEngine(exercise, engine.name)) {
    return verdict(exercise, { kind: 'needs-engine', engines: exercise.engines ?? [] });
  }

  return verdict(exercise, await resultFeedback(engine, exercise, answer,
    referenceFor(exercise, engine.name), exercise.dataset));
}

/**
 * The learner's SELECT against the reference SELECT on every dataset of the engine: the first
 * difference (rule 12 of CHECKING.md), or `passed`.
 */
export async function resultFeedback(engine: Engine, rules: CompareOptions, answer: string,
  reference: string, own?: ExerciseDataset): Promise<QueryFeedback> {
  const pending: Promise<QueryOutcome>[] = [];
  try {
    return await feedbackOnDatasets(engine, rules, answer, reference, own, pending);
  } finally {
    // A verdict can come before the learner's queries queued on the other datasets have run.
    // The caller closes the engine next: a query still on its way would then fail on a closed
    // connection (MySQL) and, awaited by nobody, end the process.
    await Promise.allSettled(pending);
  }
}

async function feedbackOnDatasets(engine: Engine, rules: CompareOptions, answer: string,
  reference: string, own: ExerciseDataset | undefined, pending: Promise<QueryOutcome>[]):
  Promise<QueryFeedback> {
  // A dataset that only stores the same rows in another order tells nothing without an order.
  // The exercise's own dataset, if it has one, comes right after the visible one: it was made
  // for this task's trap, so when an answer fails there too, its property is the one to name.
  const [base, ...shared] = engine.datasets.filter((d) => !d.sameRowsAs || rules.orderBy);
  const datasets = [base, ...(own ? [await engine.exerciseDataset(own)] : []), ...shared];
  // The visible dataset first (most wrong answers stop there); then every hidden one is
  // queued at once, so the sandbox thread works through them while this one runs references.
  const [visible, ...hidden] = datasets;
  const first = engine.query(visible.name, answer);
  pending.push(first);
  let rest: Promise<QueryOutcome>[] = [];
  const expectedOn = new Map<string, QueryOutcome>();
  let mostRows = 0;

  for (const [i, dataset] of datasets.entries()) {
    // Same rows, so the same sorted keys: the reference need not run again.
    const expected = expectedOn.get(dataset.sameRowsAs ?? '') ??
      await engine.query(dataset.name, reference, { trusted: true });
    expectedOn.set(dataset.name, expected);
    const learner = await (i === 0 ? first : rest[i - 1]);

    if (!learner.ok) {
      return learner.failure.kind === 'empty' ? { kind: 'empty-answer' }
        : { kind: 'failure', failure: learner.failure,
          ...(i > 0 ? { hidden: dataset.property } : {}) };
    }

    if (!expected.ok) {
      return { kind: 'reference-broken', dataset: dataset.name, failure: expected.failure };
    }

    mostRows = Math.max(mostRows, expected.result.rows.length);
    const difference = withMissingComma(compareResults(learner.result, expected.result, rules),
      answer, learner.result.columns, expected.result.columns);
    if (!difference) {
      if (i === 0) {
        rest = hidden.map((d) => engine.query(d.name, answer));
        pending.push(...rest);
      }
      continue;
    }

    // Rows right but in another order, from a statement that never asked for one: the
    // missing ORDER BY is the mistake, not the dataset's property.
    if (difference.kind === 'order' && rules.orderBy && lacksOrderBy(answer)) {
      return { kind: 'no-order-by' };
    }

    const mistake = await knownMistake(engine, rules, reference, answer, dataset.name,
      learner.result);
    const named = mistake ? { mistake } : {};
    return i === 0
      ? { kind: 'different', difference, shown: { actual: learner.result,
        expected: expected.result }, ...named }
      : { kind: 'hidden-dataset', property: dataset.property, difference, ...named };
  }

  // A single row has no order to get wrong.
  if (rules.orderBy && mostRows > 1 && lacksOrderBy(answer)) {
    return { kind: 'no-order-by' };
  }

  // Same result everywhere and no table read: the rows were typed in, not queried.
  // Known shortcoming: rows typed in per dataset, chosen by DATABASE() (MySQL), still pass.
  if (await engine.readsTables(answer) === false &&
    await engine.readsTables(reference, { trusted: true })) {
    return { kind: 'literal-rows' };
  }

  return { kind: 'passed' };
}
