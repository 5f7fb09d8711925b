import type { Engine, QueryOutcome } from '../engine.js';
import { buildDatasets, type BuiltDataset, type FixtureSource } from './datasets.js';
import { Sandbox } from './sandbox.js';

export interface SqliteEngineOptions {
  fixtures: FixtureSource;
  cacheRoot: string;
  timeoutMs: number;
  maxRows?: number;
}

export class SqliteEngine implements Engine {
  readonly name = 'sqlite' as const;
  readonly datasets: BuiltDataset[];
  private readonly sandbox: Sandbox;

  constructor(options: SqliteEngineOptions) {
    this.datasets = buildDatasets(options.fixtures, options.cacheRoot);
    this.sandbox = new Sandbox({ timeoutMs: options.timeoutMs, maxRows: options.maxRows ?? 50_000 });
  }

  query(dataset: string, sql: string): Promise<QueryOutcome> {
    return this.sandbox.run(this.path(dataset), sql);
  }

  readsTables(sql: string): Promise<boolean | undefined> {
    return this.sandbox.readsTables(this.path(this.datasets[0].name), sql);
  }

  private path(dataset: string): string {
    const built = this.datasets.find((d) => d.name === dataset);
    if (!built) throw new Error(`unknown dataset ${dataset}`);
    return built.path;
  }

  close(): Promise<void> {
    return this.sandbox.close();
  }
}
