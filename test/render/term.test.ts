import { describe, expect, it } from 'vitest';
import { englishName } from '../../src/render/term.js';

describe("a term's English name", () => {
  it('goes in brackets, or after a dash when it has brackets of its own', () => {
    expect(englishName('primary key')).toBe(' (primary key)');
    expect(englishName('view (viewed table)')).toBe(' — view (viewed table)');
    expect(englishName(undefined)).toBe('');
  });

  it('is left out when the term already is its English name', () => {
    expect(englishName('QuerySet', 'QuerySet')).toBe('');
    expect(englishName('EXPLAIN  ANALYZE', 'EXPLAIN ANALYZE')).toBe('');
    expect(englishName('lazy evaluation', 'Ленивое вычисление QuerySet'))
      .toBe(' (lazy evaluation)');
  });
});
