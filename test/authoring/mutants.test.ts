import { afterAll, describe, expect, it } from 'vitest';
import { mutatedStatement, mutants, survivingMutants } from '../../src/authoring/mutants.js';
import type { PlanExercise, QueryExercise } from '../../src/course/format.js';
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

  it('drops the tie-break: the last key of an ORDER BY with several, in a window too', () => {
    const dropped = (sql: string) => mutants(sql)
      .filter((m) => m.mutation === 'last ORDER BY key dropped').map((m) => m.sql);
    expect(dropped('SELECT id FROM books ORDER BY price DESC, id LIMIT 5'))
      .toEqual(['SELECT id FROM books ORDER BY price DESC LIMIT 5']);
    expect(dropped('SELECT ROW_NUMBER() OVER (PARTITION BY g ORDER BY p, id) AS n FROM t ' +
      'ORDER BY g, n')).toEqual([
      'SELECT ROW_NUMBER() OVER (PARTITION BY g ORDER BY p) AS n FROM t ORDER BY g, n',
      'SELECT ROW_NUMBER() OVER (PARTITION BY g ORDER BY p, id) AS n FROM t ORDER BY g']);
    // One key: nothing to drop.
    expect(dropped('SELECT id FROM books ORDER BY id')).toEqual([]);
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

  it('mutates the SELECT of a plan exercise and judges its result as a query\'s', async () => {
    const plan = (solution: string, extra: Partial<PlanExercise> = {}): PlanExercise => ({
      id: 'p', kind: 'plan', title: 't', task: 't', hints: ['h'], explanation: 'e',
      columnNames: false, solution, plan: [{ noFullScan: 'books' }], ...extra });
    const exercise = plan('CREATE INDEX idx_books_price ON books (price);\n' +
      'SELECT id FROM books WHERE price > 100');
    expect(mutatedStatement(exercise, 'sqlite')).toBe('SELECT id FROM books WHERE price > 100');
    expect((await survivingMutants(engine, exercise)).map((m) => m.sql)).toEqual(
      ['SELECT id FROM books WHERE price >= 100']);
    // An exercise for another engine has nothing to mutate here.
    const other = plan(exercise.solution, { engines: ['mysql'] });
    expect(mutatedStatement(other, 'sqlite')).toBeUndefined();
    expect(await survivingMutants(engine, other)).toEqual([]);
  });
});

