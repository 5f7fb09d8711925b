// An exercise's own hidden dataset: the visible bookstore plus the exercise's changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeQuery } from '../../src/checker/query.js';
import type { QueryExercise } from '../../src/course/format.js';
import type { Engine } from '../../src/engines/engine.js';
import { engineCases } from '../helpers.js';

const atTheBoundary: QueryExercise = {
  id: 'case', kind: 'query', title: 'case', task: 'task', hints: ['h'], explanation: 'e',
  columnNames: false,
  solution: 'SELECT id, title FROM books WHERE price >= 777.77',
  dataset: {
    property: 'книга стоит ровно 777.77',
    changes: 'UPDATE books SET price = 777.77 WHERE id = 1;\n' +
      "INSERT INTO genres (id, name, parent_id) VALUES (900, 'Пустой жанр', NULL)",
  },
};

describe.each(engineCases)('an exercise dataset on $name', (engineCase) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineCase.open();
  });
  afterAll(() => engine.close());

  it('catches what no shared dataset holds, and names its property', async () => {
    const wrong = 'SELECT id, title FROM books WHERE price > 777.77';
    const { dataset, ...withoutOwn } = atTheBoundary;
    expect(dataset).toBeDefined();
    // Without the exercise's dataset, the wrong answer slips through.
    expect((await judgeQuery(engine, withoutOwn, wrong)).passed).toBe(true);

    const verdict = await judgeQuery(engine, atTheBoundary, wrong);
    expect(verdict.passed).toBe(false);
    expect(verdict.feedback).toMatchObject({ kind: 'hidden-dataset',
      property: 'книга стоит ровно 777.77' });
    expect((await judgeQuery(engine, atTheBoundary, atTheBoundary.solution)).passed).toBe(true);
  });

  it('leaves the shared datasets as they were', async () => {
    await engine.exerciseDataset(atTheBoundary.dataset!);
    const base = await engine.query('base', 'SELECT COUNT(*) FROM books WHERE price = 777.77');
    expect(base.ok && base.result.rows).toEqual([[0]]);
    const own = await engine.query((await engine.exerciseDataset(atTheBoundary.dataset!)).name,
      'SELECT COUNT(*) FROM genres WHERE id = 900');
    expect(own.ok && own.result.rows).toEqual([[1]]);
  });
});
