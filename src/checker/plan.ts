/**
 * Judges a plan exercise: CREATE INDEX statements, then one SELECT. The SELECT's result is
 * judged as a query's on every dataset (indexes never change a result); then its plan on the
 * base dataset, after the learner's indexes were made on a private copy, must have every
 * property the exercise declares.
 */
import type { PlanExercise } from '../course/format.js';
import { claimsEngine, referenceFor } from '../course/kinds.js';
import type { Engine } from '../engines/engine.js';
import { firstShortfall } from './plan-properties.js';
import { resultFeedback } from './query.js';
import { isBlankSql, planStatements } from './statements.js';
import type { QueryFeedback, Verdict } from './verdict.js';

function verdict(exercise: PlanExercise, feedback: QueryFeedback): Verdict {
  return { exerciseId: exercise.id, passed: feedback.kind === 'passed', feedback };
}

export async function judgePlan(engine: Engine, exercise: PlanExercise,
  answer: string): Promise<Verdict> {
  if (!claimsEngine(exercise, engine.name)) {
    return verdict(exercise, { kind: 'needs-engine', engines: exercise.engines ?? [] });
  }

  const text = answer.replace(/^\uFEFF/, '');
  if (isBlankSql(text)) return verdict(exercise, { kind: 'empty-answer' });
  const learner = planStatements(text);
  if (!learner.ok) {
    return verdict(exercise, { kind: 'plan-statement', reason: learner.reason,
      statement: learner.statement });
  }

  const reference = planStatements(referenceFor(exercise, engine.name));
  if (!reference.ok) {
    return verdict(exercise, { kind: 'reference-broken', dataset: engine.datasets[0].name,
      failure: { kind: 'engine-error', message: `reference: ${reference.reason}` } });
  }

  const result = await resultFeedback(engine, exercise, learner.select, reference.select,
    exercise.dataset);
  if (result.kind !== 'passed') return verdict(exercise, result);

  const outcome = await engine.plan(engine.datasets[0].name, learner);
  if (!outcome.ok) {
    return verdict(exercise, outcome.statement === undefined
      ? { kind: 'failure', failure: outcome.failure }
      : { kind: 'index-failed', failure: outcome.failure,
        statement: learner.indexes[outcome.statement] });
  }

  const shortfall = firstShortfall(outcome.plan, exercise.plan);
  return verdict(exercise, shortfall ? { kind: 'plan-shortfall', shortfall, plan: outcome.plan }
    : { kind: 'passed' });
}
