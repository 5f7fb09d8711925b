import { afterAll, describe, expect, it } from 'vitest';
import { mutants, survivingMutants } from '../../src/authoring/mutants.js';
import type { QueryExercise } from '../../src/course/format.js';
import { bookstoreEngine } from '../helpers.js';

const engine = bookstoreEngine();
afterAll(() => engine.close());

describe('mutants of a reference solution', () => {
  it('applies each typical mistake at one place at a time', () => {
    const made = mutants('SELECT DISTINCT c.city FROM customers c JOIN orders o ON o.customer_id ' +
      '= c.id WHERE o.status = \'paid\' AND c.id >= 10 ORDER BY c.city DESC');
    const kinds = made.map((m) => m.mutation);
    expect(kinds).toEqual(expect.arrayContaining(['INNER -> LEFT JOIN', '>= -> >',
      'DISTINCT dropped', 'one AND condition dropped', 'ORDER BY direction']));
    expect(made.find((m) => m.mutation === 'one AND condition dropped')?.sql)
      .not.toContain('c.id >= 10');
  });

  it('finds the hole when no dataset has a book at the boundary, and none when one does',
    async () => {
      const exercise = (solution: string): QueryExercise => ({ id: 'm', kind: 'query', title: 't',
        task: 't', hints: ['h'], explanation: 'e', columnNames: false, solution });
      // Prices start at 150: nothing costs exactly 100, so "< 100" and "<= 100" agree.
      const hole = await survivingMutants(engine, exercise(
        'SELECT id FROM books WHERE price > 100'));
      expect(hole.map((m) => m.mutation)).toContain('> -> >=');

      const cheapest = await engine.query('base', 'SELECT MIN(price) FROM books');
      const boundary = cheapest.ok ? cheapest.result.rows[0][0] : 0;
      const caught = await survivingMutants(engine, exercise(
        `SELECT id FROM books WHERE price > ${boundary}`));
      expect(caught.map((m) => m.mutation)).not.toContain('> -> >=');
    });
});
