/**
 * Turns the generated fixture SQL into one SQLite file per dataset, built once into the cache
 * directory and reused while the fixture files stay the same.
 */
import {
  chmodSync, closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, readSync,
  renameSync, rmSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DatasetInfo } from '../engine.js';
import { fixtureStamp, readManifest, sqlFiles, type FixtureSource } from '../fixtures.js';

export type { FixtureSource } from '../fixtures.js';

export interface BuiltDataset extends DatasetInfo {
  path: string;
}

function build(source: FixtureSource, dataset: string, target: string): void {
  const require = createRequire(import.meta.url);
  const Database = require('better-sqlite3') as typeof import('better-sqlite3');
  const temporary = `${target}.${process.pid}.tmp`;

  rmSync(temporary, { force: true });
  const db = new Database(temporary);

  try {
    for (const file of sqlFiles(source, 'sqlite', dataset)) db.exec(readFileSync(file, 'utf8'));
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) {
      throw new Error(`dataset ${dataset}: ${broken.length} rows break foreign keys`);
    }
  } finally {
    db.close();
  }

  // Another dbcourse process may have built the same file meanwhile: either copy is right.
  // Read-only on disk too: nothing a check runs may write a dataset.
  chmodSync(temporary, 0o444);
  renameSync(temporary, target);
}

/**
 * The base data with every table's rows stored in reverse order, and ids that are no longer
 * the rowid: an answer whose order relies on how the engine happens to scan (a tie left
 * without a rule, GROUP BY without ORDER BY) comes out differently here.
 */
const SHUFFLED: DatasetInfo = {
  name: 'shuffled',
  property: 'те же данные в другом физическом порядке строк',
  sameRowsAs: 'base',
};

/**
 * The same for the dataset of equal values: rows that tie on the sort key come out in
 * another order here, so an ORDER BY without its tie-break (ORDER BY price, not price, id)
 * shows, where the shared datasets keep tied rows in key order and hide it.
 */
const TIES_SHUFFLED: DatasetInfo = {
  name: 'ties-shuffled',
  property: 'равные значения, строки хранятся в другом порядке',
  sameRowsAs: 'ties',
};

/** The dataset file `from` copied to `target` with every table's rows in reverse order. */
function buildShuffled(source: FixtureSource, from: string, target: string): void {
  const require = createRequire(import.meta.url);
  const Database = require('better-sqlite3') as typeof import('better-sqlite3');
  const temporary = `${target}.${process.pid}.tmp`;
  // "INT PRIMARY KEY" is an ordinary key in SQLite; "INTEGER PRIMARY KEY" is the rowid.
  const schema = readFileSync(join(source.dir, 'sqlite', 'schema.sql'), 'utf8')
    .replace(/ INTEGER PRIMARY KEY/g, ' INT NOT NULL PRIMARY KEY');

  rmSync(temporary, { force: true });
  const db = new Database(temporary);

  try {
    db.exec(schema);
    db.pragma('foreign_keys = OFF');
    db.prepare('ATTACH DATABASE ? AS src').run(from);
    const tables = db.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table'")
      .pluck().all() as string[];
    db.transaction(() => {
      for (const table of tables) {
        db.exec(`INSERT INTO main.${table} SELECT * FROM src.${table} ORDER BY rowid DESC`);
      }
    })();
    db.exec('DETACH DATABASE src');
  } finally {
    db.close();
  }

  // Read-only on disk too: nothing a check runs may write a dataset.
  chmodSync(temporary, 0o444);
  renameSync(temporary, target);
}

/**
 * An exercise's own dataset: a copy of the visible one after the exercise's changes, built
 * once next to the shared datasets.
 */
/**
 * An exercise's own dataset: the visible one after the exercise's changes, its rows stored in
 * reverse order like the shuffled datasets, so that it tells a missing tie-break too.
 */
export function buildExerciseDataset(source: FixtureSource, base: BuiltDataset, name: string,
  changes: string): string {
  // ".rev": built in reverse order; files of older builds (in key order) are not reused.
  const target = join(dirname(base.path), `${name}.rev.db`);
  if (usable(target)) return target;

  const require = createRequire(import.meta.url);
  const Database = require('better-sqlite3') as typeof import('better-sqlite3');
  const changed = `${target}.${process.pid}.changed.tmp`;
  copyFileSync(base.path, changed);
  try {
    const db = new Database(changed);
    try {
      db.pragma('foreign_keys = ON');
      db.exec(changes);
    } finally {
      db.close();
    }
    buildShuffled(source, changed, target);
  } finally {
    rmSync(changed, { force: true });
  }
  return target;
}

const HEADER = 'SQLite format 3\0';

/**
 * Whether a cached dataset file is there and starts as an SQLite database does; one that does
 * not (cut short, overwritten) is removed, to be built again.
 */
function usable(path: string): boolean {
  if (!existsSync(path)) return false;
  const head = Buffer.alloc(HEADER.length);
  try {
    const fd = openSync(path, 'r');
    try {
      readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Unreadable: treated as damaged below.
  }
  if (head.toString('latin1') === HEADER) return true;
  chmodSync(path, 0o644);
  rmSync(path, { force: true });
  return false;
}

/** Where the datasets of the fixtures as they are now are built. */
export function datasetFolder(source: FixtureSource, cacheRoot: string): string {
  return join(cacheRoot, 'sqlite', fixtureStamp(source, 'sqlite'));
}

export function buildDatasets(source: FixtureSource, cacheRoot: string): BuiltDataset[] {
  const folder = datasetFolder(source, cacheRoot);
  mkdirSync(folder, { recursive: true });

  const built = readManifest(source).map((dataset) => {
    const path = join(folder, `${dataset.name}.db`);
    if (!usable(path)) build(source, dataset.name, path);
    return { ...dataset, path };
  });

  const shuffled = [SHUFFLED, TIES_SHUFFLED].flatMap((info) => {
    const from = built.find((d) => d.name === info.sameRowsAs);
    if (!from) return [];
    const path = join(folder, `${info.name}.db`);
    if (!usable(path)) buildShuffled(source, from.path, path);
    return [{ ...info, path }];
  });
  return [...built, ...shuffled];
}
