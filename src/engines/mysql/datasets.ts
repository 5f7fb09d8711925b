/**
 * The bookstore datasets as databases on the server: dbcourse_ds_<stamp>_<dataset>, built once
 * from fixtures/bookstore/generated/mysql and marked with a _dbcourse table. dbcourse drops
 * only databases that carry its mark.
 */
import { readFileSync } from 'node:fs';
import type { Connection } from 'mysql2/promise';
import type { DatasetInfo } from '../engine.js';
import { analyzeTables } from './explain.js';
import { fixtureStamp, readManifest, sqlFiles, type FixtureSource } from '../fixtures.js';

export interface ServerDataset extends DatasetInfo {
  database: string;
}

const PREFIX = 'dbcourse_ds_';
const MARK = '_dbcourse';

const stamps = new Map<string, string>();

export function datasetDatabases(source: FixtureSource): ServerDataset[] {
  // The content stamp reads every fixture file: once per process is enough.
  const stamp = stamps.get(source.dir) ?? fixtureStamp(source, 'mysql', false);
  stamps.set(source.dir, stamp);
  return readManifest(source).map((d) => ({ ...d, database: `${PREFIX}${stamp}_${d.name}` }));
}

async function databases(connection: Connection, pattern: string): Promise<string[]> {
  const [rows] = await connection.query('SELECT schema_name FROM information_schema.schemata ' +
    'WHERE schema_name LIKE ?', [pattern]) as unknown as [string[][]];
  return rows.map((r) => String(r[0]));
}

async function lock(connection: Connection): Promise<void> {
  const [[locked]] = await connection.query("SELECT GET_LOCK('dbcourse_datasets', 120)") as
    unknown as [number[][]];
  if (Number(locked) !== 1) throw new Error('could not lock the dataset build');
}

async function isMarked(connection: Connection, database: string): Promise<boolean> {
  const [rows] = await connection.query('SELECT COUNT(*) FROM information_schema.tables ' +
    'WHERE table_schema = ? AND table_name = ?', [database, MARK]) as unknown as [number[][]];
  return Number(rows[0][0]) > 0;
}

/** Whether every dataset database exists and carries the mark: one catalog query. */
export async function datasetsReady(connection: Connection, source: FixtureSource):
  Promise<boolean> {
  const wanted = datasetDatabases(source);
  const [rows] = await connection.query('SELECT table_schema FROM information_schema.tables ' +
    'WHERE table_name = ? AND table_schema LIKE ?', [MARK, `${PREFIX.replace(/_/g, '\\_')}%`]) as
    unknown as [string[][]];
  const marked = new Set(rows.map((r) => String(r[0])));
  return wanted.every((d) => marked.has(d.database));
}

/**
 * Creates the datasets that are missing and drops marked datasets of older fixtures. Runs on a
 * connection that allows several statements (the fixture scripts), under a server-side lock
 * so that two dbcourse processes do not build the same database at once.
 */
export async function ensureDatasets(connection: Connection, source: FixtureSource):
  Promise<ServerDataset[]> {
  const wanted = datasetDatabases(source);
  await lock(connection);

  try {
    const existing = new Set(await databases(connection, `${PREFIX.replace(/_/g, '\\_')}%`));

    for (const dataset of wanted) {
      if (existing.has(dataset.database) && await isMarked(connection, dataset.database)) continue;
      await build(connection, source, dataset);
    }
    // Datasets of other fixture versions stay: another copy of the course may use them.
    // `dbcourse db setup` removes them (dropStaleDatasets).
  } finally {
    await connection.query("SELECT RELEASE_LOCK('dbcourse_datasets')");
  }

  return wanted;
}

/**
 * An exercise's own dataset as a database beside the shared ones (same stamp, named by the
 * changes), built once under the build lock. Runs on a multi-statement connection.
 */
export async function ensureExerciseDataset(connection: Connection, source: FixtureSource,
  name: string, property: string, changes: string): Promise<ServerDataset> {
  const [base] = datasetDatabases(source);
  const dataset = { name, property, database: base.database.replace(/_base$/, `_${name}`) };
  if (await isMarked(connection, dataset.database)) return dataset;

  await lock(connection);
  try {
    if (!await isMarked(connection, dataset.database)) {
      await build(connection, source, dataset, changes);
    }
  } finally {
    await connection.query("SELECT RELEASE_LOCK('dbcourse_datasets')");
  }
  return dataset;
}

/**
 * Drops marked dataset databases of other fixture versions; returns how many.
 * Known shortcoming: an exercise's own dataset that an updated lesson no longer uses stays
 * until the fixtures change (dropping it could pull it from under a check running now).
 */
export async function dropStaleDatasets(connection: Connection, source: FixtureSource):
  Promise<number> {
  const current = new Set(datasetDatabases(source).map((d) => d.database));
  // Exercises' own datasets of the same fixtures are current too.
  const ours = datasetDatabases(source)[0].database.replace(/base$/, '');
  let dropped = 0;
  // Under the build lock: never drops a database another process is building.
  await lock(connection);
  try {
    for (const name of await databases(connection, `${PREFIX.replace(/_/g, '\\_')}%`)) {
      if (!current.has(name) && !name.startsWith(ours) && await isMarked(connection, name)) {
        await connection.query(`DROP DATABASE \`${name}\``);
        dropped += 1;
      }
    }
  } finally {
    await connection.query("SELECT RELEASE_LOCK('dbcourse_datasets')");
  }
  return dropped;
}

async function build(connection: Connection, source: FixtureSource,
  dataset: ServerDataset, changes?: string): Promise<void> {
  const name = dataset.database;
  await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
  await connection.query(`USE \`${name}\``);

  // An exercise's own dataset: the visible one, then the exercise's changes.
  for (const file of sqlFiles(source, 'mysql', changes === undefined ? dataset.name : 'base')) {
    await connection.query(readFileSync(file, 'utf8'));
  }
  if (changes !== undefined) await connection.query(changes);
  // Plans are read from these databases: statistics that count the rows just inserted.
  await analyzeTables(connection, name);

  // The mark goes last: a half-built database is never taken for a finished one. It keeps
  // every table's checksum, so that a dataset changed since (it never should) is found.
  const checksums = await tableChecksums(connection, name);
  await connection.query(`CREATE TABLE ${MARK} (built_at DATETIME NOT NULL, dataset ` +
    'VARCHAR(40) NOT NULL, checksums TEXT NOT NULL)');
  await connection.query(`INSERT INTO ${MARK} VALUES (UTC_TIMESTAMP(), ?, ?)`,
    [dataset.name, JSON.stringify(checksums)]);
}

/** CHECKSUM TABLE of every table of a dataset database but the mark, by table name. */
async function tableChecksums(connection: Connection, database: string):
  Promise<Record<string, string>> {
  const [tables] = await connection.query('SELECT table_name FROM information_schema.tables ' +
    "WHERE table_schema = ? AND table_type = 'BASE TABLE' AND table_name <> ? " +
    'ORDER BY table_name', [database, MARK]) as unknown as [string[][]];
  if (tables.length === 0) return {};
  const [rows] = await connection.query(`CHECKSUM TABLE ${tables.map(([t]) =>
    `\`${database}\`.\`${t}\``).join(', ')}`) as unknown as [unknown[][]];
  return Object.fromEntries(rows.map(([table, sum]) =>
    [String(table).split('.').pop()!, String(sum)]));
}

/**
 * The datasets whose tables no longer hold what they were built with: a change that escaped
 * its transaction, or a hand edit. They give wrong expected results, so `db setup` builds them
 * again. With `unverified`, also those built before checksums were kept.
 */
export async function damagedDatasets(connection: Connection, source: FixtureSource,
  unverified: boolean): Promise<ServerDataset[]> {
  const damaged: ServerDataset[] = [];
  for (const dataset of datasetDatabases(source)) {
    let recorded: Record<string, string> | undefined;
    try {
      const [rows] = await connection.query(`SELECT checksums FROM \`${dataset.database}\`.` +
        MARK) as unknown as [string[][]];
      recorded = JSON.parse(String(rows[0]?.[0])) as Record<string, string>;
    } catch {
      recorded = undefined;
    }
    if (!recorded) {
      if (unverified) damaged.push(dataset);
      continue;
    }
    const now = await tableChecksums(connection, dataset.database);
    if (JSON.stringify(now) !== JSON.stringify(recorded)) damaged.push(dataset);
  }
  return damaged;
}

/** Builds the given datasets again from the fixtures, under the build lock. */
export async function rebuildDatasets(connection: Connection, source: FixtureSource,
  datasets: ServerDataset[]): Promise<void> {
  await lock(connection);
  try {
    for (const dataset of datasets) await build(connection, source, dataset);
  } finally {
    await connection.query("SELECT RELEASE_LOCK('dbcourse_datasets')");
  }
}
