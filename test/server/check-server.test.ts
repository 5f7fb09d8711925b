// The check server: a check hands itself to a server that the previous check started, with
// the same verdicts, output and exit codes as a check run on its own, and the server ends
// by itself (idle, socket file removed) and is replaced when it died.
import { spawnSync } from 'node:child_process';
import {
  appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { learnerEnv, root, spawnCli, tempDir } from '../helpers.js';

const endless = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)
SELECT COUNT(*) FROM n`;

/** Process ids of running check servers listening at a socket under `dir`. */
function serverPids(dir: string): number[] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).flatMap((pid) => {
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return command.some((arg) => arg.endsWith('server.js')) &&
        command.some((arg) => arg.startsWith(dir)) ? [Number(pid)] : [];
    } catch {
      return [];
    }
  });
}

async function until(what: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!what()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A learner with a cache folder of their own, so that the server is theirs alone. */
function learner(extra: Record<string, string> = {}) {
  const cache = tempDir('dbcourse-server-cache-');
  // One home for all its commands: the server of another home is not theirs.
  const env = learnerEnv({ DBCOURSE_CACHE_DIR: cache, DBCOURSE_SERVER: '1',
    HOME: tempDir('dbcourse-home-'), ...extra });
  spawnCli(['show', '1-1'], env);
  const answers = join(env.DBCOURSE_WORKSPACE, 'two-queries');
  appendFileSync(join(answers, 'books-per-language.sql'),
    'SELECT language, COUNT(*) FROM books GROUP BY language');
  appendFileSync(join(answers, 'cheap-books.sql'), 'SELECT title FROM books');
  const serverDir = join(cache, 'server');
  const socket = () => existsSync(serverDir)
    ? readdirSync(serverDir).find((f) => f.endsWith('.sock')) : undefined;
  return { env, answers, serverDir, socket };
}

function stop(dir: string): void {
  for (const pid of serverPids(dir)) process.kill(pid, 'SIGTERM');
}

describe('the check server', () => {
  beforeAll(() => {
    if (!existsSync(join(root, 'dist', 'server.js'))) throw new Error('run npm run build first');
  });

  it('answers the next checks with the same output and exit codes, and stops runaways ' +
    'without killing anything but its sandbox', async () => {
    const { env, answers, serverDir, socket } = learner({ DBCOURSE_QUERY_TIMEOUT_MS: '400' });
    try {
      const alone = spawnCli(['check', '1-1'], env);
      expect(alone.status).toBe(1);
      await until(() => socket() !== undefined && serverPids(serverDir).length === 1);
      const [pid] = serverPids(serverDir);

      const served = spawnCli(['check', '1-1'], env);
      expect(served.status).toBe(1);
      expect(served.stdout).toBe(alone.stdout);
      expect(served.stderr).toBe('');
      expect(spawnCli(['check', '1-1', 'no-such-exercise'], env).status).toBe(2);

      // On its own, a check whose query ran away must end by SIGKILL (status 137); the
      // server kills only its sandbox process, so the answer is an ordinary failed check.
      writeFileSync(join(answers, 'cheap-books.sql'), endless);
      const runaway = spawnCli(['check', '1-1'], env);
      expect([runaway.status, runaway.signal, runaway.stderr]).toEqual([1, null, ""]);
      expect(runaway.stdout).toContain('выполнялся дольше 0.4 с и был остановлен');
      expect(runaway.stdout).toMatch(/\[x\] 2\. Книги по языкам/);
      expect(serverPids(serverDir)).toEqual([pid]);

      const progress = JSON.parse(readFileSync(join(env.DBCOURSE_DATA_DIR, 'progress.json'),
        'utf8'));
      expect(progress.lessons['two-queries'].exercises['books-per-language'].passed).toBe(true);
      expect(progress.lessons['two-queries'].exercises['cheap-books'].attempts).toBe(3);
    } finally {
      stop(serverDir);
    }
  });

  it('takes colour and width from the learner\'s terminal settings, not its own', async () => {
    const { env, serverDir, socket } = learner();
    try {
      spawnCli(['check', '1-1'], env);
      await until(() => socket() !== undefined);
      const local = spawnCli(['check', '1-1'], { ...env, DBCOURSE_SERVER: '0',
        FORCE_COLOR: '1', COLUMNS: '50' });
      const served = spawnCli(['check', '1-1'], { ...env, FORCE_COLOR: '1', COLUMNS: '50' });
      expect(served.stdout).toContain('\u001b[');
      expect(served.stdout).toBe(local.stdout);
    } finally {
      stop(serverDir);
    }
  });

  it('finds a workspace given relative to the folder the learner runs dbcourse in',
    async () => {
      const { env, serverDir, socket } = learner();
      const here = tempDir('dbcourse-cwd-');
      mkdirSync(join(here, 'mine', 'two-queries'), { recursive: true });
      writeFileSync(join(here, 'mine', 'two-queries', 'books-per-language.sql'),
        'SELECT language, COUNT(*) FROM books GROUP BY language');
      const check = () => spawnSync(process.execPath, [join(root, 'bin', 'dbcourse'),
        '--workspace', 'mine', 'check', '1-1', 'books-per-language'],
      { env: { PATH: process.env.PATH ?? '', ...env }, cwd: here, encoding: 'utf8' });
      try {
        expect(check().status).toBe(0);
        await until(() => socket() !== undefined);
        const served = check();
        expect(served.status).toBe(0);
        expect(served.stdout).toContain(join(here, 'mine', 'two-queries'));
      } finally {
        stop(serverDir);
      }
    });

  it('ends when idle, and when its socket file is removed', async () => {
    const idle = learner({ DBCOURSE_SERVER_IDLE_MS: '300' });
    spawnCli(['check', '1-1'], idle.env);
    await until(() => idle.socket() !== undefined);
    await until(() => serverPids(idle.serverDir).length === 0 && idle.socket() === undefined);

    const removed = learner();
    spawnCli(['check', '1-1'], removed.env);
    await until(() => removed.socket() !== undefined);
    const file = join(removed.serverDir, removed.socket()!);
    // Removed with the cache folder, say: it must not stay behind.
    spawnSync('rm', [file]);
    await until(() => serverPids(removed.serverDir).length === 0);
  });

  it('ends when a new build replaces its code', async () => {
    // A copy of the built package, so that "rebuilding" it touches nobody else's server.
    const copy = tempDir('dbcourse-package-');
    for (const name of ['package.json', 'bin', 'dist']) {
      cpSync(join(root, name), join(copy, name), { recursive: true });
    }
    for (const name of ['node_modules', 'fixtures']) {
      symlinkSync(join(root, name), join(copy, name));
    }
    const { env, serverDir, socket } = learner();
    try {
      spawnSync(process.execPath, [join(copy, 'bin', 'dbcourse'), 'check', '1-1'],
        { env: { PATH: process.env.PATH ?? '', ...env } });
      await until(() => socket() !== undefined && serverPids(serverDir).length === 1);
      const script = join(copy, 'dist', 'server.js');
      const code = readFileSync(script);
      rmSync(script);
      writeFileSync(script, code);
      await until(() => serverPids(serverDir).length === 0);
      // Its socket file went with it: the new build's server listens at another address.
      expect(socket()).toBeUndefined();
    } finally {
      stop(serverDir);
    }
  });

  it('is replaced when it died and left its socket file behind', async () => {
    const { env, serverDir, socket } = learner();
    try {
      const alone = spawnCli(['check', '1-1'], env);
      await until(() => socket() !== undefined && serverPids(serverDir).length === 1);
      const [dead] = serverPids(serverDir);
      process.kill(dead, 'SIGKILL');
      await until(() => !serverPids(serverDir).includes(dead));
      expect(socket()).toBeDefined();

      const again = spawnCli(['check', '1-1'], env);
      expect(again.status).toBe(alone.status);
      expect(again.stdout).toBe(alone.stdout);
      await until(() => serverPids(serverDir).length === 1);
      expect(spawnCli(['check', '1-1'], env).stdout).toBe(alone.stdout);
    } finally {
      stop(serverDir);
    }
  });

  it('closes a connection that sends no request and goes on serving checks', async () => {
    const { env, serverDir, socket } = learner();
    try {
      const alone = spawnCli(['check', '1-1'], env);
      await until(() => socket() !== undefined && serverPids(serverDir).length === 1);
      const [pid] = serverPids(serverDir);
      for (const junk of ['not json\n', '{"argv": 5}\n']) {
        await new Promise<void>((resolve) => {
          const client = connect(join(serverDir, socket()!));
          client.on('connect', () => client.write(junk));
          client.on('close', () => resolve());
          client.on('error', () => resolve());
        });
      }
      expect(serverPids(serverDir)).toEqual([pid]);
      expect(spawnCli(['check', '1-1'], env).stdout).toBe(alone.stdout);
    } finally {
      stop(serverDir);
    }
  });

  it('is never started with DBCOURSE_SERVER=0', async () => {
    const { env, serverDir } = learner({ DBCOURSE_SERVER: '0' });
    spawnCli(['check', '1-1'], env);
    spawnCli(['check', '1-1'], env);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(existsSync(serverDir)).toBe(false);
  });
});
