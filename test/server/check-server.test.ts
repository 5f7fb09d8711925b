// The check server: a check hands itself to a server that the previous check started, with
// the same verdicts, output and exit codes as a check run on its own, and the server ends
// by itself (idle, socket file removed) and is replaced when it died.
import { spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync, chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync,
  readlinkSync, rmSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { connect, createServer } from 'node:net';
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

/**
 * Sends text to a socket and gives what comes back until the server closes it; says `go` when
 * accepted, as a check client does, unless `go` is false.
 */
function talk(path: string, text: string, go = true): Promise<string> {
  return new Promise((resolve) => {
    let answer = '';
    const client = connect(path);
    client.setEncoding('utf8');
    client.on('connect', () => client.write(text));
    client.on('data', (chunk: string) => {
      answer += chunk;
      if (answer === '{"accepted":true}\n') {
        if (go) client.write('{"go":true}\n');
        else client.destroy();
      }
    });
    client.on('close', () => resolve(answer));
    client.on('error', () => undefined);
  });
}

/** A request as a check client sends it. */
function request(argv: string[], env: Record<string, string>, cwd: string): string {
  return JSON.stringify({ argv, env: { PATH: process.env.PATH ?? '', ...env }, cwd,
    stdout: { isTTY: false }, stderr: { isTTY: false } }) + '\n';
}

/** A check in a process of its own that the test does not wait for. */
function startCli(args: string[], env: Record<string, string>):
  Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(root, 'bin', 'dbcourse'), ...args],
    { env: { PATH: process.env.PATH ?? '', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  return new Promise((resolve) => {
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
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
      writeFileSync(join(here, 'mine', 'two-queries', 'cheap-books.sql'), 'SELECT 1');
      const check = (extra: Record<string, string> = {}, exercise = 'books-per-language') =>
        spawnSync(process.execPath, [join(root, 'bin', 'dbcourse'), '--workspace', 'mine',
          'check', '1-1', exercise],
        { env: { PATH: process.env.PATH ?? '', ...env, ...extra }, cwd: here, encoding: 'utf8' });
      try {
        expect(check().status).toBe(0);
        await until(() => socket() !== undefined);
        const served = check();
        expect(served.status).toBe(0);
        expect(served.stdout).toContain(join(here, 'mine', 'two-queries'));
        // Nor does it stay in that folder after the check (it could not be unmounted), nor
        // a sandbox process started for a check there (another time limit needs a new one).
        expect(check({ DBCOURSE_QUERY_TIMEOUT_MS: '4321' }, 'cheap-books').status).toBe(1);
        const [pid] = serverPids(serverDir);
        expect(readlinkSync(`/proc/${pid}/cwd`)).toBe('/');
        const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim()
          .split(/\s+/).filter(Boolean);
        expect(children).toHaveLength(1);
        expect(readlinkSync(`/proc/${children[0]}/cwd`)).toBe('/');
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
      // Its socket file, which no build will use again, went with it.
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

  it('finishes the check it serves when its socket folder is removed, and leaves the ' +
    'server started meanwhile alone', async () => {
    // Longer than the 2 s in which the server sees its socket file gone.
    const { env, answers, serverDir, socket } = learner({ DBCOURSE_QUERY_TIMEOUT_MS: '3000' });
    try {
      spawnCli(['check', '1-1'], env);
      await until(() => socket() !== undefined && serverPids(serverDir).length === 1);
      const [old] = serverPids(serverDir);
      writeFileSync(join(answers, 'cheap-books.sql'), endless);
      const served = startCli(['check', '1-1'], env);
      await new Promise((resolve) => setTimeout(resolve, 500));
      // The README's way to stop the server now.
      rmSync(serverDir, { recursive: true });
      // Runs on its own and starts a server for the next check.
      spawnCli(['check', '1-1', 'books-per-language'], env);

      const answer = await served;
      expect([answer.status, answer.stderr]).toEqual([1, '']);
      expect(answer.stdout).toContain('выполнялся дольше 3 с и был остановлен');
      await until(() => !serverPids(serverDir).includes(old));
      await until(() => serverPids(serverDir).length === 1);
      const [fresh] = serverPids(serverDir);
      // The old server must not take the new one's socket file with it when it ends.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect(serverPids(serverDir)).toEqual([fresh]);
      expect(socket()).toBeDefined();
    } finally {
      stop(serverDir);
    }
  });

  it('says that the learner\'s folder is gone instead of using another one', async () => {
    const { env, serverDir, socket } = learner();
    const gone = join(tempDir('dbcourse-gone-'), 'here');
    const relative = `answers-${process.pid}`;
    try {
      spawnCli(['check', '1-1'], env);
      await until(() => socket() !== undefined);
      for (const server of ['1', '0']) {
        mkdirSync(gone);
        const check = spawnSync('sh', ['-c', `cd "${gone}" && rmdir "${gone}" && exec ` +
          `"${process.execPath}" "${join(root, 'bin', 'dbcourse')}" --workspace ${relative} ` +
          'check 1-1'], { env: { PATH: process.env.PATH ?? '', ...env, DBCOURSE_SERVER: server },
        encoding: 'utf8' });
        expect([check.status, check.stdout]).toEqual([1, '']);
        expect(check.stderr).toContain('Папки, в которой запущен dbcourse, больше нет');
      }
      // A request for a folder that went away between the client and the server.
      const answer = await talk(join(serverDir, socket()!),
        request(['--workspace', relative, 'check', '1-1'], env, gone));
      expect(answer).toContain('Папки, в которой запущен dbcourse, больше нет');
      expect(answer).toContain('{"code":1}');
      // Nothing made in the folder of an earlier check.
      expect(existsSync(join(process.cwd(), relative))).toBe(false);
      expect(existsSync(join(root, relative))).toBe(false);
    } finally {
      stop(serverDir);
    }
  });

  it('does not hand a check to a socket in a folder that others can enter', async () => {
    const { env, serverDir, socket } = learner();
    const alone = spawnCli(['check', '1-1'], env);
    await until(() => socket() !== undefined && serverPids(serverDir).length === 1);
    const path = join(serverDir, socket()!);
    stop(serverDir);
    await until(() => serverPids(serverDir).length === 0 && socket() === undefined);

    // Another user's listener in a shared cache folder, say.
    chmodSync(serverDir, 0o777);
    let reached = false;
    const stranger = createServer((connection) => {
      reached = true;
      connection.end(JSON.stringify({ accepted: true }) + '\n' +
        JSON.stringify({ out: 'всё зачтено\n' }) + '\n' + JSON.stringify({ code: 0 }) + '\n');
    });
    await new Promise<void>((resolve) => stranger.listen(path, resolve));
    chmodSync(path, 0o777);
    try {
      // Not spawnSync: the listener in this process must be free to answer.
      const check = await startCli(['check', '1-1'], env);
      expect(reached).toBe(false);
      expect([check.status, check.stdout]).toEqual([alone.status, alone.stdout]);
    } finally {
      stranger.close();
      stop(serverDir);
    }
  });

  it('closes a connection whose request never ends, and ends when idle after a refusal',
    async () => {
      const { env, serverDir, socket } = learner({ DBCOURSE_SERVER_IDLE_MS: '1500' });
      const alone = spawnCli(['check', '1-1'], env);
      await until(() => socket() !== undefined && serverPids(serverDir).length === 1);
      const [pid] = serverPids(serverDir);
      const path = join(serverDir, socket()!);
      expect(await talk(path, 'x'.repeat(9 * 1024 * 1024))).toBe('');
      expect(serverPids(serverDir)).toEqual([pid]);
      expect(spawnCli(['check', '1-1'], env).stdout).toBe(alone.stdout);

      // Not a check: refused, and the idle time still runs out.
      expect(await talk(path, request(['sql'], env, root))).toContain('{"code":2}');
      await until(() => serverPids(serverDir).length === 0);
    });

  it('does not run a check whose client gave up waiting just as its turn came', async () => {
    const { env, serverDir, socket } = learner();
    try {
      spawnCli(['check', '1-1'], env);
      await until(() => socket() !== undefined && serverPids(serverDir).length === 1);
      const progress = () => readFileSync(join(env.DBCOURSE_DATA_DIR, 'progress.json'), 'utf8');
      const before = progress();
      // Gone right after `accepted`, before saying go: it is checking on its own by now.
      expect(await talk(join(serverDir, socket()!), request(['check', '1-1'], env, root), false))
        .toBe('{"accepted":true}\n');
      const served = await talk(join(serverDir, socket()!), request(['check', '1-1'], env, root));
      expect(served).toContain('{"code":1}');
      const attempts = (text: string) => JSON.parse(text).lessons['two-queries']
        .exercises['cheap-books'].attempts as number;
      // Only the check whose client said go was counted.
      expect(attempts(progress())).toBe(attempts(before) + 1);
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
