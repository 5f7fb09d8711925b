/**
 * One entry point for every exercise kind: a new kind is a new branch here. Each kind's
 * module loads when an exercise of that kind is judged, so a lesson of queries does not pay
 * for the schema and plan checkers.
 */
import type { Exercise } from '../course/format.js';
import type { Engine } from '../engines/engine.js';
import type { Verdict } from './verdict.js';

export async function judge(exercise: Exercise, answer: string,
  engine: () => Promise<Engine>): Promise<Verdict> {
  switch (exercise.kind) {
    case 'query':
      return (await import('./query.js')).judgeQuery(await engine(), exercise, answer);
    case 'change':
      return (await import('./change.js')).judgeChange(await engine(), exercise, answer);
    case 'schema':
      return (await import('./schema.js')).judgeSchema(await engine(), exercise, answer);
    case 'plan':
      return (await import('./plan.js')).judgePlan(await engine(), exercise, answer);
    default:
      return (await import('./questions.js')).judgeQuestion(exercise, answer);
  }
}
