/**
 * Scratch databases: a private copy of a dataset database (tables with their keys, foreign
 * keys, indexes and rows) for statements that cannot be rolled back. DDL commits implicitly
 * in MySQL, so schema answers (and anything else that runs DDL) get a copy of their own,
 * dropped afterwards. Names are dbcourse_scratch_<unix seconds>_<random>: under the prefix
 * the course user has rights on, and dated, so that a copy left by a killed process is
 * dropped by the next one that makes a copy.
 */
import { randomBytes } from 'node:crypto';
import type { Connection } from 'mysql2/promise';

const PREFIX = 'dbcourse_scratch_';
const NAME = /^dbcourse_scratch_(\d{10})_[0-9a-f]{8}$/;
/** Older than this, a scratch database belongs to no running check. */
const STALE_AFTER_SECONDS = 15 * 60;
/** The table that marks a finished dataset database: not part of the bookstore. */
const DATASET_MARK = '_dbcourse';

export function scratchName(now = Date.now()): string {
  return `${PREFIX}${Math.floor(now / 1000)}_${randomBytes(4).toString('hex')}`;
}

function quote(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

/** Drops scratch databases older than STALE_AFTER_SECONDS; returns how many. */
export async function dropStaleScratches(connection: Connection, now = Date.now()):
  Promise<number> {
  const [rows] = await connection.query('SELECT schema_name FROM information_schema.schemata ' +
    'WHERE schema_name LIKE ?', [`${PREFIX.replace(/_/g, '\\_')}%`]) as unknown as [string[][]];
  let dropped = 0;

  for (const [name] of rows) {
    const match = NAME.exec(String(name));
    if (!match || Number(match[1]) > now / 1000 - STALE_AFTER_SECONDS) continue;
    // Another process may be dropping the same one: that is fine.
    await connection.query(`DROP DATABASE IF EXISTS ${quote(String(name))}`);
    dropped += 1;
  }

  return dropped;
}

/**
 * Creates a scratch copy of `source` and makes it the connection's current database. The
 * connection must allow several statements per query. Every table is recreated from SHOW
 * CREATE TABLE (CREATE TABLE ... LIKE would lose the foreign keys) and filled from the
 * source; foreign key checks are off only while the copy is made.
 */
export async function createScratch(connection: Connection, source: string): Promise<string> {
  await dropStaleScratches(connection);

  const name = scratchName();
  const tables = await tableDefinitions(connection, source);

  await connection.query(`CREATE DATABASE ${quote(name)} CHARACTER SET utf8mb4`);
  try {
    // One transaction for the rows: one log flush instead of one per table. The bookstore
    // has no generated columns, so SELECT * fills every column.
    await connection.query([
      `USE ${quote(name)}`,
      'SET SESSION foreign_key_checks = 0',
      ...tables.map((t) => t.definition),
      'START TRANSACTION',
      ...tables.map(({ table }) =>
        `INSERT INTO ${quote(table)} SELECT * FROM ${quote(source)}.${quote(table)}`),
      'COMMIT',
      'SET SESSION foreign_key_checks = 1',
    ].join(';\n'));
  } catch (error) {
    await connection.query('ROLLBACK').catch(() => undefined);
    await connection.query('SET SESSION foreign_key_checks = 1').catch(() => undefined);
    await dropScratch(connection, name);
    throw error;
  }

  return name;
}

/** A dataset database never changes (its name carries its content's stamp): read it once. */
const definitions = new Map<string, { table: string; definition: string }[]>();

async function tableDefinitions(connection: Connection, source: string) {
  const known = definitions.get(source);
  if (known) return known;

  const [tables] = await connection.query('SELECT table_name FROM information_schema.tables ' +
    "WHERE table_schema = ? AND table_type = 'BASE TABLE' AND table_name <> ? " +
    'ORDER BY table_name', [source, DATASET_MARK]) as unknown as [string[][]];
  const found: { table: string; definition: string }[] = [];
  for (const [table] of tables) {
    const [rows] = await connection.query(`SHOW CREATE TABLE ${quote(source)}.${quote(table)}`) as
      unknown as [string[][]];
    found.push({ table: String(table), definition: String(rows[0][1]) });
  }

  definitions.set(source, found);
  return found;
}

/** Drops a scratch database; never anything else. */
export async function dropScratch(connection: Connection, name: string): Promise<void> {
  if (!NAME.test(name)) throw new Error(`not a scratch database: ${name}`);
  await connection.query(`DROP DATABASE IF EXISTS ${quote(name)}`);
}
