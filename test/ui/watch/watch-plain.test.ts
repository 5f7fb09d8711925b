// `dbcourse watch` with stdout a pipe: a real process, answer files saved beside it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { learnerEnv, root, tempDir } from '../../helpers.js';
import { rightAnswers, saveLikeVim } from './helpers.js';
import { childrenOf, quietWithin, running, treeTicks, within } from '../../processes.js';

const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'main.js'))) throw new Error('run npm run build first');
});

/** Starts `dbcourse watch` in a pipe; `output(text)` resolves once stdout has shown `text`. */
function startWatch(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [join(root, 'bin', 'dbcourse'), 'watch', ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: tempDir(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  const waiters: (() => void)[] = [];
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    for (const waiter of [...waiters]) waiter();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));

  const output = (text: string | RegExp, after = 0) => new Promise<string>((resolve, reject) => {
    const check = () => {
      const seen = stdout.slice(after);
      if (typeof text === 'string' ? seen.includes(text) : text.test(seen)) {
        waiters.splice(waiters.indexOf(check), 1);
        resolve(stdout);
      }
    };
    waiters.push(check);
    child.on('close', () => reject(new Error(`watch ended before «${text}»:\n${stdout}` +
      `\n${stderr}`)));
    check();
  });
  return { child, output, exited, text: () => stdout, errors: () => stderr };
}

function answersOf(env: Record<string, string>, id: string): string {
  return join(env.DBCOURSE_WORKSPACE, 'two-queries',
    `${id}.${id === 'what-is-null' ? 'txt' : 'sql'}`);
}

describe('watch when stdout is not a terminal', () => {
  it('prints each verdict as plain text when a file is saved, and ends on Ctrl+C', async () => {
    const env = learnerEnv();
    // No lesson given: the current one, as `dbcourse next` picks it.
    const watch = startWatch([], env);
    await watch.output('Ответ проверяется сразу, как только файл сохранён. Выход: Ctrl+C.');
    await watch.output('Решено 0 из 3.');

    let mark = watch.text().length;
    writeFileSync(answersOf(env, 'what-is-null'), 'a\n');
    await watch.output(/\[!\] 3\. Что такое NULL \(what-is-null\) — не зачтено\n {4}Вариант a/,
      mark);

    mark = watch.text().length;
    saveLikeVim(answersOf(env, 'cheap-books'), rightAnswers['cheap-books']);
    await watch.output('[x] 1. Дешёвые книги (cheap-books) — верно\nРешено 1 из 3.', mark);
    expect(watch.text()).toMatch(/\d\d:\d\d:\d\d сохранён cheap-books\.sql/);

    watch.child.kill('SIGINT');
    expect(await watch.exited).toBe(0);
    expect(watch.text()).toContain('Урок 1-1. Две задачи на запросы');
    expect(watch.text()).not.toContain('\u001b');
    expect(watch.errors()).toBe('');
  });

  it('polls with --poll, says so, and announces the lesson passed', async () => {
    const env = learnerEnv();
    const watch = startWatch(['--poll', '1-1'], env);
    await watch.output('Файлы ответов проверяются опросом раз в 250 мс (выбрано параметром ' +
      '--poll). Выход: Ctrl+C.');
    await watch.output('Решено 0 из 3.');

    const mark = watch.text().length;
    for (const [id, text] of Object.entries(rightAnswers)) saveLikeVim(answersOf(env, id), text);
    await watch.output('Урок 1-1 пройден!\nВсе уроки курса пройдены. Отличная работа!', mark);

    watch.child.kill('SIGTERM');
    expect(await watch.exited).toBe(0);
    expect(watch.text()).not.toContain('\u001b');
    expect(watch.text().match(/опросом/g)).toHaveLength(1);
  });

  it('says there is nothing to watch once every lesson is passed', async () => {
    const env = learnerEnv();
    const first = startWatch(['1-1'], env);
    await first.output('Решено 0 из 3.');
    const mark = first.text().length;
    for (const [id, text] of Object.entries(rightAnswers)) saveLikeVim(answersOf(env, id), text);
    await first.output('Урок 1-1 пройден!', mark);
    first.child.kill('SIGINT');
    await first.exited;

    const again = startWatch([], env);
    expect(await again.exited).toBe(0);
    expect(again.text()).toContain('Все уроки пройдены, следить не за чем.');
  });
});

describe('watch and a runaway query', () => {
  it.runIf(process.platform === 'linux')('stops its CPU use, checks the next save and exits ' +
    'normally', async () => {
    const env = learnerEnv({ DBCOURSE_QUERY_TIMEOUT_MS: '400' });
    const watch = startWatch(['1-1'], env);
    await watch.output('Решено 0 из 3.');

    let mark = watch.text().length;
    saveLikeVim(answersOf(env, 'cheap-books'), 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL ' +
      'SELECT n + 1 FROM r) SELECT count(*) FROM r;');
    await watch.output('выполнялся дольше 0.4 с и был остановлен', mark);
    await quietWithin(watch.child.pid!, 1500);

    mark = watch.text().length;
    saveLikeVim(answersOf(env, 'cheap-books'), rightAnswers['cheap-books']);
    await watch.output('[x] 1. Дешёвые книги (cheap-books) — верно', mark);

    // No thread was left spinning, so nothing had to end the process hard.
    watch.child.kill('SIGINT');
    expect(await watch.exited).toBe(0);
    expect(watch.errors()).toBe('');
  });

  it.runIf(process.platform === 'linux')('leaves no runaway behind when it is killed hard ' +
    'mid-check', async () => {
    const env = learnerEnv({ DBCOURSE_QUERY_TIMEOUT_MS: '30000' });
    const watch = startWatch(['1-1'], env);
    await watch.output('Решено 0 из 3.');
    saveLikeVim(answersOf(env, 'cheap-books'), 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL ' +
      'SELECT n + 1 FROM r) SELECT count(*) FROM r;');

    // The sandbox child is spinning in the runaway statement: a third of a second of CPU.
    let sandbox = 0;
    await within(10_000, () => {
      sandbox = childrenOf(watch.child.pid!).find((pid) => treeTicks(pid) >= 30) ?? 0;
      return sandbox > 0;
    });
    try {
      watch.child.kill('SIGKILL');
      await within(1500, () => !running(sandbox));
    } finally {
      if (running(sandbox)) process.kill(sandbox, 'SIGKILL');
    }
  });
});
