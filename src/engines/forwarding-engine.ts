/**
 * An engine that passes every call to another: the base of decorators that change one or two
 * calls (the reference-result memo, the check server's loans) and leave the rest alone.
 */
import type {
  ChangeOutcome, DatasetInfo, Engine, PlanOutcome, QueryOptions, QueryOutcome, SchemaOutcome,
  SchemaRequest,
} from './engine.js';
import type { PlanRequest } from './plan.js';

export class ForwardingEngine implements Engine {
  constructor(readonly engine: Engine) {}

  get name() { return this.engine.name; }
  get fingerprint() { return this.engine.fingerprint; }
  get datasets() { return this.engine.datasets; }

  query(dataset: string, sql: string, options?: QueryOptions): Promise<QueryOutcome> {
    return this.engine.query(dataset, sql, options);
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

  exerciseDataset(spec: { property: string; changes: string }): Promise<DatasetInfo> {
    return this.engine.exerciseDataset(spec);
  }

  readsTables(sql: string, options?: QueryOptions): Promise<boolean | undefined> {
    return this.engine.readsTables(sql, options);
  }

  warmUp(): void {
    this.engine.warmUp();
  }

  close(): Promise<void> {
    return this.engine.close();
  }
}
