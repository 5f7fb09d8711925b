/** Canonical comparison of result values (rule 8 of CHECKING.md). */
import type { Cell } from '../engines/engine.js';
import type { NearMiss } from './verdict.js';

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round((value + Number.EPSILON * Math.sign(value)) * factor) / factor;
}

/** A key for counting rows in a multiset; numbers rounded so float noise does not split. */
export function rowKey(row: Cell[], decimals?: number): string {
  return JSON.stringify(row.map((cell) => {
    if (typeof cell !== 'number') return cell;
    const value = decimals !== undefined ? roundTo(cell, decimals) : Number(cell.toPrecision(12));
    return Object.is(value, -0) ? 0 : value;
  }));
}

function sameMultiset(a: Cell[][], b: Cell[][], decimals?: number): boolean {
  if (a.length !== b.length) return false;
  const counts = new Map<string, number>();
  for (const row of a) {
    const key = rowKey(row, decimals);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const row of b) {
    const key = rowKey(row, decimals);
    const left = counts.get(key) ?? 0;
    if (left === 0) return false;
    counts.set(key, left - 1);
  }
  return true;
}

const numeric = /^\s*-?\d+(\.\d+)?\s*$/;

/** Each near miss is a normalisation under which the two results become the same. */
const nearMisses: { kind: NearMiss; normalise: (cell: Cell) => Cell }[] = [
  { kind: 'null-vs-empty', normalise: (c) => (c === '' ? null : c) },
  {
    kind: 'number-as-text',
    normalise: (c) => (typeof c === 'string' && numeric.test(c) ? Number(c) : c),
  },
  { kind: 'rounding', normalise: (c) => (typeof c === 'number' ? roundTo(c, 2) : c) },
  { kind: 'rounding', normalise: (c) => (typeof c === 'number' ? roundTo(c, 0) : c) },
  {
    kind: 'letter-case',
    normalise: (c) => (typeof c === 'string' ? c.toLocaleLowerCase('ru') : c),
  },
  {
    kind: 'spaces',
    normalise: (c) => (typeof c === 'string' ? c.replace(/\s+/g, ' ').trim() : c),
  },
];

/**
 * Names the one kind of slip (rounding, letter case, ...) under which the learner's rows
 * become the expected ones: the learner is almost there.
 */
export function findNearMiss(actual: Cell[][], expected: Cell[][],
  decimals?: number): NearMiss | undefined {
  if (actual.length !== expected.length || actual.length === 0) return undefined;

  for (const miss of nearMisses) {
    const a = actual.map((row) => row.map(miss.normalise));
    const e = expected.map((row) => row.map(miss.normalise));
    if (sameMultiset(a, e, decimals)) return miss.kind;
  }

  return undefined;
}
