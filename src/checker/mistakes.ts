/**
 * Whether a learner's statement plausibly holds one of the typical mistakes of
 * authoring/mutants.ts. Wrong rows that equal a mutant's rows are named as that mistake only
 * when the statement has what the mistake leaves in the text: the operator, the kind of JOIN,
 * the form of COUNT, DISTINCT present or missing. An answer that reaches the same rows another
 * way (OFFSET instead of a bound, a hand-written id list) is told nothing about a mistake it
 * never made.
 */
import { blankLiterals } from './statements.js';

/** A comparison that excludes its bound: < or >, not <=, >=, <>, <=>, -> or =>. */
const STRICT = /(?<![<>!=-])[<>](?![=>])/;
/** A comparison that includes its bound: <=, >=, BETWEEN (but not the null-safe <=>). */
const INCLUSIVE = /<=(?!>)|>=|\bBETWEEN\b/i;
const OUTER_JOIN = /\b(?:LEFT|RIGHT|FULL)\s+(?:OUTER\s+)?JOIN\b/i;
/** JOIN without LEFT/RIGHT/FULL before it, or a comma between the first two tables. */
const INNER_JOIN = new RegExp(String.raw`(?<!\b(?:LEFT|RIGHT|FULL)\s+(?:OUTER\s+)?)\bJOIN\b|` +
  String.raw`\bFROM\s+[\w.]+(?:\s+(?:AS\s+)?\w+)?\s*,`, 'i');

/** Conditions joined by AND, without the AND of BETWEEN ... AND. */
function conditions(text: string): number {
  const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
  return count(/\bAND\b/gi) - count(/\bBETWEEN\b/gi);
}

const plausible: Record<string, (learner: string, reference: string) => boolean> = {
  'INNER -> LEFT JOIN': (t) => OUTER_JOIN.test(t),
  'LEFT -> INNER JOIN': (t) => INNER_JOIN.test(t),
  '>= -> >': (t) => STRICT.test(t),
  '<= -> <': (t) => STRICT.test(t),
  '> -> >=': (t) => INCLUSIVE.test(t),
  '< -> <=': (t) => INCLUSIVE.test(t),
  'COUNT(column) -> COUNT(*)': (t) => /\bCOUNT\s*\(\s*(?:\*|\d+)\s*\)/i.test(t),
  'COUNT(DISTINCT x) -> COUNT(x)': (t) => /\bCOUNT\s*\(\s*(?!\s|DISTINCT\b)/i.test(t),
  'DISTINCT dropped': (t) => !/\bSELECT\s+DISTINCT\b/i.test(t),
  'one AND condition dropped': (t, r) => conditions(t) < conditions(r),
  '= -> IN before a subquery': (t) => /\bIN\s*\(\s*SELECT\b/i.test(t),
  'IN -> = before a subquery': (t) => /(?<![<>!])=\s*\(\s*SELECT\b/i.test(t),
  'ORDER BY direction': (t) => /\bORDER\s+BY\b/i.test(t),
};

/** The mutations this module can judge. */
export const judgedMistakes = Object.keys(plausible);

/**
 * Whether `mutation` may be named for the learner's `answer`, a wrong answer to `reference`.
 * A mutation this module does not know is never named.
 */
export function plausibleMistake(mutation: string, answer: string, reference: string): boolean {
  const rule = plausible[mutation];
  return rule !== undefined && rule(blankLiterals(answer), blankLiterals(reference));
}
