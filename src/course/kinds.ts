/**
 * Facts about exercise kinds that commands need at run time. Apart from format.ts, whose zod
 * schema costs start-up time and is loaded only to parse a changed lesson.
 */
import type {
  ChangeExercise, EngineName, Exercise, PlanExercise, QueryExercise, SchemaExercise,
} from './format.js';

export type SqlExercise = QueryExercise | ChangeExercise | SchemaExercise | PlanExercise;

/** Exercises answered with SQL in a .sql file (the others are questions in a .txt file). */
export function isSqlExercise(e: Exercise): e is SqlExercise {
  return e.kind === 'query' || e.kind === 'change' || e.kind === 'schema' || e.kind === 'plan';
}

/** The reference solution for an engine: its own where the dialects differ. */
export function referenceFor(e: SqlExercise, engine: EngineName): string {
  return e.engineSolutions?.[engine] ?? e.solution;
}

/** Whether the exercise is checked on this engine (all engines unless it names some). */
export function claimsEngine(e: Exercise, engine: EngineName): boolean {
  return !isSqlExercise(e) || !e.engines || e.engines.includes(engine);
}
