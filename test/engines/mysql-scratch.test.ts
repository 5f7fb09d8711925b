// Schema answers on a real MySQL/MariaDB: DDL reaches only its scratch copy, and the copy is
// gone afterwards whatever the DDL did (skipped without a server).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { judgeSchema } from '../../src/checker/schema.js';
import type { SchemaExercise } from '../../src/course/format.js';
import { connect } from '../../src/engines/mysql/driver.js';
import { MysqlEngine } from '../../src/engines/mysql/engine.js';
import * as scratch from '../../src/engines/mysql/scratch.js';
import { parseMysqlUrl } from '../../src/engines/mysql/url.js';
import { fixturesDir } from '../../src/util/paths.js';
import { mysqlUrl } from '../helpers.js';

// Every scratch database this file's engine makes, to look for each one afterwards.
vi.mock('../../src/engines/mysql/scratch.js', async (original) => {
  const module = await original<typeof import('../../src/engines/mysql/scratch.js')>();
  return { ...module, createScratch: vi.fn(module.createScratch) };
});

const adminUrl = process.env.DBCOURSE_TEST_MYSQL_ADMIN_URL;

const task: SchemaExercise = {
  id: 'coupons', kind: 'schema', title: 't', task: 't', hints: ['h'], explanation: 'e',
  solution: 'CREATE TABLE coupons (code VARCHAR(20) NOT NULL PRIMARY KEY, percent INTEGER ' +
    'NOT NULL CHECK (percent BETWEEN 1 AND 90))',
  tables: [{ name: 'coupons', aspects: ['columns', 'types', 'primary-key', 'checks'] }],
};

async function admin<T>(work: (query: (sql: string) => Promise<unknown[][]>) => Promise<T>) {
  const session = await connect(parseMysqlUrl(adminUrl!), { multipleStatements: true });
  try {
    return await work(async (sql) => {
      const [rows] = await session.connection.query(sql) as unknown as [unknown[][]];
      return rows;
    });
  } finally {
    await session.connection.end();
  }
}

describe.runIf(mysqlUrl && adminUrl)('schema answers on a real MySQL server', () => {
  let engine: MysqlEngine;
  const foreign = `shop_schema_${process.pid}`;
  const mine = () => scratch.scratchOwner(parseMysqlUrl(mysqlUrl!).user ?? '');

  beforeAll(async () => {
    engine = await MysqlEngine.open({ target: parseMysqlUrl(mysqlUrl!),
      fixtures: { dir: fixturesDir() }, timeoutMs: 3000 });
    await admin((q) => q(`CREATE DATABASE ${foreign}; CREATE TABLE ${foreign}.users ` +
      `(id INT PRIMARY KEY); INSERT INTO ${foreign}.users VALUES (1)`));
  });

  afterAll(async () => {
    await engine.close();
    await admin((q) => q(`DROP DATABASE IF EXISTS ${foreign}`));
  });

  async function made(): Promise<string[]> {
    const spy = vi.mocked(scratch.createScratch);
    const settled = await Promise.allSettled(spy.mock.results.map((r) => r.value));
    return settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value as string] : []));
  }

  async function existing(names: string[]): Promise<string[]> {
    if (names.length === 0) return [];
    const rows = await admin((q) => q('SELECT schema_name FROM information_schema.schemata ' +
      `WHERE schema_name IN (${names.map((n) => `'${n}'`).join(', ')})`));
    return rows.map((r) => String(r[0]));
  }

  it('drops its scratch databases, also when the learner\'s DDL fails half way', async () => {
    vi.mocked(scratch.createScratch).mockClear();
    const right = await judgeSchema(engine, task, task.solution);
    const broken = await judgeSchema(engine, task, 'CREATE TABLE coupons (code VARCHAR(20)); ' +
      'CREATE TABLE coupons (x INT)');
    expect(right.passed).toBe(true);
    expect(broken.feedback).toMatchObject({ kind: 'failure', failure: { kind: 'engine-error' } });

    const names = await made();
    expect(names).toHaveLength(4);
    expect(names.every((n) => /^dbcourse_scratch_\d{10}_[0-9a-f]{8}_[0-9a-f]{8}$/.test(n)))
      .toBe(true);
    // Drops finish in the background; close() waits for them.
    await engine.close();
    expect(await existing(names)).toEqual([]);
    engine = await MysqlEngine.open({ target: parseMysqlUrl(mysqlUrl!),
      fixtures: { dir: fixturesDir() }, timeoutMs: 3000 });
  });

  it('drops a scratch database a killed process left, and no other database', async () => {
    const old = scratch.scratchName(mine(), Date.now() - 3600_000);
    const fresh = scratch.scratchName(mine());
    // Made by an older dbcourse, whose names had no owner: stale is enough.
    const legacy = `dbcourse_scratch_${Math.floor(Date.now() / 1000) - 3600}_0badc0de`;
    // Another course user's: it may be in use by a connection this user cannot see.
    const others = scratch.scratchName(scratch.scratchOwner('someone_else'),
      Date.now() - 3600_000);
    const all = [old, fresh, legacy, others];
    await admin((q) => q(all.map((name) => `CREATE DATABASE ${name}`).join('; ')));
    try {
      await judgeSchema(engine, task, task.solution);
      await engine.close();
      expect((await existing([...all, foreign])).sort())
        .toEqual([fresh, others, foreign].sort());
    } finally {
      await admin((q) => q(all.map((name) => `DROP DATABASE IF EXISTS ${name}`).join('; ')));
      engine = await MysqlEngine.open({ target: parseMysqlUrl(mysqlUrl!),
        fixtures: { dir: fixturesDir() }, timeoutMs: 3000 });
    }
  });

  it('keeps an old scratch database that a connection still uses (a long console session)',
    async () => {
      const old = scratch.scratchName(mine(), Date.now() - 3600_000);
      await admin((q) => q(`CREATE DATABASE ${old}`));
      const user = await connect(parseMysqlUrl(mysqlUrl!));
      try {
        await user.connection.query(`USE ${old}`);
        await judgeSchema(engine, task, task.solution);
        await engine.close();
        expect(await existing([old])).toEqual([old]);
      } finally {
        await user.connection.end();
        await admin((q) => q(`DROP DATABASE IF EXISTS ${old}`));
        engine = await MysqlEngine.open({ target: parseMysqlUrl(mysqlUrl!),
          fixtures: { dir: fixturesDir() }, timeoutMs: 3000 });
      }
    });

  it('leaves a foreign database and the shared datasets untouched', async () => {
    const attempts = [
      `DROP TABLE ${foreign}.users`,
      `CREATE TABLE ${foreign}.t (i INT)`,
      `ALTER TABLE \`${foreign}\`.users ADD COLUMN c INT`,
      `RENAME TABLE ${foreign}.users TO stolen`,
      `CREATE TABLE coupons AS SELECT * FROM ${foreign}.users`,
      `DROP TABLE \`${engine.datasets[0].database}\`.books`,
      'DROP TABLE books; DROP TABLE order_items',
    ];
    for (const sql of attempts) {
      const verdict = await judgeSchema(engine, task, sql);
      expect(verdict.passed, sql).toBe(false);
    }

    const users = await admin((q) => q(`SELECT COUNT(*) FROM ${foreign}.users`));
    const tables = await admin((q) => q('SELECT table_name FROM information_schema.tables ' +
      `WHERE table_schema = '${foreign}'`));
    expect(Number(users[0][0])).toBe(1);
    expect(tables.map((t) => String(t[0]))).toEqual(['users']);
    expect((await engine.query('base', 'SELECT COUNT(*) FROM order_items')).ok).toBe(true);
  });
});
