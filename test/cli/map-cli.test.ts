// The map's plain-command side: --json shapes, pipes that get plain text, and the real
// program in a pseudo-terminal (util-linux `script`) opening the map and quitting it.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { learnerEnv, root, runCli } from '../helpers.js';
import { mapCourse } from '../ui/screens.js';

// Every escape sequence, not only colours: screen switches and cursor moves too.
// eslint-disable-next-line no-control-regex
const escapes = /\u001b[[\]()#;?]*[0-9;?]*[A-Za-z]?/;

function mapLearner(): Record<string, string> {
  return learnerEnv({ DBCOURSE_LESSONS_DIR: mapCourse });
}

async function passLesson13(env: Record<string, string>): Promise<void> {
  await runCli(['show', '1-3'], env);
  appendFileSync(join(env.DBCOURSE_WORKSPACE, 'group-by', 'group-question.txt'), 'b\n');
  expect((await runCli(['check', '1-3'], env)).code).toBe(0);
}

describe('list --json and progress --json', () => {
  it('give every chapter, topic and lesson with ids, titles, states and counts', async () => {
    const env = mapLearner();
    await passLesson13(env);
    await runCli(['show', '1-1'], env);

    const run = await runCli(['list', '--json'], env);
    expect(run.code).toBe(0);
    const list = JSON.parse(run.stdout);
    expect(list).toMatchObject({ format: 1, engine: 'sqlite', lessons: { passed: 1, total: 4 },
      next: 'lesson-1-1' });
    expect(list.chapters.map((c: { key: string }) => c.key)).toEqual(['basics', 'joins']);
    expect(list.chapters[0]).toMatchObject({ number: 1, title: 'Основы',
      lessons: { passed: 1, total: 3 } });
    expect(list.chapters[0].topics[0].lessons[0]).toEqual({
      id: 'lesson-1-1', short: '1-1', key: 'long-theory', title: 'Выборка строк',
      state: 'started', exercises: { passed: 0, total: 2, required: 2 },
    });
    expect(list.chapters[0].topics[1].lessons[0]).toMatchObject({ id: 'lesson-1-3',
      state: 'passed', exercises: { passed: 1, total: 1, required: 1 } });
    expect(list.chapters[1].topics[0].lessons[0]).toMatchObject({ state: 'new' });

    const progress = JSON.parse((await runCli(['progress', '--json'], env)).stdout);
    expect(progress).toEqual({
      format: 1,
      engine: 'sqlite',
      lessons: { passed: 1, total: 4 },
      exercises: { passed: 1, total: 5 },
      hints: 0,
      gaveUp: 0,
      next: { id: 'lesson-1-1', short: '1-1', title: 'Выборка строк' },
      chapters: [
        { number: 1, key: 'basics', title: 'Основы', lessons: { passed: 1, total: 3 },
          exercises: { passed: 1, total: 4 } },
        { number: 2, key: 'joins', title: 'Соединения', lessons: { passed: 0, total: 1 },
          exercises: { passed: 0, total: 1 } },
      ],
      store: join(env.DBCOURSE_DATA_DIR, 'progress.json'),
    });
  });

  it('is plain JSON even on a terminal', async () => {
    const env = learnerEnv();
    const run = await runCli(['list', '--json'], env, { tty: true });
    expect(run.stdout).not.toMatch(escapes);
    expect(JSON.parse(run.stdout).next).toBe('lesson-1-1');
  });
});

describe('without a terminal', () => {
  it('list -i and show -i print the plain list and lesson, with a note on stderr', async () => {
    const env = mapLearner();
    const list = await runCli(['list', '-i'], env);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('[ ] 1-1   Выборка строк  ← дальше');
    expect(list.stdout).not.toMatch(escapes);
    expect(list.stderr).toContain('Карта курса открывается только в терминале');

    const show = await runCli(['show', '1-1', '--interactive'], env);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('Урок 1-1. Выборка строк');
    expect(show.stdout).toContain('ПРАКТИКА: РЕШЕНО 0 ИЗ 2');
    expect(show.stdout).not.toMatch(escapes);
  });

  it('dbcourse alone still shows the next lesson when stdin or stdout is not a terminal',
    async () => {
      const env = mapLearner();
      // Output to a terminal, input from a pipe: no screen can take keys.
      const run = await runCli([], env, { tty: true });
      expect(run.stdout).toContain('Добро пожаловать в dbcourse');
      expect(run.stdout).toContain('Урок 1-1. Выборка строк');

      // Global options with a value are not a command: still "next", not the help.
      const other = await runCli(['--workspace', join(env.DBCOURSE_WORKSPACE, 'x'), '--engine',
        'sqlite'], env);
      expect(other.code).toBe(0);
      expect(other.stdout).toContain('Урок 1-1. Выборка строк');
      expect(other.stdout).not.toContain('Использование:');
    });

  it('a terminal in CI does not get the map (Ink would show only its last frame)', async () => {
    const env = { ...mapLearner(), CI: 'true' };
    const stdin = Object.assign(Readable.from([]), { isTTY: true }) as Io['stdin'];
    let stdout = '';
    const result = await main(['list', '-i'], {
      stdout: { write: (t: string) => { stdout += t; }, isTTY: true, columns: 80 },
      stderr: { write: () => true },
      stdin,
      env,
    });
    expect(result.code).toBe(0);
    expect(stdout).toContain('Выборка строк');
  });
});

const hasScript = spawnSync('script', ['--version']).status === 0;

describe.skipIf(!hasScript)('in a real terminal (pseudo-terminal through script)', () => {
  it('dbcourse opens the course map; q leaves it and prints where to continue', async () => {
    const env = mapLearner();
    await passLesson13(env);
    const child = spawn('script', ['-q', '-e', '-c',
      `stty rows 30 cols 100; exec "${process.execPath}" "${join(root, 'bin', 'dbcourse')}"`,
      '/dev/null'], { env: { PATH: process.env.PATH ?? '', TERM: 'xterm', ...env } });

    let output = '';
    const plain = () => output.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (plain().includes('карта курса') && !child.stdin.writableEnded) child.stdin.end('q');
    });

    expect(await exit).toBe(0);
    expect(output).toContain('\u001b[?1049h');
    expect(plain()).toContain('Глава 1. Основы');
    expect(plain()).toContain('Пройдено уроков: 1 из 4. Продолжить: dbcourse (урок 1-1).');
  });
});
