/**
 * Turns the generated fixture SQL into one SQLite file per dataset, built once into the cache
 * directory and reused while the fixture files stay the same.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { DatasetInfo } from '../engine.js';

export interface FixtureSource {
  /** fixtures/bookstore/generated (or a test's own folder of the same shape). */
  dir: string;
}

export interface BuiltDataset extends DatasetInfo {
  path: string;
}

interface Manifest {
  datasets: DatasetInfo[];
}

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

function sqlFiles(dir: string, dataset: string): string[] {
  const files = [join(dir, 'sqlite', 'schema.sql'), join(dir, 'sqlite', 'base.sql')];
  if (dataset !== 'base') files.push(join(dir, 'sqlite', `${dataset}.sql`));
  return files;
}

/** Cheap identity of the fixture files: path, size and mtime, not their content. */
function stamp(dir: string, manifest: Manifest): string {
  const hash = createHash('sha1');
  const files = new Set(manifest.datasets.flatMap((d) => sqlFiles(dir, d.name)));
  for (const file of [join(dir, 'manifest.json'), ...files]) {
    const stat = statSync(file);
    hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

function build(dir: string, dataset: string, target: string): void {
  const require = createRequire(import.meta.url);
  const Database = require('better-sqlite3') as typeof import('better-sqlite3');
  const temporary = `${target}.${process.pid}.tmp`;

  rmSync(temporary, { force: true });
  const db = new Database(temporary);

  try {
    for (const file of sqlFiles(dir, dataset)) db.exec(readFileSync(file, 'utf8'));
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) {
      throw new Error(`dataset ${dataset}: ${broken.length} rows break foreign keys`);
    }
  } finally {
    db.close();
  }

  // Another dbcourse process may have built the same file meanwhile: either copy is right.
  renameSync(temporary, target);
}

export function buildDatasets(source: FixtureSource, cacheRoot: string): BuiltDataset[] {
  const manifest = readManifest(source.dir);
  const folder = join(cacheRoot, 'sqlite', stamp(source.dir, manifest));
  mkdirSync(folder, { recursive: true });

  return manifest.datasets.map((dataset) => {
    const path = join(folder, `${dataset.name}.db`);
    if (!existsSync(path)) build(source.dir, dataset.name, path);
    return { ...dataset, path };
  });
}
