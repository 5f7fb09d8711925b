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
import type {
  ChangeOutcome, DatasetInfo, Engine, PlanOutcome, QueryOptions, QueryOutcome, ResultSet,
  SchemaOutcome, SchemaRequest,
} from './engine.js';
import type { PlanRequest } from './plan.js';

interface Entry {
  results: Record<string, ResultSet>;
  readsTables?: boolean;
}

/** Only values that survive JSON unchanged are kept (not Infinity or NaN). */
function storable(result: ResultSet): boolean {
  return result.rows.every((row) => row.every((cell) => typeof cell !== 'number' ||
    Number.isFinite(cell)));
}

export class ReferenceMemo implements Engine {
  private readonly entries = new Map<string, Entry>();
  private readonly dirty = new Set<string>();

  constructor(private readonly engine: Engine, private readonly dir: string) {}

  get name() { return this.engine.name; }
  get fingerprint() { return this.engine.fingerprint; }
  get datasets() { return this.engine.datasets; }

  async query(dataset: string, sql: string, options: QueryOptions = {}): Promise<QueryOutcome> {
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

  change(dataset: string, sql: string, options?: QueryOptions): Promise<ChangeOutcome> {
    return this.engine.change(dataset, sql, options);
  }

  schema(dataset: string, sql: string, request: SchemaRequest, options?: QueryOptions):
    Promise<SchemaOutcome> {
    return this.engine.schema(dataset, sql, request, options);
  }

  plan(dataset: string, request: PlanRequest, options?: QueryOptions): Promise<PlanOutcome> {
    return this.engine.plan(dataset, request, options);
  }

  async readsTables(sql: string, options: QueryOptions = {}): Promise<boolean | undefined> {
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

  exerciseDataset(spec: { property: string; changes: string }): Promise<DatasetInfo> {
    return this.engine.exerciseDataset(spec);
  }

  warmUp(): void {
    this.engine.warmUp();
  }

  async close(): Promise<void> {
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
