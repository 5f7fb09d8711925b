import { createHash } from 'node:crypto';
import { statSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname } from 'node:path';
import {
  DEFAULT_MAX_ROWS, type ChangeOutcome, type DatasetInfo, type Engine, type PlanOutcome,
  type QueryOptions, type QueryOutcome, type SchemaOutcome, type SchemaRequest,
} from '../engine.js';
import type { PlanRequest } from '../plan.js';
import { sqliteCatalog, type RawSchemaOutcome } from './catalog.js';
import { exerciseDatasetName } from '../fixtures.js';
import {
  buildDatasets, buildExerciseDataset, datasetFolder, type BuiltDataset, type FixtureSource,
} from './datasets.js';
import { readSqlitePlan, type RawPlanOutcome } from './plan.js';
import { Sandbox } from './sandbox.js';
import type { Isolation } from './sandbox-host.js';

export interface SqliteEngineOptions {
  fixtures: FixtureSource;
  cacheRoot: string;
  timeoutMs: number;
  maxRows?: number;
  /**
   * Run the course's reference SQL on the main thread, beside the learner's on the sandbox
   * thread. Off for authoring checks, where a reference may be the thing that runs away.
   */
  trustReferences?: boolean;
  /**
   * Where learners' SQL runs: a thread (quick to start, for one-shot commands) or a child
   * process that a runaway statement is killed with (long-lived ones). See sandbox-host.ts.
   */
  isolation?: Isolation;
}

function fileStamp({ ino, size, mtimeMs }: Stats): string {
  return `${ino}:${size}:${mtimeMs}`;
}

function fileStamps(datasets: BuiltDataset[]): string {
  return datasets.map((d) => fileStamp(statSync(d.path))).join(',');
}

interface Runner {
  run(request: { path: string; sql: string }, maxRows: number): QueryOutcome;
  change(request: { path: string; sql: string }, maxRows: number): ChangeOutcome;
  schema(request: { path: string; sql: string; schema: SchemaRequest }, maxRows: number):
    RawSchemaOutcome;
  readsTables(request: { path: string; sql: string }):
    { ok: true; readsTables: boolean } | { ok: false };
  plan(request: { path: string; indexes: string[]; select: string }): RawPlanOutcome;
}

export class SqliteEngine implements Engine {
  readonly name = 'sqlite' as const;
  readonly datasets: BuiltDataset[];
  readonly fingerprint: string;
  private readonly sandbox: Sandbox;
  private local: Runner | undefined;
  /** Exercises' own datasets, by name, once built. */
  private readonly extra = new Map<string, BuiltDataset>();
  private readonly maxRows: number;
  /** The dataset files' identities when opened, for unchanged(). */
  private readonly files: string;

  constructor(private readonly options: SqliteEngineOptions) {
    this.datasets = buildDatasets(options.fixtures, options.cacheRoot);
    // The folder the datasets were built into is named by the fixtures' stamp; the files'
    // sizes and times change if a file is ever rebuilt or written, and remembered verdicts
    // and reference results with them.
    const stats = this.datasets.map((d) => statSync(d.path));
    this.files = stats.map(fileStamp).join(',');
    this.fingerprint = `sqlite:${basename(dirname(this.datasets[0].path))}:` +
      createHash('sha1').update(stats.map((f) => `${f.size}:${f.mtimeMs}`).join(','))
        .digest('hex').slice(0, 12);
    this.maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
    this.sandbox = new Sandbox({ timeoutMs: options.timeoutMs, maxRows: this.maxRows,
      paths: this.datasets.map((d) => d.path), isolation: options.isolation });
  }

  /**
   * Whether every dataset file is still the one this engine opened, for fixtures as they are
   * now: an engine kept between checks (the check server) is given up once the fixtures
   * changed, the cache was cleared or a file rebuilt.
   */
  unchanged(): boolean {
    try {
      return datasetFolder(this.options.fixtures, this.options.cacheRoot) ===
        dirname(this.datasets[0].path) && fileStamps(this.datasets) === this.files &&
        [...this.extra.values()].every((d) => statSync(d.path).isFile());
    } catch {
      return false;
    }
  }

  /** The child process that runs learners' SQL now, with process isolation (for tests). */
  get sandboxPid(): number | undefined {
    return this.sandbox.pid;
  }

  warmUp(): void {
    this.sandbox.warmUp();
  }

  async query(dataset: string, sql: string, options: QueryOptions = {}): Promise<QueryOutcome> {
    const path = this.path(dataset);
    if (options.trusted && this.options.trustReferences) {
      return this.runner().run({ path, sql }, this.maxRows);
    }
    return this.sandbox.run(path, sql);
  }

  async change(dataset: string, sql: string, options: QueryOptions = {}): Promise<ChangeOutcome> {
    const path = this.path(dataset);
    if (options.trusted && this.options.trustReferences) {
      return this.runner().change({ path, sql }, this.maxRows);
    }
    return this.sandbox.change(path, sql);
  }

  async schema(dataset: string, sql: string, request: SchemaRequest,
    options: QueryOptions = {}): Promise<SchemaOutcome> {
    const path = this.path(dataset);
    const raw = options.trusted && this.options.trustReferences
      ? this.runner().schema({ path, sql, schema: request }, this.maxRows)
      : await this.sandbox.schema(path, sql, request);
    if (!raw.ok) return raw;
    return { ok: true, state: { ...raw.state, catalog: sqliteCatalog(raw.state.catalog) } };
  }

  async plan(dataset: string, request: PlanRequest, options: QueryOptions = {}):
    Promise<PlanOutcome> {
    const path = this.path(dataset);
    const raw = options.trusted && this.options.trustReferences
      ? this.runner().plan({ path, ...request })
      : await this.sandbox.plan(path, request.indexes, request.select);
    return raw.ok && 'raw' in raw ? { ok: true, plan: readSqlitePlan(raw.raw) }
      : raw as PlanOutcome;
  }

  async readsTables(sql: string, options: QueryOptions = {}): Promise<boolean | undefined> {
    const path = this.path(this.datasets[0].name);
    if (options.trusted && this.options.trustReferences) {
      const outcome = this.runner().readsTables({ path, sql });
      return outcome.ok ? outcome.readsTables : undefined;
    }
    return this.sandbox.readsTables(path, sql);
  }

  close(): Promise<void> {
    return this.sandbox.close();
  }

  private runner(): Runner {
    this.local ??= createRequire(import.meta.url)('./sqlite-worker.cjs') as Runner;
    return this.local;
  }

  async exerciseDataset(spec: { property: string; changes: string }): Promise<DatasetInfo> {
    const name = exerciseDatasetName(spec.changes);
    if (!this.extra.has(name)) {
      this.extra.set(name, { name, property: spec.property,
        path: buildExerciseDataset(this.options.fixtures, this.datasets[0], name,
          spec.changes) });
    }
    return { name, property: spec.property };
  }

  private path(dataset: string): string {
    const built = this.datasets.find((d) => d.name === dataset) ?? this.extra.get(dataset);
    if (!built) throw new Error(`unknown dataset ${dataset}`);
    return built.path;
  }
}
