/** One entry point for every exercise kind: a new kind is a new branch here. */
import type { Exercise } from '../course/format.js';
import type { Engine } from '../engines/engine.js';
import { judgeChange } from './change.js';
import { judgePlan } from './plan.js';
import { judgeQuery } from './query.js';
import { judgeQuestion } from './questions.js';
import { judgeSchema } from './schema.js';
import type { Verdict } from './verdict.js';

export async function judge(exercise: Exercise, answer: string,
  engine: () => Promise<Engine>): Promise<Verdict> {
  switch (exercise.kind) {
    case 'query':
      return judgeQuery(await engine(), exercise, answer);
    case 'change':
      return judgeChange(await engine(), exercise, answer);
    case 'schema':
      return judgeSchema(await engine(), exercise, answer);
    case 'plan':
      return judgePlan(await engine(), exercise, answer);
    default:
      return judgeQuestion(exercise, answer);
  }
}
