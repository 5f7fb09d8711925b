/** The generated fixture files, as both engines read them. */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetInfo } from './engine.js';

export type Dialect = 'sqlite' | 'mysql';

export interface FixtureSource {
  /** fixtures/bookstore/generated (or a test's own folder of the same shape). */
  dir: string;
}

export function readManifest(source: FixtureSource): DatasetInfo[] {
  const manifest = JSON.parse(readFileSync(join(source.dir, 'manifest.json'), 'utf8')) as
    { datasets: DatasetInfo[] };
  return manifest.datasets;
}

/** The SQL scripts that build one dataset: schema, base data, and the variant's patch. */
export function sqlFiles(source: FixtureSource, dialect: Dialect, dataset: string): string[] {
  const files = [join(source.dir, dialect, 'schema.sql'), join(source.dir, dialect, 'base.sql')];
  if (dataset !== 'base') files.push(join(source.dir, dialect, `${dataset}.sql`));
  return files;
}

/**
 * Identity of the fixture files of a dialect. `cheap` (for the learner's own cache folder)
 * uses path, size and mtime; otherwise the content, so that every copy of the same fixtures
 * (two clones, CI) names the same datasets on a shared server.
 */
export function fixtureStamp(source: FixtureSource, dialect: Dialect, cheap = true): string {
  const hash = createHash('sha1');
  const files = new Set(readManifest(source).flatMap((d) => sqlFiles(source, dialect, d.name)));
  for (const file of [join(source.dir, 'manifest.json'), ...files]) {
    if (cheap) {
      const stat = statSync(file);
      hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\n`);
    } else {
      hash.update(readFileSync(file));
    }
  }
  return hash.digest('hex').slice(0, 12);
}

/** The name of an exercise's own dataset: named by its changes, so equal changes share one. */
export function exerciseDatasetName(changes: string): string {
  return `x${createHash('sha256').update(changes.trim()).digest('hex').slice(0, 12)}`;
}
