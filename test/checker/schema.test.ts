// Schema exercises: judged by the catalog and by behaviour probes, on every engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeSchema } from '../../src/checker/schema.js';
import { forbiddenSchemaStatement, forbiddenStatement } from '../../src/checker/statements.js';
import { checkColumns, normaliseDefault, normaliseType } from '../../src/engines/catalog.js';
import { checkConditions } from '../../src/engines/sqlite/catalog.js';
import type { SchemaAspect, SchemaExercise } from '../../src/course/format.js';
import type { Engine } from '../../src/engines/engine.js';
import { engineCases } from '../helpers.js';

const ALL: SchemaAspect[] = ['columns', 'types', 'nullability', 'defaults', 'primary-key',
  'foreign-keys', 'unique', 'checks', 'indexes'];

function exercise(solution: string, extra: Partial<SchemaExercise> = {}): SchemaExercise {
  return { id: 'schema', kind: 'schema', title: 't', task: 't', hints: ['h'], explanation: 'e',
    solution, tables: [{ name: 'wishlist', aspects: ALL }], ...extra };
}

// Portable DDL: it runs unchanged on SQLite, MySQL and MariaDB.
const wishlist = exercise(`
  CREATE TABLE wishlist (
    customer_id INTEGER NOT NULL,
    book_id INTEGER NOT NULL,
    price_seen DECIMAL(10,2) NOT NULL,
    added_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    note VARCHAR(200) NULL,
    PRIMARY KEY (customer_id, book_id),
    CONSTRAINT fk_wishlist_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
      ON DELETE CASCADE,
    CONSTRAINT fk_wishlist_book FOREIGN KEY (book_id) REFERENCES books (id) ON DELETE RESTRICT,
    CONSTRAINT chk_wishlist_price CHECK (price_seen >= 0)
  );
  CREATE INDEX idx_wishlist_book ON wishlist (book_id, added_at);`, {
  probes: [
    { title: 'вставка отрицательной цены', expect: 'error',
      sql: 'INSERT INTO wishlist (customer_id, book_id, price_seen) VALUES (1, 1, -5)' },
    { title: 'вставка нулевой цены', expect: 'success',
      sql: 'INSERT INTO wishlist (customer_id, book_id, price_seen) VALUES (1, 1, 0)' },
  ],
});

/** The same schema written otherwise: comments, IF NOT EXISTS, no names, inline, reordered. */
const wishlistOtherwise = `
  -- Список желаний
  CREATE TABLE IF NOT EXISTS wishlist (
    note varchar(200),            /* a column list in another order */
    added_at datetime default current_timestamp not null,
    book_id int not null,
    price_seen numeric(10, 2) not null check (0 <= price_seen),
    customer_id int not null,
    foreign key (book_id) references books (id) on delete restrict,
    foreign key (customer_id) references customers (id) on delete cascade,
    primary key (book_id, customer_id)
  );
  create index by_book on wishlist (book_id, added_at);
`;

const replace = (from: string, to: string) => wishlist.solution.replace(from, to);

describe.each(engineCases)('schema exercises on $name', (engineCase) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineCase.open();
  });
  afterAll(() => engine.close());

  const judge = (answer: string, task = wishlist) => judgeSchema(engine, task, answer);

  it('passes the reference and the same schema written otherwise', async () => {
    expect((await judge(wishlist.solution)).feedback).toEqual({ kind: 'passed' });
    expect((await judge(wishlistOtherwise)).feedback).toEqual({ kind: 'passed' });
  });

  it('names a column whose type is wrong: FLOAT for money', async () => {
    const verdict = await judge(replace('price_seen DECIMAL(10,2)', 'price_seen FLOAT'));
    expect(verdict.feedback).toMatchObject({ kind: 'schema-differs', difference: {
      kind: 'column-type', table: 'wishlist', column: 'price_seen', expected: 'DECIMAL(10,2)',
      actual: 'FLOAT' } });
  });

  it('names a missing foreign key, and a wrong ON DELETE action', async () => {
    const noKey = await judge(wishlist.solution.replace(/CONSTRAINT fk_wishlist_book[^,]*,/, ''));
    expect(noKey.feedback).toMatchObject({ kind: 'schema-differs', difference: {
      kind: 'missing-foreign-key', key: { table: 'wishlist', columns: ['book_id'],
        parent: 'books', references: ['id'] } } });

    const restrict = await judge(wishlist.solution.replace(/\s+ON DELETE CASCADE/, ''));
    expect(restrict.feedback).toMatchObject({ kind: 'schema-differs', difference: {
      kind: 'foreign-key-action', event: 'DELETE', expected: 'CASCADE' } });
  });

  it('names nullability, defaults, primary key and index column order', async () => {
    expect((await judge(replace('note VARCHAR(200) NULL', 'note VARCHAR(200) NOT NULL')))
      .feedback).toMatchObject({ difference: { kind: 'nullability', column: 'note',
      nullable: true } });
    expect((await judge(replace(' DEFAULT CURRENT_TIMESTAMP', ''))).feedback).toMatchObject(
      { difference: { kind: 'default', column: 'added_at', expected: 'CURRENT_TIMESTAMP',
        actual: null } });
    expect((await judge(replace('PRIMARY KEY (customer_id, book_id)',
      'PRIMARY KEY (customer_id)'))).feedback).toMatchObject({ difference: {
      kind: 'primary-key', expected: ['customer_id', 'book_id'], actual: ['customer_id'] } });
    expect((await judge(replace('(book_id, added_at)', '(added_at, book_id)'))).feedback)
      .toMatchObject({ difference: { kind: 'missing-index', columns: ['book_id', 'added_at'] },
        more: 1 });
  });

  it('judges what a CHECK allows by the probes, not by its text', async () => {
    const tooStrict = await judge(replace('price_seen >= 0', 'price_seen > 0'));
    expect(tooStrict.feedback).toMatchObject({ kind: 'probe-outcome',
      title: 'вставка нулевой цены', expected: 'success' });

    const onlyCatalog = { ...wishlist, tables: [{ name: 'wishlist',
      aspects: ['columns', 'types'] as SchemaAspect[] }] };
    const noCheck = await judge(replace(`,
    CONSTRAINT chk_wishlist_price CHECK (price_seen >= 0)`, ''), onlyCatalog);
    expect(noCheck.feedback).toMatchObject({ kind: 'probe-outcome',
      title: 'вставка отрицательной цены', expected: 'error' });
    expect(noCheck.feedback).not.toHaveProperty('error');
  });

  it('compares the state a probe leaves: ON DELETE CASCADE deletes the wishes', async () => {
    const cascade = { ...wishlist, tables: [{ name: 'wishlist',
      aspects: ['columns'] as SchemaAspect[] }], probes: [{
      title: 'удаление клиента удаляет его список желаний', expect: 'success' as const,
      sql: `INSERT INTO wishlist (customer_id, book_id, price_seen) VALUES (7, 1, 100);
        DELETE FROM reviews WHERE customer_id = 7;
        DELETE FROM order_items WHERE order_id IN (SELECT id FROM orders WHERE customer_id = 7);
        DELETE FROM orders WHERE customer_id = 7;
        DELETE FROM customers WHERE id = 7`,
      query: 'SELECT COUNT(*) FROM wishlist' }] };
    expect((await judge(wishlist.solution, cascade)).passed).toBe(true);

    const setNull = replace('customer_id INTEGER NOT NULL', 'customer_id INTEGER NULL')
      .replace('PRIMARY KEY (customer_id, book_id),', '')
      .replace('ON DELETE CASCADE', 'ON DELETE SET NULL');
    expect((await judge(setNull, cascade)).feedback).toMatchObject({ kind: 'probe-state',
      difference: { kind: 'rows' }, query: 'SELECT COUNT(*) FROM wishlist' });
  });

  it('compares views by their rows and column names', async () => {
    const view = exercise(`CREATE VIEW books_in_stock AS
      SELECT id, title, stock FROM books WHERE stock > 0`,
    { tables: [], views: ['books_in_stock'] });
    expect((await judge(`create view books_in_stock as select id, title, stock from books
      where not stock = 0`, view)).passed).toBe(true);
    expect((await judge(`CREATE VIEW books_in_stock AS SELECT id, title, stock FROM books
      WHERE stock >= 0`, view)).feedback).toMatchObject({ kind: 'view-differs',
      view: 'books_in_stock', difference: { kind: 'row-count' } });
    expect((await judge('CREATE VIEW other AS SELECT 1 AS x', view)).feedback)
      .toMatchObject({ kind: 'view-differs', failure: { kind: 'engine-error' } });
  });

  it('judges ALTER TABLE and CREATE INDEX on an existing table', async () => {
    const bonus = exercise('ALTER TABLE customers ADD COLUMN bonus_points INTEGER NOT NULL ' +
      'DEFAULT 0', { tables: [{ name: 'customers', aspects: ALL }] });
    expect((await judge('alter table customers add bonus_points int not null default 0;',
      bonus)).passed).toBe(true);
    expect((await judge('ALTER TABLE customers ADD COLUMN bonus_points INTEGER DEFAULT 0',
      bonus)).feedback).toMatchObject({ difference: { kind: 'nullability',
      column: 'bonus_points', nullable: false } });
    expect((await judge('SELECT 1', bonus)).feedback).toMatchObject({ difference: {
      kind: 'missing-column', table: 'customers', column: 'bonus_points' } });
  });

  it('fails an empty answer, a no-op and DDL that errors, with the engine\'s message',
    async () => {
      expect((await judge('-- потом\n')).feedback.kind).toBe('empty-answer');
      expect((await judge('SELECT 1')).feedback).toMatchObject({ kind: 'schema-differs',
        difference: { kind: 'missing-table', table: 'wishlist' } });
      expect((await judge('CREATE TABLE wishlist (customer_id INTEGER REFERENCES nowhere (id)' +
        '); CREATE TABLE wishlist (x INTEGER)')).feedback).toMatchObject({ kind: 'failure',
        failure: { kind: 'engine-error' } });
    });

  it('never changes the dataset, whatever the DDL drops or alters', async () => {
    const before = await engine.query('base', 'SELECT COUNT(*) FROM reviews');
    await judge('DROP TABLE reviews; ALTER TABLE books ADD COLUMN junk INTEGER; ' +
      'DELETE FROM books WHERE id > 0');
    expect(await engine.query('base', 'SELECT COUNT(*) FROM reviews')).toEqual(before);
    expect((await engine.query('base', 'SELECT junk FROM books')).ok).toBe(false);
  });
});

describe('statements a schema answer may hold', () => {
  it('allows DDL on tables, indexes and views, and DML to fix data first', () => {
    for (const sql of [
      'CREATE TABLE t (id INT); CREATE UNIQUE INDEX u ON t (id); CREATE OR REPLACE VIEW v AS ' +
        'SELECT id FROM t',
      "UPDATE customers SET phone = '' WHERE phone IS NULL; ALTER TABLE customers MODIFY " +
        'phone VARCHAR(20) NOT NULL, ALGORITHM=INPLACE, LOCK=NONE',
      "-- O'Reilly\nDROP INDEX idx_books_title ON books; RENAME TABLE t TO t2;",
      "CREATE TABLE t (note VARCHAR(20) DEFAULT 'database; mysql.user')",
      'CREATE FULLTEXT INDEX ft_reviews_body ON reviews (body); ' +
        'ALTER TABLE books ADD FULLTEXT INDEX ft_books_title (title) WITH PARSER ngram',
    ]) expect(forbiddenSchemaStatement(sql), sql).toBeUndefined();
  });

  it('refuses other databases, transactions, PRAGMA, ATTACH, GRANT and dynamic SQL', () => {
    const refused: [string, string][] = [
      ['DROP TABLE `dbcourse_ds_0123456789ab_base`.books', 'DROP TABLE'],
      ['CREATE TABLE "dbcourse_ds_x_base".t (i INT)', 'CREATE TABLE'],
      ['CREATE DATABASE shop', 'CREATE DATABASE shop'],
      ['DROP SCHEMA shop', 'DROP SCHEMA shop'],
      ['USE shop', 'USE shop'],
      ['CREATE TABLE t (i INT); COMMIT', 'COMMIT'],
      ['BEGIN; CREATE TABLE t (i INT)', 'BEGIN'],
      ['START TRANSACTION', 'START TRANSACTION'],
      ['PRAGMA foreign_keys = OFF', 'PRAGMA'],
      ['SET foreign_key_checks = 0', 'SET'],
      ["ATTACH DATABASE '/tmp/x.db' AS x", 'ATTACH'],
      ["GRANT ALL ON *.* TO 'x'@'%'", 'GRANT'],
      ["PREPARE s FROM 'DROP TABLE books'", 'PREPARE'],
      ['CREATE TEMPORARY TABLE books (i INT)', 'CREATE TEMPORARY'],
      ['CREATE TABLE t (i INT) ENGINE=FEDERATED CONNECTION=\'mysql://u@h/db/t\'', 'CREATE'],
      ['CREATE TABLE t (i INT) DATA DIRECTORY = \'/tmp\'', 'CREATE'],
      ['CREATE TRIGGER tr BEFORE INSERT ON books FOR EACH ROW SET NEW.price = 0', 'CREATE'],
      ['CREATE TABLE t (i INT) /*! ; DROP DATABASE shop */', '/*!'],
      ['CREATE TABLE t (i INT) /*M!100000 , j INT */', '/*!'],
    ];
    for (const [sql, start] of refused) expect(forbiddenSchemaStatement(sql), sql).toMatch(
      new RegExp(`^${start.replace(/[*!/]/g, '\\$&')}`));
  });

  it('sees an executable comment in a change answer too, but not one inside a string', () => {
    expect(forbiddenStatement('DELETE FROM orders WHERE id = 1; /*!COMMIT*/')).toBe('/*! ... */');
    expect(forbiddenStatement("/* it's */ DELETE FROM orders /*! ; COMMIT */ -- '")).toBe('/*! ... */');
    expect(forbiddenStatement("UPDATE books SET title = '/*!50000 x */' WHERE id = 1"))
      .toBeUndefined();
  });
});

describe('the engine-neutral catalog', () => {
  it('reads synonyms as one type and keeps what the course judges', () => {
    const key = (t: string) => normaliseType(t).key;
    expect(key('numeric(10, 2)')).toBe(key('DECIMAL(10,2)'));
    expect(key('decimal')).toBe('DECIMAL(10,0)');
    expect(key('DECIMAL(8,2)')).not.toBe(key('DECIMAL(10,2)'));
    expect([key('int(11)'), key('INTEGER'), key('smallint unsigned'), key('BOOLEAN'),
      key('tinyint(1)')]).toEqual(Array(5).fill('INTEGER'));
    expect([key('FLOAT'), key('double'), key('REAL')]).toEqual(Array(3).fill('FLOAT'));
    expect(key('varchar(200)')).toBe('VARCHAR(200)');
    expect(key('VARCHAR(200)')).not.toBe(key('CHAR(200)'));
    expect(key('DATETIME')).not.toBe(key('TIMESTAMP'));
    expect(normaliseType('float').shown).toBe('FLOAT');
  });

  it('reads defaults by value, however the engine spells them', () => {
    expect(normaliseDefault("'ru'")).toBe("'ru'");
    expect(normaliseDefault('0.00')).toBe(normaliseDefault("'0'"));
    expect(normaliseDefault('NULL')).toBeNull();
    expect(['CURRENT_TIMESTAMP', 'current_timestamp()', '(now())', 'CURRENT_TIMESTAMP(0)']
      .map(normaliseDefault)).toEqual(Array(4).fill('CURRENT_TIMESTAMP'));
    expect(normaliseDefault("'it''s'")).toBe("'it's'");
  });

  it('finds CHECK conditions in CREATE TABLE text, and the columns they are on', () => {
    const sql = `CREATE TABLE t (a INT CHECK (a > 0), "b c" TEXT, note TEXT DEFAULT 'check (x)',
      CONSTRAINT two CHECK (a < "b c" OR note <> 'a'))`;
    const found = checkConditions(sql);
    expect(found).toEqual(['a > 0', `a < "b c" OR note <> 'a'`]);
    expect(checkColumns(found[1], ['a', 'b c', 'note', 'x'])).toEqual(['a', 'b c', 'note']);
  });
});
