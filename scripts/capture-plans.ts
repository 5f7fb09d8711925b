// Captures real plan outputs as parser test inputs: test/fixtures/plans/{sqlite,mariadb}.json.
//   npx tsx scripts/capture-plans.ts [mysql://root@127.0.0.1:3306]
// SQLite always (the bundled library); MariaDB/MySQL when an administrator's URL is given
// (it reads the dataset database and makes one scratch copy per case with CREATE INDEX).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { datasetDatabases } from '../src/engines/mysql/datasets.js';
import { connect } from '../src/engines/mysql/driver.js';
import { analyzeTables, explainSelect } from '../src/engines/mysql/explain.js';
import { createScratch, dropScratch } from '../src/engines/mysql/scratch.js';
import { parseMysqlUrl } from '../src/engines/mysql/url.js';
import { buildDatasets } from '../src/engines/sqlite/datasets.js';
import { fixturesDir } from '../src/util/paths.js';

interface Case {
  name: string;
  indexes?: string[];
  select: string;
  /** The engine's own spelling where the dialects differ. */
  sqlite?: string;
}

export const cases: Case[] = [
  { name: 'history-no-index',
    select: 'SELECT id, created_at FROM orders WHERE customer_id = 128 ORDER BY created_at' },
  { name: 'history-index',
    indexes: ['CREATE INDEX idx_orders_customer_created ON orders (customer_id, created_at)'],
    select: 'SELECT id, created_at FROM orders WHERE customer_id = 128 ORDER BY created_at' },
  { name: 'alias-join', select: 'SELECT o.id FROM orders o JOIN customers c ON c.id = ' +
    "o.customer_id WHERE c.city = 'Казань' ORDER BY o.status" },
  { name: 'group-by', select: 'SELECT status, COUNT(*) FROM orders GROUP BY status' },
  { name: 'function', select: 'SELECT id FROM orders WHERE YEAR(created_at) = 2024',
    sqlite: "SELECT id FROM orders WHERE strftime('%Y', created_at) = '2024'" },
  { name: 'in-subquery', select: 'SELECT b.title FROM books b WHERE b.id IN ' +
    '(SELECT r.book_id FROM reviews r WHERE r.rating = 5)' },
  { name: 'correlated', select: 'SELECT b.title, (SELECT COUNT(*) FROM reviews r ' +
    'WHERE r.book_id = b.id) FROM books b WHERE b.id = 5' },
  { name: 'derived', select: 'SELECT d.n FROM (SELECT customer_id, COUNT(*) AS n FROM ' +
    'orders GROUP BY customer_id) d WHERE d.n > 3' },
  { name: 'cte-alias', select: 'WITH big AS (SELECT customer_id, COUNT(*) AS n FROM orders ' +
    'GROUP BY customer_id) SELECT c.full_name, big.n FROM customers c JOIN big ON ' +
    'big.customer_id = c.id JOIN big b2 ON b2.customer_id = c.id ORDER BY big.n' },
  { name: 'left-join', select: 'SELECT c.full_name, o.created_at FROM customers c LEFT JOIN ' +
    "orders o ON o.customer_id = c.id WHERE c.city = 'Пермь'" },
  { name: 'or', select: "SELECT c.id FROM customers c WHERE c.id IN (1, 2, 3) OR c.email = 'a'" },
  { name: 'self-join', select: 'SELECT a.id FROM orders a, orders b WHERE a.customer_id = ' +
    'b.customer_id AND b.id = 3' },
  { name: 'distinct', select: 'SELECT DISTINCT status FROM orders' },
  { name: 'covering-range', select: "SELECT created_at FROM orders WHERE created_at >= " +
    "'2024-03-01' AND created_at < '2024-03-08'" },
  { name: 'seek-two-columns',
    indexes: ['CREATE INDEX idx_orders_status_shipped ON orders (status, shipped_at)'],
    select: "SELECT id FROM orders WHERE status = 'shipped' AND shipped_at < '2025-11-01'" },
  { name: 'seek-function',
    indexes: ['CREATE INDEX idx_orders_status_shipped ON orders (status, shipped_at)'],
    select: "SELECT id FROM orders WHERE status = 'shipped' AND DATE(shipped_at) < '2025-11-01'",
    sqlite: "SELECT id FROM orders WHERE status = 'shipped' AND date(shipped_at) < '2025-11-01'" },
  { name: 'row-value', indexes: ['CREATE INDEX i ON books (price, genre_id)'],
    select: 'SELECT id FROM books WHERE (price, genre_id) > (739, 3) ORDER BY price, genre_id ' +
      'LIMIT 5' },
  { name: 'seek-rowid', indexes: ['CREATE INDEX i ON orders (customer_id)'],
    select: 'SELECT id FROM orders WHERE customer_id = 5 AND id > 100' },
  { name: 'exists', select: 'SELECT c.full_name FROM customers c WHERE EXISTS (SELECT 1 FROM ' +
    "orders o WHERE o.customer_id = c.id AND o.status = 'new')" },
];

const out = join(import.meta.dirname, '..', 'test', 'fixtures', 'plans');
const fixtures = { dir: fixturesDir() };

function captureSqlite(): void {
  const cache = mkdtempSync(join(tmpdir(), 'dbcourse-plans-'));
  try {
    const [base] = buildDatasets(fixtures, cache);
    const worker = createRequire(import.meta.url)('../src/engines/sqlite/sqlite-worker.cjs');
    const captured = cases.map((c) => {
      const outcome = worker.plan({ path: base.path, indexes: c.indexes ?? [],
        select: c.sqlite ?? c.select });
      if (!outcome.ok) throw new Error(`${c.name}: ${JSON.stringify(outcome)}`);
      return { name: c.name, select: c.sqlite ?? c.select, raw: outcome.raw };
    });
    writeFileSync(join(out, 'sqlite.json'), `${JSON.stringify(captured, null, 1)}\n`);
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

async function captureServer(url: string): Promise<void> {
  const session = await connect(parseMysqlUrl(url), { multipleStatements: true });
  const { connection } = session;
  const [base] = datasetDatabases(fixtures);
  const captured = [];
  try {
    for (const c of cases) {
      let database = base.database;
      if (c.indexes) {
        database = await createScratch(connection, base.database);
        for (const sql of c.indexes) await connection.query(sql);
        await analyzeTables(connection, database);
      }
      await connection.query(`USE \`${database}\``);
      const raw = await explainSelect(connection, database, c.select, session.flavor);
      if (c.indexes) await dropScratch(connection, database);
      // The database's name is the fixtures' stamp: not part of what the reader needs.
      const note = raw.note?.split(database).join('db');
      captured.push({ name: c.name, select: c.select, raw: { ...raw, note } });
    }
  } finally {
    await connection.end();
  }
  const file = session.flavor === 'mariadb' ? 'mariadb.json' : 'mysql.json';
  writeFileSync(join(out, file), `${JSON.stringify({ version: session.version, cases: captured },
    null, 1)}\n`);
}

captureSqlite();
if (process.argv[2]) await captureServer(process.argv[2]);
