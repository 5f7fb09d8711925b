/**
 * Whether a learner's statement plausibly holds one of the typical mistakes of
 * authoring/mutants.ts. Wrong rows that equal a mutant's rows are named as that mistake only
 * when the statement has what the mistake leaves in the text: the operator, the kind of JOIN,
 * the form of COUNT, DISTINCT present or missing. An answer that reaches the same rows another
 * way (OFFSET instead of a bound, a hand-written id list) is told nothing about a mistake it
 * never made.
 */
import { blankLiterals } from './statements.js';

/**
 * Comparisons by the side their bound is on. A mistake that moves the bound of `x <= 2` to
 * `x < 2` is written `x < 2` or, the literal first, `2 > x`; an answer whose only strict
 * comparison is `x > 2` keeps the rows the reference drops (a NOT EXISTS turned into a
 * JOIN ... WHERE rating > 2) and is told nothing about a bound it got right.
 */
const LITERAL_BEFORE = String.raw`(?:(?<![\w.])\d+(?:\.\d+)?|['"])\s*`;
/** x < bound or bound > x: not <=, <>, <=>, -> or =>. */
const BELOW_STRICT = new RegExp(String.raw`(?<![<>!=-])<(?![=>])|${LITERAL_BEFORE}>(?![=>])`);
/** x > bound or bound < x. */
const ABOVE_STRICT = new RegExp(String.raw`(?<![<>!=-])>(?![=>])|${LITERAL_BEFORE}<(?![=>])`);
/** x <= bound, bound >= x, BETWEEN (but not the null-safe <=>). */
const BELOW_INCLUSIVE = new RegExp(String.raw`<=(?!>)|${LITERAL_BEFORE}>=|\bBETWEEN\b`, 'i');
/** x >= bound, bound <= x, BETWEEN. */
const ABOVE_INCLUSIVE = new RegExp(String.raw`>=|${LITERAL_BEFORE}<=(?!>)|\bBETWEEN\b`, 'i');
const OUTER_JOIN = /\b(?:LEFT|RIGHT|FULL)\s+(?:OUTER\s+)?JOIN\b/i;
/** JOIN without LEFT/RIGHT/FULL before it, or a comma between the first two tables. */
const INNER_JOIN = new RegExp(String.raw`(?<!\b(?:LEFT|RIGHT|FULL)\s+(?:OUTER\s+)?)\bJOIN\b|` +
  String.raw`\bFROM\s+[\w.]+(?:\s+(?:AS\s+)?\w+)?\s*,`, 'i');

/** Words that end an ORDER BY list at its own level of parentheses. */
const AFTER_ORDER_BY = new Set(['LIMIT', 'OFFSET', 'FETCH', 'UNION', 'INTERSECT', 'EXCEPT',
  'ROWS', 'RANGE', 'GROUPS', 'FOR', 'WINDOW']);

/**
 * Sort keys of all ORDER BY lists in the text (the outer one and those of OVER and
 * subqueries), each list counted up to the ')' or clause that closes it.
 */
function orderKeys(text: string): number {
  let keys = 0;
  for (const match of text.matchAll(/\bORDER\s+BY\b/gi)) {
    let depth = 0;
    let count = 1;
    for (const token of text.slice((match.index ?? 0) + match[0].length)
      .matchAll(/[()]|,|[A-Za-z_]+/g)) {
      const t = token[0];
      if (t === '(') depth += 1;
      else if (t === ')') {
        if (depth === 0) break;
        depth -= 1;
      } else if (depth === 0 && t === ',') count += 1;
      else if (depth === 0 && AFTER_ORDER_BY.has(t.toUpperCase())) break;
    }
    keys += count;
  }
  return keys;
}

/** Conditions joined by AND, without the AND of BETWEEN ... AND. */
function conditions(text: string): number {
  const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
  return count(/\bAND\b/gi) - count(/\bBETWEEN\b/gi);
}

const plausible: Record<string, (learner: string, reference: string) => boolean> = {
  'INNER -> LEFT JOIN': (t) => OUTER_JOIN.test(t),
  'LEFT -> INNER JOIN': (t) => INNER_JOIN.test(t),
  '>= -> >': (t) => ABOVE_STRICT.test(t),
  '<= -> <': (t) => BELOW_STRICT.test(t),
  '> -> >=': (t) => ABOVE_INCLUSIVE.test(t),
  '< -> <=': (t) => BELOW_INCLUSIVE.test(t),
  'COUNT(column) -> COUNT(*)': (t) => /\bCOUNT\s*\(\s*(?:\*|\d+)\s*\)/i.test(t),
  'COUNT(DISTINCT x) -> COUNT(x)': (t) => /\bCOUNT\s*\(\s*(?!\s|DISTINCT\b)/i.test(t),
  'DISTINCT dropped': (t) => !/\bSELECT\s+DISTINCT\b/i.test(t),
  'one AND condition dropped': (t, r) => conditions(t) < conditions(r),
  '= -> IN before a subquery': (t) => /\bIN\s*\(\s*SELECT\b/i.test(t),
  'IN -> = before a subquery': (t) => /(?<![<>!])=\s*\(\s*SELECT\b/i.test(t),
  // A list with fewer keys than the reference's lacks a tie-break: that, not a direction.
  'ORDER BY direction': (t, r) => /\bORDER\s+BY\b/i.test(t) && orderKeys(t) >= orderKeys(r),
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
