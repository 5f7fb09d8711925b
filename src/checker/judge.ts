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
  const verdict = await judgeKind(exercise, answer, engine);
  return verdict.passed && 'solution' in exercise
    ? withPortabilityNote(verdict, exercise, answer, (await engine()).name)
    : verdict;
}

/**
 * A passed answer to an exercise that wants portable SQL (no per-engine references), judged
 * on SQLite while gluing strings with `||`: passed, with a word about MySQL.
 */
export function withPortabilityNote(verdict: Verdict, exercise: Exercise, answer: string,
  engineName: string): Verdict {
  return verdict.passed && engineName === 'sqlite' && 'solution' in exercise &&
    !exercise.engineSolutions && usesPipes(answer)
    ? { ...verdict, feedback: { kind: 'passed', pipesConcat: true } }
    : verdict;
}

/**
 * `||` in the SQL itself, not inside a string, a quoted name or a comment. SQLite glues
 * strings with it; MySQL (without PIPES_AS_CONCAT) reads it as OR.
 */
export function usesPipes(sql: string): boolean {
  const code = sql
    .replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ' ')
    .replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|`[^`]*`/g, "''");
  return code.includes('||');
}

async function judgeKind(exercise: Exercise, answer: string,
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
