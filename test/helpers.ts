import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { main } from '../src/cli/main.js';
import type { Io } from '../src/cli/io.js';
import type { Engine } from '../src/engines/engine.js';
import { MysqlEngine } from '../src/engines/mysql/engine.js';
import { parseMysqlUrl } from '../src/engines/mysql/url.js';
import { SqliteEngine } from '../src/engines/sqlite/engine.js';
import { fixturesDir } from '../src/util/paths.js';

export const root = resolve(import.meta.dirname, '..');
export const fixtureCourse = join(root, 'test', 'fixture-course');

export function tempDir(name = 'dbcourse-test-'): string {
  return mkdtempSync(join(tmpdir(), name));
}

export function sharedCache(): string {
  return process.env.DBCOURSE_TEST_CACHE ?? tempDir('dbcourse-cache-');
}

let engine: SqliteEngine | undefined;

/** One SQLite engine on the real bookstore datasets for a whole test file. */
export function bookstoreEngine(timeoutMs = 10_000): SqliteEngine {
  engine ??= new SqliteEngine({ fixtures: { dir: fixturesDir() }, cacheRoot: sharedCache(),
    timeoutMs, trustReferences: true });
  return engine;
}

/** The MySQL/MariaDB URL of the test user, when the MySQL suite runs (see global-setup). */
export const mysqlUrl = process.env.DBCOURSE_TEST_MYSQL_URL;

export interface EngineCase {
  name: 'sqlite' | 'mysql';
  open(timeoutMs?: number): Promise<Engine>;
}

/** The engines one suite loops over: SQLite always, MySQL when a test server is given. */
export const engineCases: EngineCase[] = [
  { name: 'sqlite', open: async (timeoutMs = 10_000) => new SqliteEngine({
    fixtures: { dir: fixturesDir() }, cacheRoot: sharedCache(), timeoutMs,
    trustReferences: true }) },
  ...(mysqlUrl ? [{ name: 'mysql' as const, open: async (timeoutMs = 10_000) =>
    MysqlEngine.open({ target: parseMysqlUrl(mysqlUrl), fixtures: { dir: fixturesDir() },
      timeoutMs }) }] : []),
];

/** A learner's machine in temporary folders: data, workspace, and the fixture course. */
export function learnerEnv(extra: Record<string, string> = {}): Record<string, string> {
  const home = tempDir('dbcourse-learner-');
  return {
    DBCOURSE_DATA_DIR: join(home, 'data'),
    DBCOURSE_WORKSPACE: join(home, 'answers'),
    DBCOURSE_CACHE_DIR: sharedCache(),
    DBCOURSE_LESSONS_DIR: fixtureCourse,
    DBCOURSE_PAGER: '',
    ...extra,
  };
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs dbcourse in this process, as a pipe (tty: false) or as a terminal. */
export async function runCli(args: string[], env: Record<string, string>,
  options: { tty?: boolean; columns?: number } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const stdin = Readable.from([]) as Io['stdin'];
  const io: Io = {
    stdout: { write: (t: string) => { stdout += t; }, isTTY: options.tty ?? false,
      columns: options.columns ?? 80, rows: 10_000 },
    stderr: { write: (t: string) => { stderr += t; } },
    stdin,
    env,
  };
  const result = await main(args, io);
  return { code: result.code, stdout, stderr };
}

/** Runs the built program as a separate process (needs `npm run build`). */
export function spawnCli(args: string[], env: Record<string, string>, timeoutMs = 20_000) {
  return spawnSync(process.execPath, [join(root, 'bin', 'dbcourse'), ...args], {
    // Checks run in their own process unless a test is about the check server.
    env: { PATH: process.env.PATH ?? '', HOME: env.HOME ?? tempDir(), DBCOURSE_SERVER: '0',
      ...env },
    encoding: 'utf8',
    timeout: timeoutMs,
  });
}

// eslint-disable-next-line no-control-regex
export const ansi = /\u001b\[[0-9;]*m/;
