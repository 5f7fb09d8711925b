/**
 * Remembers what the course's own SQL (reference solutions and their known-mistake mutants)
 * returned, per engine fingerprint and build of dbcourse. The expected result is still
 * computed by the engine in use on the dataset in use (rule 3 of CHECKING.md); it is only not
 * computed again for every check of the same lesson. Learners' SQL always runs.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cacheBuildKey } from '../util/build.js';
import { writeFileAtomic } from '../util/fs.js';
import type { Engine, QueryOptions, QueryOutcome, ResultSet } from './engine.js';
import { ForwardingEngine } from './forwarding-engine.js';

interface Entry {
  results: Record<string, ResultSet>;
  readsTables?: boolean;
}

/** Only values that survive JSON unchanged are kept (not Infinity or NaN). */
function storable(result: ResultSet): boolean {
  return result.rows.every((row) => row.every((cell) => typeof cell !== 'number' ||
    Number.isFinite(cell)));
}

export class ReferenceMemo extends ForwardingEngine {
  private readonly entries = new Map<string, Entry>();
  private readonly dirty = new Set<string>();

  constructor(engine: Engine, private readonly dir: string) {
    super(engine);
  }

  override async query(dataset: string, sql: string, options: QueryOptions = {}):
    Promise<QueryOutcome> {
    if (!options.trusted) return this.engine.query(dataset, sql, options);

    const entry = this.entry(sql);
    const known = entry.results[dataset];
    if (known) return { ok: true, result: known };

    const outcome = await this.engine.query(dataset, sql, options);
    if (outcome.ok && storable(outcome.result)) {
      entry.results[dataset] = outcome.result;
      this.dirty.add(sql);
    }
    return outcome;
  }

  override async readsTables(sql: string, options: QueryOptions = {}):
    Promise<boolean | undefined> {
    if (!options.trusted) return this.engine.readsTables(sql, options);

    const entry = this.entry(sql);
    if (entry.readsTables !== undefined) return entry.readsTables;

    const reads = await this.engine.readsTables(sql, options);
    if (reads !== undefined) {
      entry.readsTables = reads;
      this.dirty.add(sql);
    }
    return reads;
  }

  override async close(): Promise<void> {
    for (const sql of this.dirty) {
      const path = this.path(sql);
      try {
        mkdirSync(dirname(path), { recursive: true });
        writeFileAtomic(path, JSON.stringify(this.entries.get(sql)));
      } catch {
        // A read-only or full cache only costs speed.
      }
    }
    this.dirty.clear();
    await this.engine.close();
  }

  private entry(sql: string): Entry {
    let entry = this.entries.get(sql);
    if (!entry) {
      entry = this.read(sql);
      this.entries.set(sql, entry);
    }
    return entry;
  }

  private read(sql: string): Entry {
    try {
      const entry = JSON.parse(readFileSync(this.path(sql), 'utf8')) as Entry;
      const results = Object.values(entry?.results ?? {});
      if (results.every((r) => Array.isArray(r?.columns) && Array.isArray(r?.rows))) {
        return { results: { ...entry.results }, readsTables: typeof entry.readsTables ===
          'boolean' ? entry.readsTables : undefined };
      }
    } catch {
      // Missing or damaged: computed again.
    }
    return { results: {} };
  }

  private path(sql: string): string {
    const key = createHash('sha256')
      .update(JSON.stringify([cacheBuildKey, this.engine.fingerprint, sql]))
      .digest('hex');
    return join(this.dir, key.slice(0, 2), `${key.slice(2, 40)}.json`);
  }
}
