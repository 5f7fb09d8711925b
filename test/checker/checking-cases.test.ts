// The cases of shared/CHECKING.md, in bookstore terms, each on the real SQLite engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeQuery } from '../../src/checker/query.js';
import type { QueryExercise } from '../../src/course/format.js';
import type { Engine, QueryFailure } from '../../src/engines/engine.js';
import { engineCases } from '../helpers.js';

function exercise(solution: string, extra: Partial<QueryExercise> = {}): QueryExercise {
  return {
    id: 'case', kind: 'query', title: 'case', task: 'task', hints: ['h'], explanation: 'e',
    solution, columnNames: false, ...extra,
  };
}

const byAuthorThenTitle = exercise(`
  SELECT a.full_name, b.title FROM books b
  JOIN book_authors ba ON ba.book_id = b.id JOIN authors a ON a.id = ba.author_id
  ORDER BY a.full_name, b.title`, { orderBy: [{ column: 1, desc: false },
  { column: 2, desc: false }] });

describe.each(engineCases)('CHECKING.md cases on $name', (engineCase) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineCase.open();
  });
  afterAll(() => engine.close());

  it('says so when a comma left out made a column an alias of another', async () => {
    const task = exercise('SELECT id, email FROM customers');
    const slip = await judgeQuery(engine, task, 'SELECT id email FROM customers');
    expect(slip.feedback).toMatchObject({ kind: 'different',
      difference: { kind: 'column-count', missingComma: { column: 'id', alias: 'email' } } });
    // An alias on purpose, or a column simply missing, is no slip of a comma.
    for (const answer of ['SELECT id AS email FROM customers', 'SELECT email FROM customers']) {
      const verdict = await judgeQuery(engine, task, answer);
      expect(verdict.feedback).toMatchObject({ kind: 'different',
        difference: { kind: 'column-count' } });
      expect(JSON.stringify(verdict.feedback), answer).not.toContain('missingComma');
    }
  });

  it('rejects a sorted task answered without ORDER BY', async () => {
    const answer = `SELECT a.full_name, b.title FROM books b
      JOIN book_authors ba ON ba.book_id = b.id JOIN authors a ON a.id = ba.author_id
      ORDER BY b.id DESC`;
    const verdict = await judgeQuery(engine, byAuthorThenTitle, answer);
    expect(verdict.passed).toBe(false);
    expect(verdict.feedback).toMatchObject({ kind: 'different', difference: { kind: 'order' } });
  });

  it('rejects a sorted task answered with GROUP BY alone, whose order is luck', async () => {
    const task = exercise('SELECT status, COUNT(*) FROM orders GROUP BY status ORDER BY status',
      { orderBy: [{ column: 1, desc: false }] });
    const verdict = await judgeQuery(engine, task,
      'SELECT status, COUNT(*) FROM orders GROUP BY status');
    expect(verdict.passed).toBe(false);
    expect(['no-order-by', 'different']).toContain(verdict.feedback.kind);
  });

  it('blames a missing ORDER BY, not a hidden dataset, for rows in luck\'s order', async () => {
    const task = exercise('SELECT id, title FROM books WHERE price > 1000 ORDER BY id',
      { orderBy: [{ column: 1, desc: false }] });
    const verdict = await judgeQuery(engine, task,
      'SELECT id, title FROM books WHERE price > 1000');
    expect(verdict.feedback).toEqual({ kind: 'no-order-by' });
  });

  it('does not take ORDER BY inside a window for a sorted result', async () => {
    const task = exercise('SELECT id, price FROM books WHERE id < 20 ORDER BY id',
      { orderBy: [{ column: 1, desc: false }] });
    const verdict = await judgeQuery(engine, task,
      'SELECT id, price FROM books WHERE id < 20 AND id = MAX(id) OVER (ORDER BY id) OR id < 20');
    expect(verdict.passed).toBe(false);
  });

  it('accepts a UNION ALL in another row order when no order is asked', async () => {
    const task = exercise('SELECT title FROM books WHERE price < 300 OR price > 3000');
    const answer = `SELECT title FROM books WHERE price > 3000
      UNION ALL SELECT title FROM books WHERE price < 300`;
    expect((await judgeQuery(engine, task, answer)).passed).toBe(true);
  });

  it('accepts rows in any physical order when no order is asked', async () => {
    const task = exercise('SELECT id, title FROM books ORDER BY id');
    const verdict = await judgeQuery(engine, task, 'SELECT id, title FROM books ORDER BY id DESC');
    expect(verdict.passed).toBe(true);
  });

  it('ignores column names unless the task asks for them', async () => {
    const task = exercise(`SELECT a.full_name, COUNT(*) AS book_count FROM authors a
      JOIN book_authors ba ON ba.author_id = a.id GROUP BY a.id, a.full_name`);
    const answer = `SELECT a.full_name, COUNT(*) AS n FROM authors a
      JOIN book_authors ba ON ba.author_id = a.id GROUP BY a.id, a.full_name`;
    expect((await judgeQuery(engine, task, answer)).passed).toBe(true);

    const named = await judgeQuery(engine, { ...task, columnNames: true }, answer);
    expect(named.feedback).toMatchObject({ difference: { kind: 'column-names' } });
  });

  it('says "columns in a different order" for price, title instead of title, price', async () => {
    const task = exercise('SELECT title, price FROM books WHERE price > 2000');
    const verdict = await judgeQuery(engine, task, 'SELECT price, title FROM books WHERE price > 2000');
    expect(verdict.feedback).toMatchObject({ difference: { kind: 'column-order' } });
  });

  it('rejects excluding an author by name when a namesake exists', async () => {
    // Author 49 is «Алексей Иванов»; the namesakes dataset adds another one.
    const task = exercise(`SELECT b.title FROM books b
      JOIN book_authors ba ON ba.book_id = b.id WHERE ba.author_id <> 49`);
    const answer = `SELECT b.title FROM books b
      JOIN book_authors ba ON ba.book_id = b.id JOIN authors a ON a.id = ba.author_id
      WHERE a.full_name <> 'Алексей Иванов'`;
    const verdict = await judgeQuery(engine, task, answer);
    expect(verdict.feedback).toMatchObject({ kind: 'hidden-dataset',
      property: 'тёзки: разные авторы и покупатели с одинаковыми именами, разные книги с одним названием' });
  });

  it('rejects SELECT 1 and typed-in rows', async () => {
    const task = exercise('SELECT title, price FROM books WHERE id = 42');
    expect((await judgeQuery(engine, task, 'SELECT 1')).passed).toBe(false);

    const base = await engine.query('base', task.solution);
    if (!base.ok) throw new Error('reference failed');
    const [title, price] = base.result.rows[0];
    const literal = `SELECT '${String(title).replace(/'/g, "''")}', ${price}`;
    const verdict = await judgeQuery(engine, task, literal);
    expect(['literal-rows', 'hidden-dataset']).toContain(verdict.feedback.kind);
  });

  it.runIf(engineCase.name === 'sqlite')('rejects a missing tie-break that only the scan ' +
    'order hides', async () => {
    const task = exercise('SELECT id, title, price FROM books WHERE price < 400 ' +
      'ORDER BY price, id', { orderBy: [{ column: 3, desc: false }, { column: 1, desc: false }] });
    const verdict = await judgeQuery(engine, task,
      'SELECT id, title, price FROM books WHERE price < 400 ORDER BY price');
    expect(verdict.feedback).toMatchObject({ kind: 'hidden-dataset',
      property: 'те же данные в другом физическом порядке строк', difference: { kind: 'order' } });
  });

  it('accepts an average computed another way (float noise is not a difference)', async () => {
    const task = exercise('SELECT AVG(price) FROM books');
    const verdict = await judgeQuery(engine, task, 'SELECT SUM(price) / COUNT(price) FROM books');
    expect(verdict.passed).toBe(true);
  });

  it('rejects COUNT(*) where the task counts books that have a page count', async () => {
    const task = exercise('SELECT COUNT(pages) FROM books');
    const verdict = await judgeQuery(engine, task, 'SELECT COUNT(*) FROM books');
    expect(verdict.passed).toBe(false);
  });

  it('rejects two statements and runs neither', async () => {
    const task = exercise('SELECT COUNT(*) FROM reviews');
    const verdict = await judgeQuery(engine, task, 'SELECT COUNT(*) FROM reviews; DELETE FROM reviews;');
    expect(verdict.feedback).toMatchObject({ kind: 'failure',
      failure: { kind: 'multiple-statements' } });
    const after = await engine.query('base', 'SELECT COUNT(*) FROM reviews');
    expect(after.ok && after.result.rows[0][0]).toBeGreaterThan(0);
  });

  it('refuses a statement that changes data, and changes nothing', async () => {
    const task = exercise('SELECT COUNT(*) FROM reviews');
    const verdict = await judgeQuery(engine, task, 'DELETE FROM reviews');
    expect(verdict.feedback).toMatchObject({ failure: { kind: 'not-a-query' } });
  });

  it('treats comments, a trailing semicolon, CRLF and a BOM as one statement', async () => {
    const task = exercise('SELECT COUNT(*) FROM books');
    const answer = '\uFEFF-- мой ответ\r\n/* блок */\r\nSELECT COUNT(*)\r\nFROM books;\r\n';
    expect((await judgeQuery(engine, task, answer)).passed).toBe(true);
  });

  it('calls a comment-only answer empty', async () => {
    const task = exercise('SELECT COUNT(*) FROM books');
    const verdict = await judgeQuery(engine, task, '-- пока ничего\n');
    expect(verdict.feedback.kind).toBe('empty-answer');
  });

  it('gives the engine error with its text for broken SQL', async () => {
    const task = exercise('SELECT COUNT(*) FROM books');
    const verdict = await judgeQuery(engine, task, 'SELECT COUNT(*) FORM books');
    expect(verdict.feedback).toMatchObject({ kind: 'failure', failure: { kind: 'engine-error' } });
  });

  it('explains a syntax error by what is unfinished, and where', async () => {
    const { failureText } = await import('../../src/render/verdict.js');
    const task = exercise('SELECT COUNT(*) FROM books');
    const answer = "-- задание\nSELECT 'abc' + ;";
    const verdict = await judgeQuery(engine, task, answer);
    expect(verdict.feedback).toMatchObject({ kind: 'failure',
      failure: { kind: 'engine-error', statement: expect.stringContaining("'abc' +") } });
    const failure = (verdict.feedback as { failure: QueryFailure }).failure;
    const text = failureText(failure);
    expect(text).toContain('после оператора «+» нет второго значения');
    expect(text).toContain("«SELECT 'abc' +»");
    expect(text).not.toMatch(/не закрыта (скобка|кавычка)/);
  });

  it('names the hidden dataset property, never its rows', async () => {
    // On the base data every book without a page count has an ISBN but two; on the nulls
    // dataset many more lack both.
    const task = exercise('SELECT COUNT(*) FROM books WHERE pages IS NULL');
    const verdict = await judgeQuery(engine, task,
      'SELECT COUNT(*) + 2 FROM books WHERE pages IS NULL AND isbn IS NOT NULL');
    expect(verdict.feedback).toMatchObject({ kind: 'hidden-dataset',
      property: 'NULL в необязательных столбцах' });
  });
});

describe.each(engineCases)('known mistakes on $name', (engineCase) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineCase.open();
  });
  afterAll(() => engine.close());

  it('says the wrong answer looks like an INNER JOIN where rows without a match must stay',
    async () => {
      const task = exercise(`SELECT g.name, COUNT(b.id) FROM genres g
        LEFT JOIN books b ON b.genre_id = g.id GROUP BY g.id, g.name`);
      const verdict = await judgeQuery(engine, task, `SELECT g.name, COUNT(b.id) FROM genres g
        JOIN books b ON b.genre_id = g.id GROUP BY g.id, g.name`);
      expect(verdict.feedback).toMatchObject({ mistake: 'LEFT -> INNER JOIN' });
    });

  it('names a bound mistake only for an answer that has such a comparison', async () => {
    // A price only one book has, with a few books above it: "< price" cut after it.
    const found = await engine.query('base', 'SELECT price, (SELECT COUNT(*) FROM books b2 ' +
      'WHERE b2.price > b.price) FROM books b GROUP BY price HAVING COUNT(*) = 1 ' +
      'ORDER BY price DESC LIMIT 1 OFFSET 3', { trusted: true });
    if (!found.ok) throw new Error(JSON.stringify(found.failure));
    const [price, above] = found.result.rows[0] as [number, number];
    const order = 'ORDER BY price DESC, id LIMIT 3';
    const task = exercise(`SELECT id, price FROM books WHERE price < ${price} ${order}`,
      { orderBy: [{ column: 2, desc: true }, { column: 1, desc: false }] });

    const inclusive = await judgeQuery(engine, task,
      `SELECT id, price FROM books WHERE price <= ${price} ${order}`);
    expect(inclusive.feedback).toMatchObject({ kind: 'different', mistake: '< -> <=' });

    // The same rows as "<=", reached by skipping the dearer books: no "<=" to speak of.
    const offset = await judgeQuery(engine, task,
      `SELECT id, price FROM books ${order} OFFSET ${above}`);
    expect(offset.feedback.kind).toBe('different');
    expect(offset.feedback).not.toHaveProperty('mistake');
  });
});

