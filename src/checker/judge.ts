/** One entry point for every exercise kind: a new kind is a new branch here. */
import type { Exercise } from '../course/format.js';
import type { Engine } from '../engines/engine.js';
import { judgeQuery } from './query.js';
import { judgeQuestion } from './questions.js';
import type { Verdict } from './verdict.js';

export async function judge(exercise: Exercise, answer: string,
  engine: () => Promise<Engine>): Promise<Verdict> {
  if (exercise.kind === 'query') return judgeQuery(await engine(), exercise, answer);
  return judgeQuestion(exercise, answer);
}
