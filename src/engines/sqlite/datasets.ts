/**
 * Turns the generated fixture SQL into one SQLite file per dataset, built once into the cache
 * directory and reused while the fixture files stay the same.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
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
  renameSync(temporary, target);
}

export function buildDatasets(source: FixtureSource, cacheRoot: string): BuiltDataset[] {
  const folder = join(cacheRoot, 'sqlite', fixtureStamp(source, 'sqlite'));
  mkdirSync(folder, { recursive: true });

  return readManifest(source).map((dataset) => {
    const path = join(folder, `${dataset.name}.db`);
    if (!existsSync(path)) build(source, dataset.name, path);
    return { ...dataset, path };
  });
}
