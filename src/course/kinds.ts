/**
 * Facts about exercise kinds that commands need at run time. Apart from format.ts, whose zod
 * schema costs start-up time and is loaded only to parse a changed lesson.
 */
import type { ChangeExercise, Exercise, QueryExercise } from './format.js';

/** Exercises answered with SQL in a .sql file (the others are questions in a .txt file). */
export function isSqlExercise(e: Exercise): e is QueryExercise | ChangeExercise {
  return e.kind === 'query' || e.kind === 'change';
}
