// Plans read from real EXPLAIN output (SQLite and MariaDB, captured by
// scripts/capture-plans.ts) and from MySQL 8 samples written after the manual.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMysqlPlan, tablesByAlias, type RawMysqlPlan } from '../../src/engines/mysql/plan.js';
import type { QueryPlan } from '../../src/engines/plan.js';
import { readSqlitePlan, type RawSqlitePlan } from '../../src/engines/sqlite/plan.js';
import { root } from '../helpers.js';

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'plans', name), 'utf8'));

/** One line per plan: table@alias access(index columns) covering; sorts. */
function summary(plan: QueryPlan): string {
  return [...plan.reads.map((r) => `${r.table}${r.shownAs === r.table ? '' : `@${r.shownAs}`} ` +
    `${r.access}${r.index ? `(${r.index.columns.join(',')}${r.index.automatic ? ' auto' : ''})`
      : ''}${r.covering ? ' covering' : ''}`),
  ...plan.sorts.map((s) => `sort ${s.purpose}`)].join('; ');
}

describe('SQLite plans (EXPLAIN QUERY PLAN, bytecode, catalog)', () => {
  const expected: Record<string, string> = {
    'history-no-index': 'orders index-scan(created_at)',
    'history-index': 'orders index-lookup(customer_id,created_at) covering',
    'alias-join': 'orders@o full-scan; customers@c index-lookup(id); sort order-by',
    'group-by': 'orders full-scan; sort group-by',
    'function': 'orders index-scan(created_at) covering',
    'in-subquery': 'books@b index-lookup(id); reviews@r full-scan',
    'correlated': 'books@b index-lookup(id); reviews@r index-lookup(book_id,customer_id) covering',
    'derived': 'orders full-scan; sort group-by',
    'cte-alias': 'orders full-scan; customers@c index-lookup(id); sort group-by; sort order-by',
    'left-join': 'customers@c full-scan; orders@o index-lookup(customer_id auto)',
    'or': 'customers@c index-lookup(id); customers@c index-lookup(email) covering',
    'self-join': 'orders@b index-lookup(id); orders@a full-scan',
    'distinct': 'orders full-scan',
    'covering-range': 'orders index-lookup(created_at) covering',
    'exists': 'customers@c full-scan; orders@o index-lookup(customer_id,status auto)',
    'seek-two-columns': 'orders index-lookup(status,shipped_at) covering',
    'seek-function': 'orders index-lookup(status,shipped_at) covering',
    'row-value': 'books index-lookup(price,genre_id) covering',
    'seek-rowid': 'orders index-lookup(customer_id) covering',
  };

  for (const { name, raw } of fixture('sqlite.json')) {
    it(`reads ${name}`, () => {
      expect(summary(readSqlitePlan(raw))).toBe(expected[name]);
    });
  }

  it('knows the rowid key, lookups and what a plan row calls a table', () => {
    const { raw } = fixture('sqlite.json').find((c: { name: string }) => c.name === 'alias-join');
    const [orders, customers] = readSqlitePlan(raw).reads;
    expect(orders).toMatchObject({ table: 'orders', shownAs: 'o', access: 'full-scan' });
    expect(customers).toMatchObject({ lookup: 'eq_ref',
      index: { name: 'INTEGER PRIMARY KEY', columns: ['id'], primary: true } });
  });
});

describe('MariaDB plans (EXPLAIN FORMAT=JSON and EXPLAIN EXTENDED)', () => {
  const expected: Record<string, string> = {
    'history-no-index': 'orders index-lookup(customer_id); sort unknown',
    'history-index': 'orders index-lookup(customer_id,created_at) covering',
    'alias-join': 'customers@c full-scan; orders@o index-lookup(customer_id); sort unknown',
    'group-by': 'orders full-scan; sort unknown',
    'function': 'orders index-scan(created_at) covering',
    'in-subquery': 'books@b index-scan(title) covering; reviews@r full-scan',
    'correlated': 'books@b index-lookup(id); reviews@r index-lookup(book_id,customer_id) covering',
    'derived': 'orders index-scan(customer_id) covering',
    'cte-alias': 'orders index-scan(customer_id) covering; customers@c index-lookup(id); ' +
      'orders index-scan(customer_id) covering; sort unknown; sort unknown; sort unknown',
    'left-join': 'customers@c full-scan; orders@o index-lookup(customer_id)',
    'or': 'customers@c index-lookup(id); customers@c index-lookup(email)',
    'self-join': 'orders@b index-lookup(id); orders@a index-lookup(customer_id) covering',
    'distinct': 'orders full-scan',
    'covering-range': 'orders index-lookup(created_at) covering',
    'exists': 'customers@c full-scan; orders@o full-scan',
    'seek-two-columns': 'orders index-lookup(status,shipped_at) covering',
    'seek-function': 'orders index-lookup(status,shipped_at) covering',
    'row-value': 'books index-scan(price,genre_id) covering',
    'seek-rowid': 'orders index-lookup(customer_id) covering',
  };
  const { version, cases } = fixture('mariadb.json');

  it('was captured from MariaDB', () => {
    expect(version).toMatch(/MariaDB/);
  });

  for (const { name, raw } of cases) {
    it(`reads ${name}`, () => {
      expect(summary(readMysqlPlan(raw))).toBe(expected[name]);
    });
  }
});

describe('MySQL 8 plans (samples after the manual)', () => {
  const { statistics, cases } = fixture('mysql8.json');
  const expected: Record<string, string> = {
    'history-no-index': 'orders index-lookup(customer_id); sort order-by',
    'history-index': 'orders index-lookup(customer_id,created_at) covering',
    'alias-join': 'customers@c full-scan; orders@o index-lookup(customer_id); sort order-by',
    'group-by': 'orders full-scan',
    'function': 'orders index-scan(created_at) covering',
    'derived': 'orders index-scan(customer_id) covering',
    'correlated': 'books@b index-lookup(id); reviews@r index-lookup(book_id,customer_id) covering',
    'window': 'books full-scan; sort window',
    'index-merge': 'customers@c index-lookup(id); customers@c index-lookup(email)',
    'distinct-sorted': 'orders full-scan; sort distinct',
    'seek-two-columns': 'orders index-lookup(status,shipped_at) covering',
    'seek-function': 'orders index-lookup(status,shipped_at) covering',
    'skip-scan': 'orders index-lookup(status,shipped_at)',
  };

  for (const { name, json, note } of cases) {
    it(`reads ${name}`, () => {
      const raw: RawMysqlPlan = { json: JSON.stringify(json), note, statistics };
      expect(summary(readMysqlPlan(raw))).toBe(expected[name]);
    });
  }

  it('takes the table name as shown when the expanded statement is missing', () => {
    const [{ json }] = cases;
    expect(summary(readMysqlPlan({ json: JSON.stringify(json), statistics })))
      .toBe('orders index-lookup(customer_id); sort order-by');
  });
});

describe('the columns a search narrows by', () => {
  const seeks = (plan: QueryPlan) => plan.reads.map((r) => r.seek?.join(',') ?? '-').join('; ');
  const sqlite = Object.fromEntries(fixture('sqlite.json').map(
    (c: { name: string; raw: RawSqlitePlan }) => [c.name, readSqlitePlan(c.raw)]));
  const mariadb = Object.fromEntries(fixture('mariadb.json').cases.map(
    (c: { name: string; raw: RawMysqlPlan }) => [c.name, readMysqlPlan(c.raw)]));
  const { statistics, cases } = fixture('mysql8.json');
  const mysql8 = Object.fromEntries(cases.map((c: { name: string; json: unknown;
    note: string }) => [c.name, readMysqlPlan({ json: JSON.stringify(c.json), note: c.note,
    statistics })]));

  it('reads SQLite\'s constraint list: equalities, ranges, row values, the rowid', () => {
    expect(seeks(sqlite['seek-two-columns'])).toBe('status,shipped_at');
    expect(seeks(sqlite['seek-function'])).toBe('status');
    expect(seeks(sqlite['row-value'])).toBe('price,genre_id');
    expect(seeks(sqlite['seek-rowid'])).toBe('customer_id,id');
    expect(seeks(sqlite['covering-range'])).toBe('created_at');
    // A scan narrows by nothing, a rowid lookup by the INTEGER PRIMARY KEY column.
    expect(seeks(sqlite['function'])).toBe('-');
    expect(seeks(sqlite['alias-join'])).toBe('-; id');
  });

  it('reads used_key_parts of MariaDB, also inside an index merge', () => {
    expect(seeks(mariadb['seek-two-columns'])).toBe('status,shipped_at');
    expect(seeks(mariadb['seek-function'])).toBe('status');
    expect(seeks(mariadb['seek-rowid'])).toBe('customer_id,id');
    expect(seeks(mariadb['or'])).toBe('id; email');
    // A whole-index scan lists every part as used, yet seeks nothing.
    expect(seeks(mariadb['row-value'])).toBe('-');
  });

  it('reads used_key_parts of MySQL 8; a skip scan narrows by its range part only', () => {
    expect(seeks(mysql8['seek-two-columns'])).toBe('status,shipped_at');
    expect(seeks(mysql8['seek-function'])).toBe('status');
    expect(seeks(mysql8['skip-scan'])).toBe('shipped_at');
    expect(seeks(mysql8['function'])).toBe('-');
    // MySQL names merged keys without their parts: unknown, not "none".
    expect(seeks(mysql8['index-merge'])).toBe('-; -');
  });
});

describe('aliases from the expanded statement', () => {
  it('maps aliases, skips column qualifiers and string literals', () => {
    const note = "select `db`.`o`.`id` AS `id` from `db`.`orders` `o` join `db`.`customers` " +
      "where `db`.`o`.`status` = 'a `db`.`books` `x` b' and `db`.`customers`.`id` = 1";
    expect([...tablesByAlias(note)]).toEqual([['o', 'orders'], ['customers', 'customers']]);
  });
});
