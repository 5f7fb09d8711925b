/** Judges a query exercise: the learner's result against the reference's, on every dataset. */
import type { QueryExercise } from '../course/format.js';
import type { Engine } from '../engines/engine.js';
import { compareResults } from './compare.js';
import type { QueryFeedback, Verdict } from './verdict.js';

export function referenceSql(exercise: QueryExercise, engine: string): string {
  return exercise.engineSolutions?.[engine as 'sqlite' | 'mysql'] ?? exercise.solution;
}

export function supportsEngine(exercise: QueryExercise, engine: string): boolean {
  return !exercise.engines || exercise.engines.includes(engine as 'sqlite' | 'mysql');
}

function verdict(exercise: QueryExercise, feedback: QueryFeedback): Verdict {
  return { exerciseId: exercise.id, passed: feedback.kind === 'passed', feedback };
}

export async function judgeQuery(engine: Engine, exercise: QueryExercise,
  answer: string): Promise<Verdict> {
  if (!supportsEngine(exercise, engine.name)) {
    return verdict(exercise, { kind: 'needs-engine', engines: exercise.engines ?? [] });
  }

  const reference = referenceSql(exercise, engine.name);
  // Every dataset's answer is queued at once: the sandbox thread works through them while
  // this thread runs the references.
  const answers = engine.datasets.map((d) => engine.query(d.name, answer));

  for (const [i, dataset] of engine.datasets.entries()) {
    const expected = await engine.query(dataset.name, reference, { trusted: true });
    const learner = await answers[i];

    if (!learner.ok) {
      const feedback: QueryFeedback = learner.failure.kind === 'empty'
        ? { kind: 'empty-answer' }
        : { kind: 'failure', failure: learner.failure };
      return verdict(exercise, feedback);
    }

    if (!expected.ok) {
      return verdict(exercise,
        { kind: 'reference-broken', dataset: dataset.name, failure: expected.failure });
    }

    const difference = compareResults(learner.result, expected.result, exercise);
    if (!difference) continue;

    return verdict(exercise, i === 0
      ? { kind: 'different', difference, shown: { actual: learner.result,
        expected: expected.result } }
      : { kind: 'hidden-dataset', property: dataset.property, difference });
  }

  // Same result everywhere and no table read: the rows were typed in, not queried.
  if (await engine.readsTables(answer) === false &&
    await engine.readsTables(reference, { trusted: true })) {
    return verdict(exercise, { kind: 'literal-rows' });
  }

  return verdict(exercise, { kind: 'passed' });
}
