/**
 * Judges a change exercise: the state the learner's statements leave in every table, compared
 * with the reference's as multisets, on every dataset (rule 11 of CHECKING.md).
 */
import type { ChangeExercise } from '../course/format.js';
import { claimsEngine, referenceFor } from '../course/kinds.js';
import type { Engine, TableState } from '../engines/engine.js';
import { compareResults } from './compare.js';
import { forbiddenStatement, isBlankSql } from './statements.js';
import type { Difference, QueryFeedback, Verdict } from './verdict.js';

/** The first table whose rows differ: the tables the task names first, then the others. */
export function compareStates(actual: TableState, expected: TableState, named: string[]):
  { table: string; named: boolean; difference: Difference } | undefined {
  const others = Object.keys(expected).filter((t) => !named.includes(t)).sort();

  for (const table of [...named, ...others]) {
    const want = expected[table];
    const have = actual[table];
    if (!want) continue;
    const difference = have
      ? compareResults(have, want)
      : { kind: 'row-count' as const, actual: 0, expected: want.rows.length, missing: [],
        extra: [], missingCount: want.rows.length, extraCount: 0 };
    if (difference) return { table, named: named.includes(table), difference };
  }

  return undefined;
}

function verdict(exercise: ChangeExercise, feedback: QueryFeedback): Verdict {
  return { exerciseId: exercise.id, passed: feedback.kind === 'passed', feedback };
}

export async function judgeChange(engine: Engine, exercise: ChangeExercise,
  answer: string): Promise<Verdict> {
  if (!claimsEngine(exercise, engine.name)) {
    return verdict(exercise, { kind: 'needs-engine', engines: exercise.engines ?? [] });
  }

  if (isBlankSql(answer.replace(/^\uFEFF/, ''))) return verdict(exercise, { kind: 'empty-answer' });
  const forbidden = forbiddenStatement(answer);
  if (forbidden) return verdict(exercise, { kind: 'statement-not-allowed', statement: forbidden });

  const reference = referenceFor(exercise, engine.name);
  // The exercise's own dataset right after the visible one: it holds this task's trap.
  const [base, ...shared] = engine.datasets.filter((d) => !d.sameRowsAs);
  const datasets = [base, ...(exercise.dataset ? [await engine.exerciseDataset(exercise.dataset)]
    : []), ...shared];

  for (const [i, dataset] of datasets.entries()) {
    // One after the other: on MySQL both run as transactions on the same dataset database.
    const learner = await engine.change(dataset.name, answer);
    const expected = await engine.change(dataset.name, reference, { trusted: true });

    if (!learner.ok) {
      return verdict(exercise, learner.failure.kind === 'empty'
        ? { kind: 'empty-answer' }
        : { kind: 'failure', failure: learner.failure,
          ...(i > 0 ? { hidden: dataset.property } : {}) });
    }
    if (!expected.ok) {
      return verdict(exercise,
        { kind: 'reference-broken', dataset: dataset.name, failure: expected.failure });
    }

    const found = compareStates(learner.state, expected.state, exercise.tables);
    if (!found) continue;

    return verdict(exercise, i === 0
      ? { kind: 'table-differs', ...found }
      : { kind: 'hidden-dataset', property: dataset.property, difference: found.difference,
        table: found.table });
  }

  return verdict(exercise, { kind: 'passed' });
}
