/**
 * Which engine a command uses, and opening it. The choice comes from, in order: --engine,
 * DBCOURSE_ENGINE, the saved settings (`dbcourse db use`), and SQLite by default.
 */
import { UsageError } from '../cli/errors.js';
import type { EngineName } from '../course/format.js';
import type { Settings } from '../settings/settings.js';
import type { Engine } from './engine.js';
import type { FixtureSource } from './fixtures.js';

export interface EngineChoice {
  name: EngineName;
  /** Where the choice came from, for `db status`. */
  source: 'option' | 'environment' | 'settings' | 'default';
  mysqlUrl?: string;
}

export const DEFAULT_MYSQL_URL = 'mysql://dbcourse@127.0.0.1:3306';

function engineName(value: string, where: string): EngineName {
  if (value === 'sqlite' || value === 'mysql') return value;
  throw new UsageError(`${where}: «${value}» — нет такой СУБД. Есть sqlite и mysql.`);
}

export function chooseEngine(option: string | undefined, env: Record<string, string | undefined>,
  settings: Settings): EngineChoice {
  const mysqlUrl = env.DBCOURSE_MYSQL_URL || settings.mysqlUrl;
  if (option) return { name: engineName(option, '--engine'), source: 'option', mysqlUrl };
  if (env.DBCOURSE_ENGINE) {
    return { name: engineName(env.DBCOURSE_ENGINE, 'DBCOURSE_ENGINE'), source: 'environment',
      mysqlUrl };
  }
  if (settings.engine) return { name: settings.engine, source: 'settings', mysqlUrl };
  return { name: 'sqlite', source: 'default', mysqlUrl };
}

export interface OpenOptions {
  fixtures: FixtureSource;
  cacheRoot: string;
  timeoutMs: number;
  /** Run reference SQL outside the sandbox (SQLite); off for authoring checks. */
  trustReferences?: boolean;
  /**
   * SQLite's sandbox for learners' SQL: a thread by default, a child process for long-lived
   * commands, where a runaway statement must be killed rather than left to the exit.
   */
  isolation?: 'thread' | 'process';
}

/**
 * Opens a command's engine. Commands open their own and close it when done; the check server
 * lends engines it keeps open between checks (src/server/engine-lender.ts).
 */
export interface EngineSource {
  open(choice: EngineChoice, options: OpenOptions): Promise<Engine>;
}

export async function openEngine(choice: EngineChoice, options: OpenOptions): Promise<Engine> {
  if (choice.name === 'sqlite') {
    const { SqliteEngine } = await import('./sqlite/engine.js');
    return new SqliteEngine({ ...options, trustReferences: options.trustReferences ?? true });
  }

  const { MysqlEngine } = await import('./mysql/engine.js');
  const { parseMysqlUrl } = await import('./mysql/url.js');
  const { unreachableMessage } = await import('./mysql/messages.js');
  const target = parseMysqlUrl(choice.mysqlUrl ?? DEFAULT_MYSQL_URL);

  try {
    return await MysqlEngine.open({ target, fixtures: options.fixtures,
      timeoutMs: options.timeoutMs });
  } catch (error) {
    throw unreachableMessage(error, target);
  }
}
