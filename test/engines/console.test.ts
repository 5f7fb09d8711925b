// Console sessions (`dbcourse sql`): private changes that vanish, never reaching the datasets.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openConsole, type ConsoleSession } from '../../src/engines/console.js';
import { consoleRefusal } from '../../src/engines/console-policy.js';
import { datasetDatabases } from '../../src/engines/mysql/datasets.js';
import { connect } from '../../src/engines/mysql/driver.js';
import { parseMysqlUrl } from '../../src/engines/mysql/url.js';
import { buildDatasets } from '../../src/engines/sqlite/datasets.js';
import { fixturesDir } from '../../src/util/paths.js';
import { mysqlUrl, sharedCache } from '../helpers.js';

const endless = 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) ' +
  'SELECT COUNT(*) FROM n';

function open(engine: 'sqlite' | 'mysql', timeoutMs = 5000): Promise<ConsoleSession> {
  return openConsole({ name: engine, source: 'option', mysqlUrl },
    { fixtures: { dir: fixturesDir() }, cacheRoot: sharedCache(), timeoutMs });
}

async function count(session: ConsoleSession, table: string): Promise<number> {
  const outcome = await session.run(`SELECT COUNT(*) FROM ${table}`, 1);
  if (outcome.kind !== 'rows') throw new Error(JSON.stringify(outcome));
  return Number(outcome.rows[0][0]);
}

const sessions: ConsoleSession[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
});

async function opened(engine: 'sqlite' | 'mysql', timeoutMs?: number): Promise<ConsoleSession> {
  const session = await open(engine, timeoutMs);
  sessions.push(session);
  return session;
}

describe('the console pre-screen', () => {
  it('keeps SQLite sessions inside their in-memory copy', () => {
    expect(consoleRefusal("ATTACH DATABASE 'x.db' AS x", 'sqlite')).toMatch(/ATTACH/);
    expect(consoleRefusal("VACUUM INTO '/tmp/copy.db'", 'sqlite')).toMatch(/VACUUM/);
    expect(consoleRefusal('PRAGMA foreign_keys = OFF', 'sqlite')).toMatch(/\\d books/);
    // Words inside strings and comments are data, not statements.
    expect(consoleRefusal("SELECT 'attach' -- pragma\nFROM books", 'sqlite')).toBeUndefined();
    expect(consoleRefusal('CREATE TABLE t (x INT); DROP TABLE t', 'sqlite')).toBeUndefined();
  });

  it('refuses on MySQL only what would leave its copy or unpin the session', () => {
    expect(consoleRefusal('CREATE TABLE t (x INT)', 'mysql')).toBeUndefined();
    expect(consoleRefusal('/* note */ drop table books', 'mysql')).toBeUndefined();
    expect(consoleRefusal('START TRANSACTION', 'mysql')).toBeUndefined();
    expect(consoleRefusal('SET TRANSACTION ISOLATION LEVEL READ COMMITTED', 'mysql'))
      .toBeUndefined();
    expect(consoleRefusal('SET autocommit = 0', 'mysql')).toBeUndefined();
    expect(consoleRefusal('SET SESSION max_statement_time = 0', 'mysql')).toMatch(/SET/);
    expect(consoleRefusal('CREATE DATABASE shop', 'mysql')).toMatch(/базы/);
    expect(consoleRefusal('DROP SCHEMA IF EXISTS shop', 'mysql')).toMatch(/базы/);
    expect(consoleRefusal('USE mysql', 'mysql')).toMatch(/базы/);
    expect(consoleRefusal("LOAD DATA INFILE '/etc/passwd' INTO TABLE books", 'mysql'))
      .toMatch(/недоступен/);
    expect(consoleRefusal('TABLE books /*!50000 ; CREATE TABLE x (i INT) */', 'mysql'))
      .toMatch(/Исполняемые комментарии/);
    expect(consoleRefusal('SELECT * FROM `dbcourse_ds_1_nulls`.books', 'mysql'))
      .toMatch(/наборы данных для проверки/);
    expect(consoleRefusal('SELECT 1 --1 FROM dbcourse_ds_1_nulls.books', 'mysql'))
      .toMatch(/наборы данных для проверки/);
    expect(consoleRefusal('CREATE TABLE t AS SELECT * FROM dbcourse_ds_1_nulls.books', 'mysql'))
      .toMatch(/наборы данных для проверки/);
    expect(consoleRefusal("DELETE FROM reviews WHERE body = 'commit'", 'mysql')).toBeUndefined();
    expect(consoleRefusal('SHOW CREATE TABLE books', 'mysql')).toBeUndefined();
  });

  it('calls a misspelt first word a typo, not a forbidden statement', () => {
    expect(consoleRefusal('SELEC 1', 'mysql')).toMatch(/опечатку, может быть, SELECT\?/);
    expect(consoleRefusal('SELEC 1', 'mysql')).not.toMatch(/недоступен/);
    expect(consoleRefusal('FROBNICATE books', 'mysql')).toMatch(/не начало оператора MySQL\./);
    expect(consoleRefusal('GRANT ALL ON *.* TO x', 'mysql')).toMatch(/GRANT .*недоступен/);
  });

  it('sees names that a quoted alias or a backslash would hide, and keeps settings pinned', () => {
    expect(consoleRefusal("SELECT id AS `a'`, name FROM dbcourse_ds_1_nulls.genres", 'mysql'))
      .toMatch(/наборы данных для проверки/);
    expect(consoleRefusal("SELECT 'a\\'; ATTACH 'x.db' AS e; -- '", 'sqlite'))
      .toMatch(/ATTACH/);
    expect(consoleRefusal('SELECT 1--1, id FROM dbcourse_ds_1_nulls.genres', 'mysql'))
      .toMatch(/наборы данных для проверки/);
    expect(consoleRefusal("SET @a = 1, sql_mode = 'ANSI_QUOTES'", 'mysql')).toMatch(/SET/);
    expect(consoleRefusal('SET @a = 1, max_statement_time = 0', 'mysql')).toMatch(/SET/);
    expect(consoleRefusal('LOCK TABLES genres WRITE', 'mysql')).toMatch(/недоступен/);
  });
});

describe('a SQLite console session', () => {
  it('allows changes and DDL that vanish at the end, and never writes the dataset file',
    async () => {
      const [base] = buildDatasets({ dir: fixturesDir() }, sharedCache());
      const hash = () => createHash('sha256').update(readFileSync(base.path)).digest('hex');
      const before = { hash: hash(), mtime: statSync(base.path).mtimeMs };

      const first = await opened('sqlite');
      const reviews = await count(first, 'reviews');
      expect(await first.run('DELETE FROM reviews', 1)).toEqual({ kind: 'done', verb: 'delete',
        count: reviews });
      expect(await first.run('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)', 1))
        .toMatchObject({ kind: 'done', verb: 'other' });
      expect(await first.run("INSERT INTO notes (body) VALUES ('a'), ('b')", 1))
        .toMatchObject({ kind: 'done', verb: 'insert', count: 2 });
      expect(await count(first, 'reviews')).toBe(0);
      expect((await first.tables()).map((t) => t.name)).toContain('notes');
      await first.close();

      const second = await opened('sqlite');
      expect(await count(second, 'reviews')).toBe(reviews);
      expect(await second.describe('notes')).toBeUndefined();
      expect({ hash: hash(), mtime: statSync(base.path).mtimeMs }).toEqual(before);
    });

  it('stops a runaway statement, keeps the finished changes and goes on', async () => {
    const session = await opened('sqlite', 600);
    await session.run('DELETE FROM reviews WHERE id > 10', 1);
    expect(await session.run(endless, 1)).toEqual({ kind: 'timeout', seconds: 0.6,
      reset: false });
    expect(await count(session, 'reviews')).toBe(10);
  });

  it('says an open transaction was lost when its statement had to be stopped', async () => {
    const session = await opened('sqlite', 600);
    await session.run('BEGIN', 1);
    await session.run('DELETE FROM reviews', 1);
    expect(await session.run(endless, 1)).toMatchObject({ kind: 'timeout', reset: true });
    expect(await count(session, 'reviews')).toBeGreaterThan(0);
  });

  it('describes a table: columns, types, keys, foreign keys, indexes, who refers to it',
    async () => {
      const session = await opened('sqlite');
      const books = await session.describe('BOOKS');
      expect(books?.name).toBe('books');
      expect(books?.primaryKey).toEqual(['id']);
      expect(books?.columns.find((c) => c.name === 'price')).toMatchObject({
        type: 'DECIMAL(10,2)', nullable: false });
      expect(books?.foreignKeys).toContainEqual({ columns: ['publisher_id'], table: 'publishers',
        references: ['id'], onDelete: 'SET NULL', onUpdate: 'NO ACTION' });
      expect(books?.indexes).toContainEqual({ name: 'idx_books_title', columns: ['title'],
        unique: false });
      expect(books?.indexes).toContainEqual({ name: '', columns: ['isbn'], unique: true });
      expect(books?.referencedBy).toContain('reviews.book_id');
    });

  it('returns the first rows of a long result and counts the rest', async () => {
    const session = await opened('sqlite');
    const outcome = await session.run('SELECT order_id FROM order_items', 5);
    expect(outcome).toMatchObject({ kind: 'rows', overLimit: false });
    if (outcome.kind !== 'rows') return;
    expect(outcome.rows).toHaveLength(5);
    expect(outcome.total).toBeGreaterThan(1000);
  });

  it('brings the bookstore back with reset', async () => {
    const session = await opened('sqlite');
    const books = await count(session, 'books');
    await session.run('DELETE FROM book_authors', 1);
    await session.run('DELETE FROM order_items', 1);
    await session.run('DELETE FROM reviews', 1);
    await session.run('DELETE FROM books', 1);
    expect(await count(session, 'books')).toBe(0);
    await session.reset();
    expect(await count(session, 'books')).toBe(books);
  });
});

describe.runIf(mysqlUrl)('a MySQL console session', () => {
  async function outside(sql: string): Promise<number> {
    // Another connection, as a check running meanwhile would see the dataset.
    const probe = await connect(parseMysqlUrl(mysqlUrl!));
    const [base] = datasetDatabases({ dir: fixturesDir() });
    await probe.connection.query(`USE \`${base.database}\``);
    const [rows] = await probe.connection.query(sql) as unknown as [number[][]];
    await probe.connection.end();
    return Number(rows[0][0]);
  }

  it('runs DDL, changes and transactions in a copy of its own, gone at the end', async () => {
    const reviews = await outside('SELECT COUNT(*) FROM reviews');
    const session = await opened('mysql');
    for (const sql of ['CREATE TABLE notes (id INT PRIMARY KEY)', 'INSERT INTO notes VALUES (1)',
      'ALTER TABLE books ADD COLUMN note INT', 'START TRANSACTION',
      'DELETE FROM reviews WHERE id > 10', 'COMMIT', 'TRUNCATE TABLE order_items']) {
      expect(await session.run(sql, 1)).not.toMatchObject({ kind: 'refused' });
    }
    expect((await session.describe('notes'))?.primaryKey).toEqual(['id']);
    expect(await count(session, 'reviews')).toBe(10);
    // A check running meanwhile sees the dataset as it was, and waits for no lock.
    expect(await outside('SELECT COUNT(*) FROM reviews')).toBe(reviews);
    expect(await outside('SELECT COUNT(*) FROM order_items')).toBeGreaterThan(0);
    expect(await outside("SELECT COUNT(*) FROM information_schema.columns WHERE " +
      "table_schema = DATABASE() AND table_name = 'books' AND column_name = 'note'")).toBe(0);

    const copy = await outside('SELECT COUNT(*) FROM information_schema.schemata WHERE ' +
      "schema_name LIKE 'dbcourse\\_scratch\\_%'");
    await session.close();
    sessions.splice(sessions.indexOf(session), 1);
    expect(await outside('SELECT COUNT(*) FROM information_schema.schemata WHERE ' +
      "schema_name LIKE 'dbcourse\\_scratch\\_%'")).toBe(copy - 1);
    const again = await opened('mysql');
    expect(await count(again, 'reviews')).toBe(reviews);
    expect(await again.describe('notes')).toBeUndefined();
  });

  it('starts again from a clean copy at reset', async () => {
    const session = await opened('mysql');
    const reviews = await count(session, 'reviews');
    await session.run('DELETE FROM reviews', 1);
    await session.run('CREATE TABLE notes (id INT)', 1);
    await session.reset();
    expect(await count(session, 'reviews')).toBe(reviews);
    expect(await session.describe('notes')).toBeUndefined();
  });

  it('stops a runaway statement on the server and goes on with the session', async () => {
    const session = await opened('mysql', 700);
    await session.run('DELETE FROM reviews WHERE id > 10', 1);
    const outcome = await session.run(
      'SELECT COUNT(*) FROM order_items a, order_items b, order_items c', 1);
    expect(outcome).toMatchObject({ kind: 'timeout', reset: false });
    expect(await count(session, 'reviews')).toBe(10);
  });

  it('describes a table from the catalog and hides the dataset mark', async () => {
    const session = await opened('mysql');
    const books = await session.describe('books');
    expect(books?.primaryKey).toEqual(['id']);
    expect(books?.foreignKeys).toContainEqual(expect.objectContaining({
      columns: ['publisher_id'], table: 'publishers', references: ['id'],
      onDelete: 'SET NULL' }));
    expect(books?.referencedBy).toContain('reviews.book_id');
    expect((await session.tables()).map((t) => t.name)).not.toContain('_dbcourse');
  });
});
