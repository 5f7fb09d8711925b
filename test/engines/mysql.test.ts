// The MySQL engine's safety rules, against a real MySQL/MariaDB (skipped without one).
import { appendFileSync, cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError, UserError } from '../../src/cli/errors.js';
import { connect } from '../../src/engines/mysql/driver.js';
import { MysqlEngine } from '../../src/engines/mysql/engine.js';
import { parseMysqlUrl } from '../../src/engines/mysql/url.js';
import { SqliteEngine } from '../../src/engines/sqlite/engine.js';
import { fixturesDir } from '../../src/util/paths.js';
import { learnerEnv, mysqlUrl, runCli, sharedCache, tempDir } from '../helpers.js';

const adminUrl = process.env.DBCOURSE_TEST_MYSQL_ADMIN_URL;

describe('MySQL URLs', () => {
  it('refuses a URL that names a database: it may be the learner\'s real shop', () => {
    expect(() => parseMysqlUrl('mysql://shop@127.0.0.1:3306/bookshop'))
      .toThrow(/указывает на базу «bookshop»/);
    expect(() => parseMysqlUrl('postgres://x@y')).toThrow(UsageError);
  });

  it('says how to fix an unreachable server, with exit code 1', async () => {
    const env = learnerEnv({ DBCOURSE_MYSQL_URL: 'mysql://dbcourse@127.0.0.1:1' });
    const run = await runCli(['--engine', 'mysql', 'db', 'status'], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('не отвечает');
    expect(run.stdout).toContain('docker compose up -d');
  });

  it('exits 2 for db use with a URL that names a database', async () => {
    const run = await runCli(['db', 'use', 'mysql', '--url', 'mysql://root@127.0.0.1/shop'],
      learnerEnv());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('базу «shop»');
  });
});

describe.runIf(mysqlUrl && adminUrl)('the MySQL engine on a real server', () => {
  let engine: MysqlEngine;
  const foreign = `shop_${process.pid}`;

  beforeAll(async () => {
    engine = await MysqlEngine.open({ target: parseMysqlUrl(mysqlUrl!),
      fixtures: { dir: fixturesDir() }, timeoutMs: 700 });
    const admin = await connect(parseMysqlUrl(adminUrl!), { multipleStatements: true });
    await admin.connection.query(`CREATE DATABASE ${foreign}; CREATE TABLE ${foreign}.users ` +
      `(id INT PRIMARY KEY); INSERT INTO ${foreign}.users VALUES (1)`);
    await admin.connection.end();
  });

  afterAll(async () => {
    await engine.close();
    const admin = await connect(parseMysqlUrl(adminUrl!));
    await admin.connection.query(`DROP DATABASE IF EXISTS ${foreign}`);
    await admin.connection.end();
  });

  it('refuses to run learner SQL as a user who sees other databases', async () => {
    const open = MysqlEngine.open({ target: parseMysqlUrl(adminUrl!),
      fixtures: { dir: fixturesDir() }, timeoutMs: 700 });
    await expect(open).rejects.toThrow(UserError);
    await expect(open).rejects.toThrow(/dbcourse db setup/);
  });

  it('refuses a user who holds a role, whose rights SET ROLE could take on', async () => {
    const role = `dbcourse_role_${process.pid}`;
    const user = `dbcourse_roled_${process.pid}`;
    const admin = await connect(parseMysqlUrl(adminUrl!), { multipleStatements: true });
    try {
      await admin.connection.query(`CREATE ROLE ${role}; GRANT SELECT ON ${foreign}.* TO ` +
        `${role}; CREATE USER '${user}'@'%' IDENTIFIED BY 'pw'; GRANT ALL ON ` +
        `\`dbcourse\\_%\`.* TO '${user}'@'%'; GRANT ${role} TO '${user}'@'%'`);
      const open = MysqlEngine.open({ target: { ...parseMysqlUrl(adminUrl!), user,
        password: 'pw' }, fixtures: { dir: fixturesDir() }, timeoutMs: 700 });
      await expect(open).rejects.toThrow(/dbcourse db setup/);
    } finally {
      await admin.connection.query(`DROP USER IF EXISTS '${user}'@'%'; DROP ROLE IF EXISTS ` +
        role).catch(() => undefined);
      await admin.connection.end();
    }
  });

  it('never touches a foreign database', async () => {
    const read = await engine.query('base', `SELECT id FROM ${foreign}.users`);
    expect(read).toMatchObject({ ok: false, failure: { kind: 'engine-error' } });
    const remove = await engine.query('base', `DELETE FROM ${foreign}.users`);
    expect(remove.ok).toBe(false);

    const admin = await connect(parseMysqlUrl(adminUrl!));
    const [rows] = await admin.connection.query(`SELECT COUNT(*) FROM ${foreign}.users`) as
      unknown as [number[][]];
    await admin.connection.end();
    expect(Number(rows[0][0])).toBe(1);
  });

  it('stops a runaway query on the server, not only in the client', async () => {
    const started = Date.now();
    const outcome = await engine.query('base',
      'SELECT COUNT(*) FROM order_items a, order_items b, order_items c');
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'timeout' } });
    expect(Date.now() - started).toBeLessThan(5000);

    const admin = await connect(parseMysqlUrl(adminUrl!));
    const [rows] = await admin.connection.query("SELECT COUNT(*) FROM information_schema.processlist " +
      "WHERE command = 'Query' AND info LIKE '%order_items a, order_items b%' " +
      "AND info NOT LIKE '%processlist%'") as unknown as [number[][]];
    await admin.connection.end();
    expect(Number(rows[0][0])).toBe(0);

    // The session survives: the next query runs.
    expect((await engine.query('base', 'SELECT COUNT(*) FROM books')).ok).toBe(true);
  });

  it('refuses DDL and DML before they run, so every check starts clean', async () => {
    for (const sql of ['DROP TABLE books', 'CREATE TABLE t (i INT)', 'UPDATE books SET price = 0',
      'INSERT INTO genres (name) VALUES (\'x\')', 'OPTIMIZE TABLE books',
      'ANALYZE TABLE books PERSISTENT FOR ALL',
      'SET STATEMENT max_statement_time = 0 FOR SELECT COUNT(*) FROM books']) {
      expect(await engine.query('base', sql)).toMatchObject({ ok: false,
        failure: { kind: 'not-a-query' } });
    }
    const books = await engine.query('base', 'SELECT COUNT(*), MIN(price) FROM books');
    expect(books.ok && books.result.rows[0][1]).toBeGreaterThan(0);
  });

  it('returns the same typed values as SQLite: DECIMAL as numbers, dates unshifted', async () => {
    const sql = 'SELECT id, price, created_at, COUNT(*) OVER () FROM books WHERE id IN (1, 2) ' +
      'ORDER BY id';
    const sqlite = new SqliteEngine({ fixtures: { dir: fixturesDir() }, cacheRoot: sharedCache(),
      timeoutMs: 5000 });
    const fromSqlite = await sqlite.query('base', sql);
    await sqlite.close();
    const fromMysql = await engine.query('base', sql);

    expect(fromMysql.ok && fromMysql.result.rows).toEqual(fromSqlite.ok && fromSqlite.result.rows);
    expect(fromMysql.ok && typeof fromMysql.result.rows[0][1]).toBe('number');
  });
});

describe.runIf(mysqlUrl && adminUrl)('datasets changed behind the course\'s back', () => {
  // A private copy of the fixtures (one dataset, its own stamp): the shared datasets that the
  // other test files read stay untouched.
  const dir = tempDir();
  let engine: MysqlEngine;
  let database = '';

  beforeAll(async () => {
    cpSync(join(fixturesDir()), dir, { recursive: true });
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ datasets: [
      { name: 'base', property: 'основная база магазина' }] }));
    appendFileSync(join(dir, 'mysql', 'base.sql'), `\n-- private copy ${process.pid}\n`);
    engine = await MysqlEngine.open({ target: parseMysqlUrl(mysqlUrl!), fixtures: { dir },
      timeoutMs: 3000 });
    database = engine.datasets[0].database;
  });

  afterAll(async () => {
    await engine?.close();
    const admin = await connect(parseMysqlUrl(adminUrl!));
    await admin.connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await admin.connection.end();
  });

  it('finds a dataset whose rows changed, and db setup builds it again', async () => {
    expect(await engine.damagedDatasets()).toEqual([]);
    const admin = await connect(parseMysqlUrl(adminUrl!));
    const count = async () => Number((await admin.connection.query(
      `SELECT COUNT(*) FROM \`${database}\`.reviews`) as unknown as [number[][]])[0][0][0]);
    const before = await count();
    await admin.connection.query(`DELETE FROM \`${database}\`.reviews WHERE id = 1`);

    expect(await engine.damagedDatasets()).toEqual(['base']);
    expect(await engine.repairDatasets()).toEqual(['base']);
    expect(await count()).toBe(before);
    expect(await engine.damagedDatasets()).toEqual([]);
    await admin.connection.end();
  });
});

describe.runIf(mysqlUrl)('db status on a reachable server', () => {
  it('names the server and its version, the datasets and the client command', async () => {
    const run = await runCli(['--engine', 'mysql', 'db', 'status'],
      learnerEnv({ DBCOURSE_MYSQL_URL: mysqlUrl! }));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/доступен, (MariaDB|MySQL) \d+\.\d+/);
    expect(run.stdout).toContain('dbcourse_ds_');
    expect(run.stdout).toMatch(/mysql -h 127\.0\.0\.1 -P 3306 -u dbcourse_test -p/);
  });
});
