/**
 * Compares a learner's result with the reference's: multisets of rows by position, then the
 * declared order. Returns the first difference in the order rule 12 of CHECKING.md gives.
 */
import type { Cell, ResultSet } from '../engines/engine.js';
import { findNearMiss, rowKey } from './values.js';
import type { Difference } from './verdict.js';

export interface CompareOptions {
  /** Positions (from 1) in the expected result that rows must be sorted by. */
  orderBy?: { column: number; desc?: boolean }[];
  columnNames?: boolean;
  decimals?: number;
}

const SAMPLE = 5;
const MAX_PERMUTED_COLUMNS = 6;

function counts(rows: Cell[][], decimals?: number): Map<string, { row: Cell[]; n: number }> {
  const map = new Map<string, { row: Cell[]; n: number }>();
  for (const row of rows) {
    const key = rowKey(row, decimals);
    const entry = map.get(key);
    if (entry) entry.n += 1;
    else map.set(key, { row, n: 1 });
  }
  return map;
}

function multisetDiff(actual: Cell[][], expected: Cell[][], decimals?: number) {
  const have = counts(actual, decimals);
  const want = counts(expected, decimals);
  const missing: Cell[][] = [];
  const extra: Cell[][] = [];
  let missingCount = 0;
  let extraCount = 0;

  for (const [key, { row, n }] of want) {
    const short = n - (have.get(key)?.n ?? 0);
    if (short > 0) {
      missingCount += short;
      for (let i = 0; i < short && missing.length < SAMPLE; i++) missing.push(row);
    }
  }

  for (const [key, { row, n }] of have) {
    const over = n - (want.get(key)?.n ?? 0);
    if (over > 0) {
      extraCount += over;
      for (let i = 0; i < over && extra.length < SAMPLE; i++) extra.push(row);
    }
  }

  return { missing, extra, missingCount, extraCount };
}

function permutations(n: number): number[][] {
  if (n === 1) return [[0]];
  return permutations(n - 1).flatMap((p) =>
    Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)]));
}

function permutedMatch(actual: ResultSet, expected: ResultSet, decimals?: number) {
  const width = expected.columns.length;
  if (width < 2 || width > MAX_PERMUTED_COLUMNS) return undefined;

  for (const order of permutations(width)) {
    if (order.every((c, i) => c === i)) continue;
    const rows = actual.rows.map((row) => order.map((c) => row[c]));
    const diff = multisetDiff(rows, expected.rows, decimals);
    if (diff.missingCount === 0 && diff.extraCount === 0) return order;
  }

  return undefined;
}

function orderDifference(actual: Cell[][], expected: Cell[][],
  options: CompareOptions): Difference | undefined {
  const keys = options.orderBy ?? [];
  const keyOf = (row: Cell[]) => keys.map((k) => row[k.column - 1]);

  for (let i = 0; i < expected.length; i++) {
    const a = keyOf(actual[i]);
    const e = keyOf(expected[i]);
    if (rowKey(a, options.decimals) !== rowKey(e, options.decimals)) {
      return { kind: 'order', index: i, actual: actual[i], expected: expected[i] };
    }
  }

  return undefined;
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function compareResults(actual: ResultSet, expected: ResultSet,
  options: CompareOptions = {}): Difference | undefined {
  const decimals = options.decimals;

  if (actual.columns.length !== expected.columns.length) {
    return { kind: 'column-count', actual: actual.columns.length,
      expected: expected.columns.length };
  }

  if (options.columnNames &&
    !actual.columns.every((name, i) => sameName(name, expected.columns[i]))) {
    return { kind: 'column-names', actual: actual.columns, expected: expected.columns };
  }

  const diff = multisetDiff(actual.rows, expected.rows, decimals);

  if (diff.missingCount === 0 && diff.extraCount === 0) {
    return options.orderBy ? orderDifference(actual.rows, expected.rows, options) : undefined;
  }

  if (actual.rows.length === expected.rows.length &&
    permutedMatch(actual, expected, decimals)) {
    return { kind: 'column-order', actual: actual.columns, expected: expected.columns };
  }

  if (actual.rows.length !== expected.rows.length) {
    return { kind: 'row-count', actual: actual.rows.length, expected: expected.rows.length,
      ...diff };
  }

  const nearMiss = findNearMiss(actual.rows, expected.rows, decimals);
  return { kind: 'rows', ...diff, ...(nearMiss ? { nearMiss } : {}) };
}
