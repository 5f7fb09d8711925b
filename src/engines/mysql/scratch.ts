/**
 * Scratch databases: a private copy of a dataset database (tables with their keys, foreign
 * keys, indexes and rows) for statements that cannot be rolled back. DDL commits implicitly
 * in MySQL, so schema answers (and anything else that runs DDL) get a copy of their own,
 * dropped afterwards. Names are dbcourse_scratch_<unix seconds>_<owner>_<random>: under the
 * prefix the course user has rights on, dated, so that a copy left by a killed process is
 * dropped by the next one that makes a copy, and marked with a hash of the MySQL user that
 * made it: a user sees only its own connections, so it may judge only its own copies unused.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Connection } from 'mysql2/promise';

const PREFIX = 'dbcourse_scratch_';
/** Copies made before names had an owner have none: anybody may drop them once stale. */
const NAME = /^dbcourse_scratch_(\d{10})_(?:([0-9a-f]{8})_)?[0-9a-f]{8}$/;
/** Older than this, a scratch database belongs to no running check. */
const STALE_AFTER_SECONDS = 15 * 60;
/** The table that marks a finished dataset database: not part of the bookstore. */
const DATASET_MARK = '_dbcourse';

/** The owner part of scratch names: the MySQL user name, hashed (names allow [0-9a-z_]). */
export function scratchOwner(user: string): string {
  return createHash('sha256').update(user).digest('hex').slice(0, 8);
}

export function scratchName(owner: string, now = Date.now()): string {
  return `${PREFIX}${Math.floor(now / 1000)}_${owner}_${randomBytes(4).toString('hex')}`;
}

function ownerOf(connection: Connection): string {
  return scratchOwner(connection.config.user ?? '');
}

function quote(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

/** Drops scratch databases older than STALE_AFTER_SECONDS; returns how many. */
export async function dropStaleScratches(connection: Connection, now = Date.now()):
  Promise<number> {
  const owner = ownerOf(connection);
  const [rows] = await connection.query('SELECT schema_name FROM information_schema.schemata ' +
    'WHERE schema_name LIKE ?', [`${PREFIX.replace(/_/g, '\\_')}%`]) as unknown as [string[][]];
  // A console session keeps its copy as long as it runs: a copy that is some connection's
  // current database is in use, however old (the course user sees its own connections).
  const [used] = await connection.query('SELECT DISTINCT db FROM information_schema.processlist ' +
    'WHERE db LIKE ?', [`${PREFIX.replace(/_/g, '\\_')}%`]) as unknown as [string[][]];
  const inUse = new Set(used.map(([db]) => String(db)));
  let dropped = 0;

  for (const [name] of rows) {
    const match = NAME.exec(String(name));
    if (!match || Number(match[1]) > now / 1000 - STALE_AFTER_SECONDS) continue;
    // Another user's copy may be in use by a connection this user cannot see.
    if (match[2] !== undefined && match[2] !== owner) continue;
    if (inUse.has(String(name))) continue;
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

  const name = scratchName(ownerOf(connection));
  const tables = await tableDefinitions(connection, source);

  await connection.query(`CREATE DATABASE ${quote(name)} CHARACTER SET utf8mb4`);
  try {
    // One transaction for the rows: one log flush instead of one per table. READ COMMITTED
    // reads the source without locking it (REPEATABLE READ would take shared locks, and wait
    // for a change check that holds rows of the same dataset). The bookstore has no
    // generated columns, so SELECT * fills every column.
    await connection.query([
      `USE ${quote(name)}`,
      'SET SESSION foreign_key_checks = 0',
      ...tables.map((t) => t.definition),
      'SET TRANSACTION ISOLATION LEVEL READ COMMITTED',
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
