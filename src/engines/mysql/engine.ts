/**
 * The MySQL / MariaDB engine. Learner SQL runs on its own connection, as a user whose rights
 * reach only dbcourse's databases, inside a READ ONLY transaction that is rolled back, with the
 * server's statement time limit and KILL QUERY from a second connection as a backstop.
 * Statements that return no rows are refused before they run.
 */
import type { Connection, FieldPacket } from 'mysql2/promise';
import { UserError } from '../../cli/errors.js';
import {
  DEFAULT_MAX_ROWS, type ChangeOutcome, type DatasetInfo, type Engine, type PlanOutcome,
  type QueryFailure,
  type QueryOptions, type QueryOutcome, type ResultSet, type SchemaOutcome, type SchemaRequest,
  type SchemaState, type TableState,
} from '../engine.js';
import type { PlanRequest } from '../plan.js';
import { exerciseDatasetName, type FixtureSource } from '../fixtures.js';
import {
  damagedDatasets, datasetDatabases, datasetsReady, dropStaleDatasets, ensureDatasets,
  ensureExerciseDataset, rebuildDatasets, type ServerDataset,
} from './datasets.js';
import { blankLiterals, isBlankSql } from '../../checker/statements.js';
import { asMysqlError, columnNames, connect, TIMEOUT_ERRORS, type Session } from './driver.js';
import { readCatalog } from './catalog.js';
import { analyzeTables, explainSelect } from './explain.js';
import { readMysqlPlan, type RawMysqlPlan } from './plan.js';
import { foreignGrants } from './safety.js';
import { createScratch, dropScratch } from './scratch.js';
import { formatMysqlUrl, type MysqlTarget } from './url.js';

export interface MysqlEngineOptions {
  target: MysqlTarget;
  fixtures: FixtureSource;
  timeoutMs: number;
  maxRows?: number;
}

/** Serialises multi-step conversations on one connection. */
class Lane {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work, work);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

/** Runs `run` on a private copy of a dataset database, dropped afterwards. */
export type WithScratch = <T>(database: string, run: (scratch: string) => Promise<T>) =>
  Promise<T>;

function looksLikeSeveralStatements(sql: string): boolean {
  // Only to choose the message: the server has already refused the text as a whole.
  return /;\s*\S/.test(blankLiterals(sql).replace(/;\s*$/, ''));
}

export class MysqlEngine implements Engine {
  readonly name = 'mysql' as const;
  readonly fingerprint: string;
  private readonly learnerLane = new Lane();
  /** Hidden datasets alternate between the two learner sessions: the server works on two. */
  private readonly secondLane = new Lane();
  private readonly referenceLane = new Lane();
  private control: Session | undefined;
  private readonly multiSessions: (Session | undefined)[] = [];
  private readonly maxRows: number;
  /** Scratch databases being dropped: close() waits for them. */
  private readonly pending = new Set<Promise<void>>();
  private readonly explainPinned = new Set<Session>();
  /** Exercises' own datasets, by name, once built. */
  private readonly extra = new Map<string, ServerDataset>();

  private constructor(
    readonly datasets: ServerDataset[],
    private readonly learner: Session,
    private readonly second: Session,
    private readonly reference: Session,
    private readonly options: MysqlEngineOptions,
  ) {
    this.fingerprint = `${learner.flavor}:${learner.version}:${datasets[0].database}`;
    this.maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  }

  get flavor(): Session['flavor'] {
    return this.learner.flavor;
  }

  get version(): string {
    return this.learner.version;
  }

  static async open(options: MysqlEngineOptions): Promise<MysqlEngine> {
    const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
    const limits = (flavor: Session['flavor']) => flavor === 'mariadb'
      ? `max_statement_time = ${options.timeoutMs / 1000}`
      // MySQL limits only SELECT this way; KILL QUERY covers the rest.
      : `max_execution_time = ${options.timeoutMs}`;
    const [learner, second, reference] = await Promise.all([connect(options.target),
      connect(options.target), connect(options.target)]);

    try {
      const [unsafe, ready] = await Promise.all([foreignGrants(learner.connection),
        datasetsReady(reference.connection, options.fixtures)]);
      if (unsafe.length > 0) {
        throw new UserError(`Пользователь ${options.target.user} видит не только базы dbcourse ` +
          `(${unsafe[0]}). Учебные запросы так выполнять нельзя: на этом сервере может быть ` +
          'ваш настоящий магазин. Создайте отдельного пользователя: dbcourse db setup ' +
          `--admin-url ${formatMysqlUrl(options.target)}`);
      }

      if (!ready) {
        const builder = await connect(options.target, { multipleStatements: true });
        try {
          await ensureDatasets(builder.connection, options.fixtures);
        } finally {
          await builder.connection.end();
        }
      }

      // The server stops a statement itself; the client only backs it up (KILL QUERY).
      await Promise.all([
        ...[learner, second].map((s) => s.connection.query(`SET SESSION ${limits(s.flavor)}, ` +
          `sql_select_limit = ${maxRows + 1}`)),
        reference.connection.query(`SET SESSION ${limits(reference.flavor)}`),
      ]);
      return new MysqlEngine(datasetDatabases(options.fixtures), learner, second, reference,
        options);
    } catch (error) {
      await Promise.all([learner, second, reference]
        .map((s) => s.connection.end().catch(() => undefined)));
      throw error;
    }
  }

  warmUp(): void {
    // Connections are open already: nothing to start.
  }

  query(dataset: string, sql: string, options: QueryOptions = {}): Promise<QueryOutcome> {
    const database = this.database(dataset);
    const text = sql.replace(/^\uFEFF/, '');
    if (isBlankSql(text)) return Promise.resolve({ ok: false, failure: { kind: 'empty' } });

    if (options.trusted) return this.referenceLane.run(() => this.runTrusted(database, text));
    const odd = this.datasets.findIndex((d) => d.database === database) % 2 === 1;
    return odd ? this.secondLane.run(() => this.runLearner(this.second, database, text))
      : this.learnerLane.run(() => this.runLearner(this.learner, database, text));
  }

  /**
   * Change statements in a transaction on the dataset database, every table read inside it,
   * then ROLLBACK: nothing persists. The checker has already refused anything but
   * INSERT/UPDATE/DELETE/SELECT (no DDL or COMMIT, which would end the transaction).
   */
  change(dataset: string, sql: string, options: QueryOptions = {}): Promise<ChangeOutcome> {
    const database = this.database(dataset);
    const text = sql.replace(/^\uFEFF/, '');
    if (isBlankSql(text)) return Promise.resolve({ ok: false, failure: { kind: 'empty' } });

    const trusted = Boolean(options.trusted);
    const lane = trusted ? this.referenceLane : this.learnerLane;
    return lane.run(async () => {
      // The transaction locks rows of a shared dataset: another check may hold them a moment.
      for (let attempt = 1; ; attempt++) {
        const outcome = await this.runChange(trusted, database, text);
        const busy = !outcome.ok && outcome.failure.kind === 'engine-error' &&
          /Deadlock found|Lock wait timeout/.test(outcome.failure.message);
        if (!busy || attempt === 5) return outcome;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    });
  }

  private async runChange(trusted: boolean, database: string, sql: string):
    Promise<ChangeOutcome> {
    const { connection } = await this.multi(trusted);
    const backstop = setTimeout(() => void this.kill(connection.threadId),
      this.options.timeoutMs + 1000);

    try {
      await connection.query(`USE \`${database}\``);
      await connection.query('START TRANSACTION');
      try {
        await connection.query(sql);
      } catch (error) {
        return { ok: false, failure: this.failure(error, sql, true) };
      }

      const [tables] = await connection.query('SELECT table_name FROM information_schema.tables ' +
        "WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' AND table_name <> " +
        "'_dbcourse' ORDER BY table_name") as unknown as [string[][]];
      const state: TableState = {};
      for (const [table] of tables) {
        const [rows, fields] = await connection.query(`SELECT * FROM \`${table}\``) as
          unknown as [ResultSet['rows'], FieldPacket[]];
        state[String(table)] = { columns: columnNames(fields), rows };
      }
      return { ok: true, state };
    } finally {
      clearTimeout(backstop);
      await connection.query('ROLLBACK').catch(() => undefined);
    }
  }

  /**
   * DDL on a scratch copy of the dataset database (DDL commits implicitly, so a transaction
   * cannot undo it), then the catalog, the views and the probes, each probe in a transaction
   * rolled back; the copy is dropped whatever happens.
   */
  schema(dataset: string, sql: string, request: SchemaRequest, options: QueryOptions = {}):
    Promise<SchemaOutcome> {
    const source = this.database(dataset);
    const text = sql.replace(/^\uFEFF/, '');
    if (isBlankSql(text)) return Promise.resolve({ ok: false, failure: { kind: 'empty' } });

    const trusted = Boolean(options.trusted);
    const lane = trusted ? this.referenceLane : this.learnerLane;
    return lane.run(async () => {
      const { connection } = await this.multi(trusted);
      const scratch = await createScratch(connection, source);
      try {
        return await this.runSchema(connection, scratch, text, request);
      } finally {
        // Not awaited here: the verdict does not wait for it, the connection's next query
        // queues behind it, and close() waits for it.
        this.track(this.drop(connection, scratch));
      }
    });
  }

  private async drop(connection: Connection, scratch: string): Promise<void> {
    try {
      await dropScratch(connection, scratch);
    } catch {
      // The session is gone (killed, server restarted): drop it from a fresh one.
      const fresh = await connect(this.options.target).catch(() => undefined);
      await fresh?.connection.query(`DROP DATABASE IF EXISTS \`${scratch}\``)
        .catch(() => undefined);
      await fresh?.connection.end().catch(() => undefined);
    }
  }

  private track(work: Promise<void>): void {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  private async runSchema(connection: Connection, scratch: string, sql: string,
    request: SchemaRequest): Promise<SchemaOutcome> {
    const failed = await this.guarded(connection, sql, () => connection.query(sql));
    if (failed) return { ok: false, failure: failed };

    const catalog = await readCatalog(connection, scratch, this.learner.flavor, request.tables);
    const views: SchemaState['views'] = {};
    for (const view of request.views) {
      views[view] = await this.readRows(connection, `SELECT * FROM \`${view}\``);
    }

    const probes: SchemaState['probes'] = [];
    for (const probe of request.probes) {
      await connection.query('START TRANSACTION');
      try {
        const failure = await this.guarded(connection, probe.sql,
          () => connection.query(probe.sql));
        probes.push({
          ...(failure ? { error: failure.kind === 'engine-error' ? failure.message
            : failure.kind } : {}),
          ...(probe.query ? { after: await this.readRows(connection, probe.query) } : {}),
        });
      } finally {
        await connection.query('ROLLBACK').catch(() => undefined);
      }
    }

    return { ok: true, state: { catalog, views, probes } };
  }

  /** Runs `work` with KILL QUERY as a backstop; returns the failure, if any. */
  private async guarded(connection: Connection, sql: string, work: () => Promise<unknown>):
    Promise<QueryFailure | undefined> {
    const backstop = setTimeout(() => void this.kill(connection.threadId),
      this.options.timeoutMs + 1000);
    try {
      await work();
      return undefined;
    } catch (error) {
      return this.failure(error, sql, true);
    } finally {
      clearTimeout(backstop);
    }
  }

  private async readRows(connection: Connection, sql: string): Promise<QueryOutcome> {
    let outcome: QueryOutcome | undefined;
    const failure = await this.guarded(connection, sql, async () => {
      const [rows, fields] = await connection.query(sql) as unknown as [unknown, FieldPacket[]];
      outcome = !Array.isArray(rows) ? { ok: false, failure: { kind: 'not-a-query' } }
        : rows.length > this.maxRows
          ? { ok: false, failure: { kind: 'too-many-rows', limit: this.maxRows } }
          : { ok: true, result: { columns: columnNames(fields), rows: rows as ResultSet['rows'] } };
    });
    return failure ? { ok: false, failure } : outcome!;
  }

  /** Connections that run several statements in one call (change and schema answers). */
  private async multi(trusted: boolean): Promise<Session> {
    const index = trusted ? 1 : 0;
    this.multiSessions[index] ??= await connect(this.options.target, {
      multipleStatements: true,
      settings: ['innodb_lock_wait_timeout = 5', this.learner.flavor === 'mariadb'
        ? `max_statement_time = ${this.options.timeoutMs / 1000}`
        : `max_execution_time = ${this.options.timeoutMs}`],
    });
    return this.multiSessions[index];
  }

  /**
   * The plan of a SELECT. Without CREATE INDEX statements it is explained on the dataset
   * database itself (EXPLAIN runs nothing). With them, on a scratch copy: DDL commits at once
   * in MySQL, so no transaction could take the indexes back.
   */
  plan(dataset: string, request: PlanRequest, options: QueryOptions = {}): Promise<PlanOutcome> {
    const database = this.database(dataset);
    const trusted = Boolean(options.trusted);
    const session = trusted ? this.reference : this.learner;
    const lane = trusted ? this.referenceLane : this.learnerLane;

    return lane.run(async () => {
      await this.pinExplainFormat(session);
      if (request.indexes.length === 0) return this.explain(session, database, request.select);

      return this.withScratch(trusted)(database, async (scratch): Promise<PlanOutcome> => {
        await session.connection.query(`USE \`${scratch}\``);
        for (const [i, sql] of request.indexes.entries()) {
          // One statement a call, on a connection that refuses several.
          const failure = await this.guarded(session.connection, sql,
            () => session.connection.query(sql));
          if (failure) return { ok: false, failure, statement: i };
        }
        await analyzeTables(session.connection, scratch);
        return this.explain(session, scratch, request.select);
      });
    });
  }

  /** Scratch copies on the lane's multi-statement connection (the copy is a script). */
  private withScratch(trusted: boolean): WithScratch {
    return async (database, run) => {
      const { connection } = await this.multi(trusted);
      const scratch = await createScratch(connection, database);
      try {
        return await run(scratch);
      } finally {
        // As for schema checks: dropped in the background, close() waits for it.
        this.track(this.drop(connection, scratch));
      }
    };
  }

  private async explain(session: Session, database: string, select: string):
    Promise<PlanOutcome> {
    await session.connection.query(`USE \`${database}\``);
    let raw: RawMysqlPlan | undefined;
    const failure = await this.guarded(session.connection, select, async () => {
      raw = await explainSelect(session.connection, database, select, session.flavor);
    });
    return failure || !raw ? { ok: false, failure: failure ?? { kind: 'not-a-query' } }
      : { ok: true, plan: readMysqlPlan(raw) };
  }

  /** MySQL 8.3+ can print a second JSON layout; the reader knows the first. */
  private async pinExplainFormat(session: Session): Promise<void> {
    if (session.flavor !== 'mysql' || this.explainPinned.has(session)) return;
    this.explainPinned.add(session);
    // Before 8.3 the variable does not exist and the first layout is the only one.
    await session.connection.query('SET SESSION explain_json_format_version = 1')
      .catch(() => undefined);
  }

  async readsTables(sql: string, options: QueryOptions = {}): Promise<boolean | undefined> {
    const session = options.trusted ? this.reference : this.learner;
    const lane = options.trusted ? this.referenceLane : this.learnerLane;
    const database = this.datasets[0].database;

    return lane.run(async () => {
      try {
        await session.connection.query(`USE \`${database}\``);
        const [rows, fields] = await session.connection.query(`EXPLAIN ${sql.replace(
          /^\uFEFF/, '').replace(/;\s*$/, '')}`) as unknown as [unknown[][], FieldPacket[]];
        const table = columnNames(fields).indexOf('table');
        return rows.some((row) => row[table] !== null && !String(row[table]).startsWith('<'));
      } catch {
        return undefined;
      }
    });
  }

  /** Drops the datasets of other fixture versions (an explicit `db setup` step). */
  async exerciseDataset(spec: { property: string; changes: string }): Promise<DatasetInfo> {
    const name = exerciseDatasetName(spec.changes);
    if (!this.extra.has(name)) {
      const builder = await connect(this.options.target, { multipleStatements: true });
      try {
        this.extra.set(name, await ensureExerciseDataset(builder.connection,
          this.options.fixtures, name, spec.property, spec.changes));
      } finally {
        await builder.connection.end().catch(() => undefined);
      }
    }
    return { name, property: spec.property };
  }

  /** The datasets whose rows changed since they were built (they never should). */
  damagedDatasets(): Promise<string[]> {
    return this.referenceLane.run(async () =>
      (await damagedDatasets(this.reference.connection, this.options.fixtures, false))
        .map((d) => d.name));
  }

  /** Builds damaged datasets again (an explicit `db setup` step); returns their names. */
  async repairDatasets(): Promise<string[]> {
    const damaged = await this.referenceLane.run(() =>
      damagedDatasets(this.reference.connection, this.options.fixtures, true));
    if (damaged.length === 0) return [];
    const builder = await connect(this.options.target, { multipleStatements: true });
    try {
      await rebuildDatasets(builder.connection, this.options.fixtures, damaged);
    } finally {
      await builder.connection.end().catch(() => undefined);
    }
    return damaged.map((d) => d.name);
  }

  dropStaleDatasets(): Promise<number> {
    return this.referenceLane.run(() =>
      dropStaleDatasets(this.reference.connection, this.options.fixtures));
  }

  async close(): Promise<void> {
    await Promise.all(this.pending);
    await Promise.all([this.learner, this.second, this.reference, this.control,
      ...this.multiSessions]
      .map((s) => s?.connection.end().catch(() => undefined)));
  }

  private database(dataset: string): string {
    const found = this.datasets.find((d) => d.name === dataset) ?? this.extra.get(dataset);
    if (!found) throw new Error(`unknown dataset ${dataset}`);
    return found.database;
  }

  private async runTrusted(database: string, sql: string): Promise<QueryOutcome> {
    const { connection } = this.reference;
    try {
      await connection.query(`USE \`${database}\``);
      const [rows, fields] = await connection.query(sql) as unknown as [unknown, FieldPacket[]];
      return Array.isArray(rows)
        ? { ok: true, result: { columns: columnNames(fields), rows: rows as ResultSet['rows'] } }
        : { ok: false, failure: { kind: 'not-a-query' } };
    } catch (error) {
      return { ok: false, failure: this.failure(error, sql) };
    }
  }

  private async runLearner(session: Session, database: string, sql: string):
    Promise<QueryOutcome> {
    const { connection } = session;
    // Table maintenance (OPTIMIZE, ANALYZE, REPAIR) and SET STATEMENT ... FOR return rows too,
    // and commit or unpin the session: a query starts with SELECT, WITH, VALUES or TABLE.
    const head = /^\(*\s*([a-z]+)/i.exec(blankLiterals(sql, { dialect: 'mysql' }).trim())?.[1];
    if (!head || !/^(select|with|values|table)$/i.test(head)) {
      return { ok: false, failure: { kind: 'not-a-query' } };
    }
    await connection.query(`USE \`${database}\``);

    // Preparing parses without running: a statement with no result columns is not a query.
    try {
      const prepared = await connection.prepare(sql);
      const columns = (prepared as unknown as { statement: { columns: unknown[] } })
        .statement.columns.length;
      await prepared.close();
      if (columns === 0) return { ok: false, failure: { kind: 'not-a-query' } };
    } catch (error) {
      return { ok: false, failure: this.failure(error, sql) };
    }

    await connection.query('START TRANSACTION READ ONLY');
    const backstop = setTimeout(() => void this.kill(connection.threadId),
      this.options.timeoutMs + 1000);


    try {
      const [rows, fields] = await connection.query(sql) as unknown as [unknown, FieldPacket[]];
      if (!Array.isArray(rows)) return { ok: false, failure: { kind: 'not-a-query' } };
      if (rows.length > this.maxRows) {
        return { ok: false, failure: { kind: 'too-many-rows', limit: this.maxRows } };
      }
      const result = { columns: columnNames(fields), rows: rows as ResultSet['rows'] };
      return { ok: true, result };
    } catch (error) {
      return { ok: false, failure: this.failure(error, sql) };
    } finally {
      clearTimeout(backstop);
      await connection.query('ROLLBACK').catch(() => undefined);
    }
  }

  /** `several`: the text may hold several statements (changes, DDL), so 1064 is syntax. */
  private failure(error: unknown, sql: string, several = false): QueryFailure {
    const e = asMysqlError(error);
    if (e.errno !== undefined && TIMEOUT_ERRORS.has(e.errno)) {
      return { kind: 'timeout', seconds: this.options.timeoutMs / 1000 };
    }
    if (e.errno === 1065) return { kind: 'empty' };
    if (e.errno === 1064 && !several && looksLikeSeveralStatements(sql)) {
      return { kind: 'multiple-statements' };
    }
    return { kind: 'engine-error', message: e.message, statement: sql };
  }

  /** KILL QUERY from a second connection: stops the statement, keeps the session. */
  private async kill(threadId = this.learner.connection.threadId): Promise<void> {
    try {
      this.control ??= await connect(this.options.target);
      await this.control.connection.query(`KILL QUERY ${threadId}`);
    } catch {
      // The statement ended meanwhile, or the server is gone: the caller gets its error.
    }
  }
}

export type { Connection };
