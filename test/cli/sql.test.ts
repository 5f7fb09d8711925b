// `dbcourse sql` without a terminal: -e and piped SQL print plain tables; errors exit 1.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import { learnerEnv, mysqlUrl, root, runCli, tempDir } from '../helpers.js';
import { childrenOf, running, treeTicks, within } from '../processes.js';

// eslint-disable-next-line no-control-regex
const escape = /\u001b/;

async function piped(input: string, env: Record<string, string>, args: string[] = []) {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (t: string) => { stdout += t; }, isTTY: false },
    stderr: { write: (t: string) => { stderr += t; } },
    stdin: Object.assign(Readable.from([input]), { isTTY: false }),
    env,
  };
  const result = await main(['sql', ...args], io);
  return { code: result.code, stdout, stderr };
}

function spawnSql(args: string[], input: string, env: Record<string, string>) {
  return spawnSync(process.execPath, [join(root, 'bin', 'dbcourse'), 'sql', ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: tempDir(), ...env },
    input,
    encoding: 'utf8',
    timeout: 20_000,
  });
}

describe('dbcourse sql -e', () => {
  it('runs every statement and prints plain tables with their row counts', async () => {
    const run = await runCli(['sql', '-e',
      'SELECT id, title FROM books WHERE id <= 2 ORDER BY id; SELECT COUNT(*) AS n FROM genres'],
    learnerEnv());
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\| id \| title +\|/);
    expect(run.stdout).toContain('2 строки.');
    expect(run.stdout).toMatch(/\| +n \|/);
    expect(run.stdout).not.toMatch(escape);
    expect(run.stderr).toBe('');
  });

  it('says a change lasts until the run ends, without offering \\reset it cannot use',
    async () => {
      const run = await runCli(['sql', '-e', 'CREATE TABLE t (i INT)'], learnerEnv());
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('до конца этого запуска dbcourse sql');
      expect(run.stdout).not.toContain('\\reset');
    });

  it('exits 1 on an SQL error, explains it in Russian and runs nothing after it', async () => {
    const run = await runCli(['sql', '-e', 'SELECT 1 AS before_error; SELECT nope FROM books; ' +
      'DELETE FROM books'], learnerEnv());
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('before_error');
    expect(run.stderr).toContain('Нет столбца nope');
    expect(run.stderr).toContain('Следующие операторы не выполнены.');
    expect(run.stderr).not.toMatch(escape);
  });
  it('shows a result too wide for the screen record by record, values whole', async () => {
    const run = await runCli(['sql', '-e', 'SELECT * FROM books WHERE id = 2'], learnerEnv());
    expect(run.stdout).toContain('-[ 1 ]---');
    expect(run.stdout).toMatch(/^title +\| Дилемма инноватора$/m);
    expect(run.stdout).toMatch(/^published_year \| NULL$/m);
    const narrow = await runCli(['sql', '-e', 'SELECT id, title FROM books WHERE id = 2'],
      learnerEnv());
    expect(narrow.stdout).toMatch(/\| id \| title +\|/);
  });
});

describe('SQL piped into dbcourse sql', () => {
  it('runs multi-line statements and console commands as they arrive', async () => {
    const run = await piped('SELECT title\nFROM books\nWHERE id = 1;\n\\d books\n' +
      'SELECT COUNT(*) AS n FROM publishers', learnerEnv());
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\| title +\|/);
    expect(run.stdout).toContain('Первичный ключ: (id)');
    // The last statement may go without its ";".
    expect(run.stdout).toMatch(/\| +n \|/);
    expect(run.stdout).not.toMatch(escape);
  });

  it('stops reading at \\q', async () => {
    const run = await piped('SELECT 1 AS one;\n\\q\nSELECT nope FROM books;\n', learnerEnv());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('one');
    expect(run.stderr).toBe('');
  });

  it('exits 1 when a statement fails', async () => {
    const run = await piped('SELECT 1;\nUPDATE books SET price = -1 WHERE id = 1;\n', learnerEnv());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('нарушило ограничение CHECK (chk_books_price)');
  });
});

describe('the dbcourse sql program', () => {
  beforeAll(() => {
    if (!existsSync(join(root, 'dist', 'main.js'))) throw new Error('run npm run build first');
  });

  it('forgets every change when it exits', () => {
    const env = learnerEnv();
    const changed = spawnSql([], 'DELETE FROM book_authors;\nDELETE FROM order_items;\n' +
      'DELETE FROM reviews;\nDELETE FROM books;\nSELECT COUNT(*) AS left_over FROM books;\n', env);
    expect(changed.status).toBe(0);
    expect(changed.stdout).toMatch(/\| +0 \|/);
    expect(changed.stdout).not.toMatch(escape);

    const again = spawnSql(['-e', 'SELECT COUNT(*) > 0 AS has_books FROM books'], '', env);
    expect(again.stdout).toMatch(/\| +1 \|/);
    // Neither run is a check: the learner's progress is not written.
    expect(existsSync(join(env.DBCOURSE_DATA_DIR, 'progress.json'))).toBe(false);
  });

  it('stops a runaway statement and exits 1 at once', () => {
    const env = learnerEnv({ DBCOURSE_QUERY_TIMEOUT_MS: '400' });
    const started = Date.now();
    const run = spawnSql(['-e', 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 ' +
      'FROM n) SELECT COUNT(*) FROM n'], '', env);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('дольше 0.4 с и был остановлен');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it.runIf(process.platform === 'linux')('leaves no runaway child when it is killed hard',
    async () => {
      const env = learnerEnv({ DBCOURSE_QUERY_TIMEOUT_MS: '30000' });
      const sql = spawn(process.execPath, [join(root, 'bin', 'dbcourse'), 'sql', '-e',
        'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT COUNT(*) ' +
        'FROM n'], { env: { PATH: process.env.PATH ?? '', HOME: tempDir(), ...env },
        stdio: 'ignore' });
      let child = 0;
      try {
        // Its SQLite child is spinning in the statement: a third of a second of CPU.
        await within(10_000, () => {
          child = childrenOf(sql.pid!).find((pid) => treeTicks(pid) >= 30) ?? 0;
          return child > 0;
        });
        sql.kill('SIGKILL');
        await within(1500, () => !running(child));
      } finally {
        sql.kill('SIGKILL');
        if (child && running(child)) process.kill(child, 'SIGKILL');
      }
    });

  it('is named in the help and in the lesson page', async () => {
    const help = await runCli(['--help'], learnerEnv());
    expect(help.stdout).toMatch(/sql +консоль SQL/);
    const lesson = await runCli(['show', '1-1'], learnerEnv());
    expect(lesson.stdout).toContain('dbcourse sql');
  });
});

describe.runIf(mysqlUrl)('dbcourse sql on MySQL', () => {
  it('runs DDL in a copy that the next session no longer has', async () => {
    const env = learnerEnv({ DBCOURSE_MYSQL_URL: mysqlUrl! });
    const run = await runCli(['--engine', 'mysql', 'sql', '-e',
      'CREATE TABLE notes (id INT); INSERT INTO notes VALUES (7); SELECT id FROM notes'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\b7\b/);
    const again = await runCli(['--engine', 'mysql', 'sql', '-e', 'SELECT id FROM notes'], env);
    expect(again.code).toBe(1);
  });

  it('refuses to leave its copy, with a Russian message and exit code 1', async () => {
    const run = await runCli(['--engine', 'mysql', 'sql', '-e', 'DROP DATABASE mysql'],
      learnerEnv({ DBCOURSE_MYSQL_URL: mysqlUrl! }));
    expect(run.code).toBe(1);
    expect(run.stderr.replace(/\s+/g, ' ')).toContain('создавать, удалять и выбирать базы');
  });
});
