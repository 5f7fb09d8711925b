// The glossary puts the term asked for before the terms that only mention it.
import { describe, expect, it } from 'vitest';
import { sortTerms } from '../../src/cli/commands/glossary.js';
import type { Definition } from '../../src/course/format.js';

const entry = (term: string, en?: string) =>
  ({ definition: { term, en } as Definition });

describe('glossary order', () => {
  it('shows the exact term first, then terms that start with it, then the rest', () => {
    const found = [entry('Ограничение NOT NULL'), entry('NULLIF'), entry('NULL', 'null value'),
      entry('Предикат IS NULL', 'null predicate')];
    expect(sortTerms(found, 'null').map((e) => e.definition.term))
      .toEqual(['NULL', 'Предикат IS NULL', 'NULLIF', 'Ограничение NOT NULL']);
    expect(sortTerms(found).map((e) => e.definition.term))
      .toEqual(['Ограничение NOT NULL', 'Предикат IS NULL', 'NULL', 'NULLIF']);
  });
});
