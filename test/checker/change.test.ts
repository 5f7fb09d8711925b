// Change exercises: judged by the state every table is left in, on every engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeChange } from '../../src/checker/change.js';
import {
  forbiddenSchemaStatement, forbiddenStatement, planStatements,
} from '../../src/checker/statements.js';
import type { ChangeExercise } from '../../src/course/format.js';
import type { Engine } from '../../src/engines/engine.js';
import { engineCases } from '../helpers.js';

function exercise(solution: string, tables: string[]): ChangeExercise {
  return { id: 'change', kind: 'change', title: 't', task: 't', hints: ['h'], explanation: 'e',
    solution, tables };
}

const discount = exercise('UPDATE books SET price = ROUND(price * 0.9, 2) WHERE genre_id = 21',
  ['books']);
const purge = exercise(`DELETE FROM orders WHERE status = 'cancelled' AND created_at < '2024-01-01'`,
  ['orders']);

describe('statements read as each engine reads them', () => {
  it('sees through --x, which MySQL reads as two minus signs, not a comment', () => {
    expect(forbiddenStatement('UPDATE books SET price = 1 WHERE 1--1; COMMIT; ' +
      'CREATE TABLE x (i int)')).toBe('COMMIT');
    expect(forbiddenSchemaStatement('CREATE TABLE t (a INT CHECK (a >= 0--0)); ' +
      'CREATE TABLE dbcourse_ds_1_base.p (x int)')).toContain('CREATE TABLE dbcourse');
    expect(planStatements('SELECT id FROM books WHERE 1--1; DROP TABLE books').ok).toBe(false);
    // A real comment still hides what it says.
    expect(forbiddenStatement('UPDATE books SET price = 1 -- COMMIT')).toBeUndefined();
  });

  it('sees through a backslash before a quote, which SQLite does not read as an escape', () => {
    expect(forbiddenStatement("UPDATE books SET price = 1; SELECT 'a\\'; " +
      "ATTACH 'x.db' AS e; -- '")).toContain('ATTACH');
    expect(forbiddenSchemaStatement("CREATE TABLE t (a TEXT DEFAULT 'x\\'); VACUUM INTO " +
      "'/tmp/x.db'; -- ')")).toBeDefined();
    // MySQL's escape still keeps a string whole.
    expect(forbiddenStatement("UPDATE books SET title = 'O\\'Reilly' WHERE id = 1"))
      .toBeUndefined();
  });
});

describe('statements a change answer may hold', () => {
  it('allows DML, refuses what could outlive the check', () => {
    expect(forbiddenStatement("UPDATE books SET title = 'a; DROP TABLE x' WHERE id = 1;")).toBe(
      undefined);
    expect(forbiddenStatement('DELETE FROM reviews WHERE id = 1; -- COMMIT')).toBe(undefined);
    expect(forbiddenStatement('UPDATE books SET price = 1; COMMIT')).toBe('COMMIT');
    expect(forbiddenStatement('DROP TABLE books')).toBe('DROP TABLE books');
    expect(forbiddenStatement("ATTACH DATABASE '/tmp/x.db' AS x")).toContain('ATTACH');
    expect(forbiddenStatement('DELETE FROM dbcourse_ds_1_base.books')).toContain('DELETE');
    expect(forbiddenStatement("PREPARE s FROM 'DELETE FROM books'")).toContain('PREPARE');
    // MySQL runs /*! ... */ as SQL: a DROP inside it would pass for a comment.
    expect(forbiddenStatement('UPDATE books SET stock = 1; /*!DROP TABLE reviews*/'))
      .toBe('/*! ... */');
    expect(forbiddenStatement('UPDATE books SET stock = 1 /* DROP TABLE reviews */'))
      .toBeUndefined();
  });
});

describe.each(engineCases)('change exercises on $name', (engineCase) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineCase.open();
  });
  afterAll(() => engine.close());

  it('passes the right change, also written as several statements', async () => {
    expect((await judgeChange(engine, discount, discount.solution)).passed).toBe(true);
    const twoSteps = 'UPDATE books SET price = price * 0.9 WHERE genre_id = 21;\n' +
      'UPDATE books SET price = ROUND(price, 2) WHERE genre_id = 21;';
    expect((await judgeChange(engine, discount, twoSteps)).passed).toBe(true);
  });

  it('reports a syntax error in a later statement as a syntax error', async () => {
    const verdict = await judgeChange(engine, discount,
      'UPDATE books SET price = price * 0.9 WHERE genre_id = 21;\n' +
      'UPDATE books SET price = ROUND(price 2) WHERE genre_id = 21;');
    expect(verdict.feedback).toMatchObject({ kind: 'failure',
      failure: { kind: 'engine-error' } });
  });

  it('names the table and the rows when the WHERE is wrong', async () => {
    const verdict = await judgeChange(engine, discount,
      'UPDATE books SET price = ROUND(price * 0.9, 2) WHERE genre_id = 22');
    expect(verdict.feedback).toMatchObject({ kind: 'table-differs', table: 'books', named: true,
      difference: { kind: 'rows' } });
  });

  it('compares cascaded tables too, and accepts deleting children first', async () => {
    const explicit = `DELETE FROM order_items WHERE order_id IN (SELECT id FROM orders
      WHERE status = 'cancelled' AND created_at < '2024-01-01');
      DELETE FROM orders WHERE status = 'cancelled' AND created_at < '2024-01-01';`;
    expect((await judgeChange(engine, purge, explicit)).passed).toBe(true);

    const onlyItems = `DELETE FROM order_items WHERE order_id IN (SELECT id FROM orders
      WHERE status = 'cancelled' AND created_at < '2024-01-01')`;
    expect((await judgeChange(engine, purge, onlyItems)).feedback)
      .toMatchObject({ kind: 'table-differs', table: 'orders' });
  });

  it('catches on its own dataset a constant that happens to be right on the shared ones',
    async () => {
      // Book 1's stock goes down by 1; a learner who writes the current value minus one as a
      // constant passes every shared dataset, where book 1 has the same stock.
      const sell = { ...exercise('UPDATE books SET stock = stock - 1 WHERE id = 1', ['books']),
        dataset: { property: 'у книги 1 другой остаток', changes:
          'UPDATE books SET stock = 40 WHERE id = 1' } };
      const stock = await engine.query('base', 'SELECT stock FROM books WHERE id = 1');
      const constant = `UPDATE books SET stock = ${stock.ok ? Number(stock.result.rows[0][0]) - 1
        : 0} WHERE id = 1`;
      const { dataset, ...withoutOwn } = sell;
      expect(dataset).toBeDefined();
      expect((await judgeChange(engine, withoutOwn, constant)).passed).toBe(true);

      const verdict = await judgeChange(engine, sell, constant);
      expect(verdict.feedback).toMatchObject({ kind: 'hidden-dataset',
        property: 'у книги 1 другой остаток', table: 'books' });
      expect((await judgeChange(engine, sell, sell.solution)).passed).toBe(true);
    });

  it('fails an empty answer and one that changes nothing', async () => {
    expect((await judgeChange(engine, discount, '-- потом\n')).feedback.kind).toBe('empty-answer');
    expect((await judgeChange(engine, discount, 'SELECT 1')).feedback.kind).toBe('table-differs');
  });

  it('refuses DDL and COMMIT before anything runs, and never changes the dataset', async () => {
    const before = await engine.query('base', 'SELECT COUNT(*), SUM(price) FROM books');
    for (const answer of ['DROP TABLE books', 'DELETE FROM books; COMMIT',
      'UPDATE books SET price = 0']) {
      await judgeChange(engine, discount, answer);
    }
    expect((await judgeChange(engine, discount, 'TRUNCATE TABLE books')).feedback)
      .toMatchObject({ kind: 'statement-not-allowed' });
    const after = await engine.query('base', 'SELECT COUNT(*), SUM(price) FROM books');
    expect(after).toEqual(before);
  });
});

describe('reading statements around comments and strings', () => {
  it('takes an apostrophe in a comment for no string, and -- in a string for no comment', () => {
    const header = "-- Задание: книги O'Reilly Media получают новый остаток\n-- ещё строка\n";
    expect(forbiddenStatement(`${header}UPDATE books SET stock = 0 WHERE publisher_id = 12;`))
      .toBeUndefined();
    expect(forbiddenStatement("UPDATE books SET title = '-- not a comment; DROP' WHERE id = 1"))
      .toBeUndefined();
    expect(forbiddenStatement("-- it's fine\nDROP TABLE books")).toBe('DROP TABLE books');
  });
});
