import { describe, expect, it } from 'vitest';
import { compareResults } from '../../src/checker/compare.js';
import type { Cell } from '../../src/engines/engine.js';

const result = (columns: string[], rows: Cell[][]) => ({ columns, rows });

describe('compareResults', () => {
  it('compares rows as a multiset: duplicates matter', () => {
    const expected = result(['t'], [['a'], ['a'], ['b']]);
    expect(compareResults(result(['t'], [['a'], ['b'], ['b']]), expected))
      .toMatchObject({ kind: 'rows', missing: [['a']], extra: [['b']] });
    expect(compareResults(result(['t'], [['b'], ['a'], ['a']]), expected)).toBeUndefined();
  });

  it('reports the column count first', () => {
    expect(compareResults(result(['a', 'b'], [[1, 2]]), result(['a'], [[1]])))
      .toEqual({ kind: 'column-count', actual: 2, expected: 1 });
  });

  it('reports the row count with samples of missing and extra rows', () => {
    const diff = compareResults(result(['n'], [[1], [2], [3]]), result(['n'], [[1], [4]]));
    expect(diff).toMatchObject({ kind: 'row-count', actual: 3, expected: 2, missing: [[4]],
      extra: [[2], [3]], missingCount: 1, extraCount: 2 });
  });

  it('finds the first row out of place on the declared keys only', () => {
    const expected = result(['t', 'p'], [['x', 1], ['y', 1], ['z', 2]]);
    const tiesSwapped = result(['t', 'p'], [['y', 1], ['x', 1], ['z', 2]]);
    expect(compareResults(tiesSwapped, expected, { orderBy: [{ column: 2 }] })).toBeUndefined();

    const wrong = result(['t', 'p'], [['z', 2], ['x', 1], ['y', 1]]);
    expect(compareResults(wrong, expected, { orderBy: [{ column: 2 }] }))
      .toMatchObject({ kind: 'order', index: 0 });
  });

  it('does not take NULL for an empty string', () => {
    const diff = compareResults(result(['c'], [[null], ['Москва']]), result(['c'], [[''], ['Москва']]));
    expect(diff).toMatchObject({ kind: 'rows', nearMiss: 'null-vs-empty' });
  });

  it('names near misses: rounding, letter case, spaces, number as text', () => {
    expect(compareResults(result(['a'], [[208.16]]), result(['a'], [[208.161667]])))
      .toMatchObject({ nearMiss: 'rounding' });
    expect(compareResults(result(['a'], [['москва']]), result(['a'], [['Москва']])))
      .toMatchObject({ nearMiss: 'letter-case' });
    expect(compareResults(result(['a'], [[' Москва ']]), result(['a'], [['Москва']])))
      .toMatchObject({ nearMiss: 'spaces' });
    expect(compareResults(result(['a'], [['700']]), result(['a'], [[700]])))
      .toMatchObject({ nearMiss: 'number-as-text' });
  });

  it('compares numbers by value and at the declared decimals', () => {
    expect(compareResults(result(['p'], [[700]]), result(['p'], [[700.0]]))).toBeUndefined();
    expect(compareResults(result(['p'], [[0.1 + 0.2]]), result(['p'], [[0.3]]))).toBeUndefined();
    expect(compareResults(result(['p'], [[208.1617]]), result(['p'], [[208.16166]]),
      { decimals: 2 })).toBeUndefined();
    expect(compareResults(result(['p'], [[208.17]]), result(['p'], [[208.16]]), { decimals: 2 }))
      .toMatchObject({ kind: 'rows' });
  });

  it('spots columns in a different order', () => {
    expect(compareResults(result(['price', 'title'], [[700, 'Война и мир']]),
      result(['title', 'price'], [['Война и мир', 700]])))
      .toMatchObject({ kind: 'column-order', expected: ['title', 'price'] });
  });
});
