/**
 * Mutation analysis of reference solutions (`npm run course:check -- --mutants`): each small,
 * typical mistake is applied to the reference, and a mutant that passes the exercise's own
 * check on every dataset is a hole through which a wrong answer gets in.
 */
import type { PlanExercise, QueryExercise } from '../course/format.js';
import type { Engine } from '../engines/engine.js';
import { judgeQuery, resultFeedback } from '../checker/query.js';
import { planStatements } from '../checker/statements.js';
import { claimsEngine, referenceFor } from '../course/kinds.js';

export interface Mutant {
  /** What the mistake is, in the words of issue #4: "INNER -> LEFT JOIN". */
  mutation: string;
  sql: string;
}

interface Rule {
  mutation: string;
  pattern: RegExp;
  replace: (match: string) => string;
}

const rules: Rule[] = [
  {
    mutation: 'INNER -> LEFT JOIN',
    pattern: /\b(?:INNER\s+)?(?<!LEFT\s|RIGHT\s|CROSS\s|OUTER\s)JOIN\b/gi,
    replace: () => 'LEFT JOIN',
  },
  { mutation: 'LEFT -> INNER JOIN', pattern: /\bLEFT\s+(?:OUTER\s+)?JOIN\b/gi,
    replace: () => 'JOIN' },
  { mutation: '>= -> >', pattern: />=/g, replace: () => '>' },
  { mutation: '> -> >=', pattern: /(?<![<>=-])>(?!=)/g, replace: () => '>=' },
  { mutation: '<= -> <', pattern: /<=/g, replace: () => '<' },
  { mutation: '< -> <=', pattern: /<(?![=>])/g, replace: () => '<=' },
  {
    mutation: 'COUNT(column) -> COUNT(*)',
    pattern: /\bCOUNT\(\s*(?!\*|DISTINCT\b)[^()]+\)/gi,
    replace: () => 'COUNT(*)',
  },
  { mutation: 'COUNT(DISTINCT x) -> COUNT(x)', pattern: /\bCOUNT\(\s*DISTINCT\s+/gi,
    replace: () => 'COUNT(' },
  { mutation: 'DISTINCT dropped', pattern: /\bSELECT\s+DISTINCT\b/gi, replace: () => 'SELECT' },
  {
    mutation: 'one AND condition dropped',
    // Up to the next keyword that starts another condition or clause: one condition only.
    pattern: new RegExp('\\s+AND\\s+[^()]+?(?=\\s+(?:AND|OR|GROUP|ORDER|HAVING|LIMIT|UNION|' +
      'WINDOW|WHERE|JOIN|INNER|LEFT|RIGHT|CROSS|ON|FROM|SELECT|WHEN|THEN|ELSE|END)\\b|\\)|;|$)',
    'gi'),
    replace: () => ' ',
  },
  { mutation: '= -> IN before a subquery', pattern: /=\s*\(\s*SELECT\b/gi,
    replace: () => 'IN (SELECT' },
  { mutation: 'IN -> = before a subquery', pattern: /\bIN\s*\(\s*SELECT\b/gi,
    replace: () => '= (SELECT' },
  { mutation: 'ORDER BY direction', pattern: /\b(ASC|DESC)\b/gi,
    replace: (m) => (m.toUpperCase() === 'ASC' ? 'DESC' : 'ASC') },
  {
    // The tie-break left out: the last key of an ORDER BY with several (in a window too).
    mutation: 'last ORDER BY key dropped',
    pattern: /\bORDER\s+BY\s+[^;()]+?,\s*[^,;()]+?(?=\s+LIMIT\b|\s+OFFSET\b|\s*\)|\s*;|\s*$)/gi,
    replace: (m) => m.replace(/,\s*[^,]+$/, ''),
  },
];

/** Every single-site mutant of `sql`: one rule applied at one place. */
export function mutants(sql: string): Mutant[] {
  const out: Mutant[] = [];
  const seen = new Set<string>();

  for (const rule of rules) {
    for (const match of sql.matchAll(new RegExp(rule.pattern.source, rule.pattern.flags))) {
      const at = match.index ?? 0;
      const mutated = sql.slice(0, at) + rule.replace(match[0]) + sql.slice(at + match[0].length);
      if (mutated !== sql && !seen.has(mutated)) {
        seen.add(mutated);
        out.push({ mutation: rule.mutation, sql: mutated });
      }
    }
  }

  return out;
}

/**
 * The statement mutants change: a query's reference, or the SELECT of a plan's reference (its
 * result is judged as a query's; the CREATE INDEX statements before it change no result).
 * Undefined when the exercise does not run on this engine or its reference is not well-formed.
 */
export function mutatedStatement(exercise: QueryExercise | PlanExercise,
  engine: Engine['name']): string | undefined {
  if (!claimsEngine(exercise, engine)) return undefined;
  const reference = referenceFor(exercise, engine);
  if (exercise.kind === 'query') return reference;
  const split = planStatements(reference);
  return split.ok ? split.select : undefined;
}

/** Mutants of the exercise's reference that its own check accepts: holes in the exercise. */
export async function survivingMutants(engine: Engine, exercise: QueryExercise | PlanExercise):
  Promise<Mutant[]> {
  const statement = mutatedStatement(exercise, engine.name);
  if (statement === undefined) return [];
  const survivors: Mutant[] = [];
  for (const mutant of mutants(statement)) {
    const passed = exercise.kind === 'query'
      ? (await judgeQuery(engine, exercise, mutant.sql)).passed
      : (await resultFeedback(engine, exercise, mutant.sql, statement, exercise.dataset))
        .kind === 'passed';
    if (passed) survivors.push(mutant);
  }
  return survivors;
}
