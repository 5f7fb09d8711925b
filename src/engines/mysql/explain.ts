/**
 * What a plan needs from the server, on one connection: EXPLAIN FORMAT=JSON of the SELECT,
 * the expanded statement that names the table behind every alias (MySQL gives it after any
 * EXPLAIN; MariaDB only after EXPLAIN EXTENDED), and the columns of every index.
 */
import type { Connection } from 'mysql2/promise';
import type { Flavor } from './driver.js';
import type { RawMysqlPlan } from './plan.js';

const EXPANDED_STATEMENT = 1003;

async function expandedStatement(connection: Connection): Promise<string | undefined> {
  const [warnings] = await connection.query('SHOW WARNINGS') as unknown as [unknown[][]];
  const note = warnings.find((w) => Number(w[1]) === EXPANDED_STATEMENT);
  return note ? String(note[2]) : undefined;
}

export async function explainSelect(connection: Connection, database: string, select: string,
  flavor: Flavor): Promise<RawMysqlPlan> {
  const text = select.replace(/;\s*$/, '');
  const [[explained]] = await connection.query(`EXPLAIN FORMAT=JSON ${text}`) as unknown as
    [unknown[][]];
  let note = flavor === 'mysql' ? await expandedStatement(connection) : undefined;
  if (flavor === 'mariadb') {
    await connection.query(`EXPLAIN EXTENDED ${text}`);
    note = await expandedStatement(connection);
  }

  const [statistics] = await connection.query('SELECT TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX, ' +
    'COLUMN_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ?', [database]) as
    unknown as [RawMysqlPlan['statistics']];
  return { json: String(explained[0]), ...(note ? { note } : {}),
    statistics: statistics.map(([t, i, n, c]) => [String(t), String(i), Number(n),
      c === null ? null : String(c)]) };
}

/**
 * Fresh statistics for every table of a database. A copy made a moment ago still carries
 * InnoDB's estimates from before its rows were inserted (a table of 1000 rows counted as
 * empty), and the optimizer plans by them.
 */
export async function analyzeTables(connection: Connection, database: string): Promise<void> {
  const [tables] = await connection.query('SELECT table_name FROM information_schema.tables ' +
    "WHERE table_schema = ? AND table_type = 'BASE TABLE'", [database]) as unknown as
    [string[][]];
  if (tables.length === 0) return;
  await connection.query(`ANALYZE TABLE ${tables.map(([t]) =>
    `\`${database}\`.\`${String(t)}\``).join(', ')}`);
}
