// The program as a learner uses it, run in-process with a fake terminal or pipe.
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { homedir } from 'node:os';
import { ansi, learnerEnv, runCli, tempDir } from '../helpers.js';

const reference: Record<string, string> = {
  'cheap-books': 'SELECT title, price FROM books WHERE price < 300 ORDER BY price, title;',
  'books-per-language': 'SELECT language, COUNT(*) AS n FROM books GROUP BY language',
  'what-is-null': 'b',
};

function answer(env: Record<string, string>, id: string, text: string): void {
  const ext = id === 'what-is-null' ? 'txt' : 'sql';
  appendFileSync(join(env.DBCOURSE_WORKSPACE, 'two-queries', `${id}.${ext}`), text + '\n');
}

describe('help and usage errors', () => {
  it('prints help in Russian and exits 0', async () => {
    const run = await runCli(['--help'], learnerEnv());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Использование: dbcourse [параметры] [команда]');
    expect(run.stdout).toContain('check <урок> [упражнение]');
    expect(run.stdout).not.toMatch(/Usage:|Options:|\[options\]/);
  });

  it('exits 2 with a Russian message for an unknown command or a missing argument', async () => {
    const unknown = await runCli(['chek', '2-4'], learnerEnv());
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Нет команды «chek»');

    const missing = await runCli(['show'], learnerEnv());
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Не хватает аргумента «урок»');

    const badId = await runCli(['show', '9-9'], learnerEnv());
    expect(badId.code).toBe(2);
    expect(badId.stderr).toContain('Урока 9-9 нет');
    expect(badId.stderr).not.toMatch(/at .*\.ts:\d+/);

    // Said before anything of the lesson is printed.
    const engine = await runCli(['--engine', 'nonsense', 'check', '1-1'], learnerEnv());
    expect(engine.code).toBe(2);
    expect(engine.stderr).toContain('нет такой СУБД');
    expect(engine.stdout).toBe('');
  });
});

describe('reading and answering a lesson', () => {
  it('shows the lesson, creates answer files with the task, never overwrites them', async () => {
    const env = learnerEnv();
    const first = await runCli(['show', '1-1'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Урок 1-1. Две задачи на запросы');
    expect(first.stdout).toContain('ОПРЕДЕЛЕНИЯ');

    const file = join(env.DBCOURSE_WORKSPACE, 'two-queries', 'cheap-books.sql');
    expect(readFileSync(file, 'utf8')).toContain('-- Выведите название и цену книг дешевле 300');

    writeFileSync(file, 'SELECT title, price FROM books -- мой черновик\n');
    await runCli(['show', '2.1'.replace('2', '1')], env);
    await runCli(['check', '1-1'], env);
    expect(readFileSync(file, 'utf8')).toBe('SELECT title, price FROM books -- мой черновик\n');
  });

  it('fails empty answers (exit 1) and passes reference answers (exit 0)', async () => {
    const env = learnerEnv();
    const created = await runCli(['check', '1-1'], env);
    expect(created.code).toBe(1);
    expect(created.stdout).toContain('Файла с ответом не было');
    const empty = await runCli(['check', '1-1'], env);
    expect(empty.code).toBe(1);
    expect(empty.stdout).toContain('Ответ пуст');

    for (const [id, text] of Object.entries(reference)) answer(env, id, text);
    const passed = await runCli(['check', 'lesson-1-1'], env);
    expect(passed.code).toBe(0);
    expect(passed.stdout).toContain('Урок 1-1 пройден');

    const list = await runCli(['list'], env);
    expect(list.stdout).toMatch(/\[x\] 1-1/);
    expect(passed.stdout).toContain('dbcourse db use mysql');
    const progress = await runCli(['progress'], env);
    expect(progress.stdout).toContain('Упражнений решено: 3 из 4');
  });

  it('explains a wrong answer with tables that fit the terminal', async () => {
    const env = learnerEnv();
    await runCli(['show', '1-1'], env);
    answer(env, 'cheap-books', 'SELECT title, price FROM books WHERE price <= 300 ORDER BY price');
    const run = await runCli(['check', '1-1', 'cheap-books'], env, { tty: true, columns: 60 });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Ваш результат|строк/);
    // eslint-disable-next-line no-control-regex
    const plain = run.stdout.replace(/\u001b\[[0-9;]*m/g, '');
    for (const line of plain.split('\n')) {
      // Paths cannot be wrapped; everything else must fit.
      if (!line.includes('/')) expect(line, line).toSatisfy((l: string) => l.length <= 60);
    }
  });

  it('checks one exercise by its number', async () => {
    const env = learnerEnv();
    await runCli(['show', '1-1'], env);
    answer(env, 'what-is-null', 'b');
    const run = await runCli(['check', '1-1', '3'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Что такое NULL');
    expect(run.stdout).not.toContain('Дешёвые книги');
  });

  it('names an exercise solved before that fails now, while others are left', async () => {
    const env = learnerEnv();
    await runCli(['show', '1-1'], env);
    answer(env, 'what-is-null', 'b');
    expect((await runCli(['check', '1-1', '3'], env)).code).toBe(0);
    writeFileSync(join(env.DBCOURSE_WORKSPACE, 'two-queries', 'what-is-null.txt'), 'c\n');
    const run = await runCli(['check', '1-1'], env, { columns: 200 });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Решены раньше, но сейчас не зачтены: what-is-null');
  });

  it('numbers a new answer file as in the lesson when one exercise is checked', async () => {
    const env = learnerEnv();
    await runCli(['check', '1-1', '3'], env);
    const file = join(env.DBCOURSE_WORKSPACE!, 'two-queries', 'what-is-null.txt');
    expect(readFileSync(file, 'utf8')).toContain('упражнение 3:');
  });
});

describe('a workspace or answer file that cannot be used', () => {
  it('says so in Russian with exit code 2 when a file stands where the folder should be',
    async () => {
      const env = learnerEnv();
      writeFileSync(join(env.DBCOURSE_DATA_DIR + '-file'), 'x');
      const run = await runCli(['--workspace', env.DBCOURSE_DATA_DIR + '-file', 'show', '1-1'],
        env);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('файл, а не папка');
      expect(run.stderr).not.toContain('Внутренняя ошибка');
    });

  it('refuses a huge answer file before running anything, and checks the rest', async () => {
    const env = learnerEnv();
    await runCli(['show', '1-1'], env);
    writeFileSync(join(env.DBCOURSE_WORKSPACE, 'two-queries', 'cheap-books.sql'),
      'SELECT 1 -- ' + 'x'.repeat(300_000));
    answer(env, 'what-is-null', 'b');
    const run = await runCli(['check', '1-1'], env);
    expect(run.stdout).toContain('слишком большой');
    expect(run.stdout).toMatch(/\[x\] 3\. Что такое NULL/);
  });

  it('says so for an answer saved in Windows-1251, or a folder where the file should be',
    async () => {
      const env = learnerEnv();
      await runCli(['show', '1-1'], env);
      // "SELECT 'Москва'" in Windows-1251.
      writeFileSync(join(env.DBCOURSE_WORKSPACE, 'two-queries', 'cheap-books.sql'),
        Buffer.from([...Buffer.from("SELECT '"), 0xcc, 0xee, 0xf1, 0xea, 0xe2, 0xe0,
          ...Buffer.from("'")]));
      const folder = join(env.DBCOURSE_WORKSPACE, 'two-queries', 'books-per-language.sql');
      rmSync(folder);
      mkdirSync(folder);
      const run = await runCli(['check', '1-1'], env);
      expect(run.stdout).toContain('сохранён не в UTF-8');
      expect(run.stdout).toContain('папка или другой не обычный файл');
      expect(run.stderr).not.toContain('Внутренняя ошибка');
    });

  it('says in Russian when its data folder is a file, instead of an internal error', async () => {
    const file = join(tempDir(), 'not-a-folder');
    writeFileSync(file, '');
    const env = learnerEnv({ DBCOURSE_DATA_DIR: join(file, 'dbcourse') });
    const run = await runCli(['next'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('часть этого пути — файл, а не папка');
    expect(run.stderr).not.toContain('Внутренняя ошибка');
  });

  it('expands a quoted ~ in --workspace', async () => {
    const env = learnerEnv({ HOME: tempDir() });
    const run = await runCli(['--workspace', '~/answers', 'show', '1-1'], env);
    expect(run.stdout).toContain(join(homedir(), 'answers'));
  });
});

describe('output modes', () => {
  it('is plain in a pipe and under NO_COLOR, coloured on a terminal', async () => {
    const env = learnerEnv();
    expect((await runCli(['show', '1-1'], env)).stdout).not.toMatch(ansi);
    expect((await runCli(['show', '1-1'], env, { tty: true })).stdout).toMatch(ansi);
    expect((await runCli(['show', '1-1'], { ...env, NO_COLOR: '1' }, { tty: true })).stdout)
      .not.toMatch(ansi);
  });
});

describe('hints and solutions', () => {
  it('gives one more hint each time and says when there are no more', async () => {
    const env = learnerEnv();
    const first = await runCli(['hint', '1-1', 'cheap-books'], env);
    expect(first.stdout).toContain('подсказки 1 из 2');
    expect(first.stdout).not.toContain('ORDER BY price, title');
    const second = await runCli(['hint', '1-1', 'cheap-books'], env);
    expect(second.stdout).toContain('подсказки 2 из 2');
    expect(second.stdout).toContain('Подсказок больше нет');
    expect(second.stdout).toContain('--give-up');

    // Once solved, the solution is open: no need to give up.
    await runCli(['check', '1-1', 'cheap-books'], env);
    answer(env, 'cheap-books', reference['cheap-books']);
    expect((await runCli(['check', '1-1', 'cheap-books'], env)).code).toBe(0);
    const solved = await runCli(['hint', '1-1', 'cheap-books'], env);
    expect(solved.stdout).toContain('dbcourse solution 1-1 cheap-books');
    expect(solved.stdout).not.toContain('--give-up');
  });

  it('keeps the solution until the exercise is passed or the learner gives up', async () => {
    const env = learnerEnv();
    const locked = await runCli(['solution', '1-1', 'cheap-books'], env);
    expect(locked.code).toBe(1);
    expect(locked.stdout).toContain('--give-up');
    expect(locked.stdout).not.toContain('price < 300');

    const given = await runCli(['solution', '1-1', 'cheap-books', '--give-up'], env);
    expect(given.code).toBe(0);
    expect(given.stdout).toContain('price < 300');
    const progress = await runCli(['progress'], env);
    expect(progress.stdout).toContain('решений подсмотрено: 1');
  });

  it('shows the reference for the engine the learner checks on', async () => {
    const env = learnerEnv();
    const sqlite = await runCli(['solution', '1-1', 'books-per-language', '--give-up'], env);
    expect(sqlite.stdout).not.toContain('AS books');
    const mysql = await runCli(['--engine', 'mysql', 'solution', '1-1', 'books-per-language'],
      env);
    expect(mysql.stdout).toContain('COUNT(*) AS books');
  });
});

describe('next and the first run', () => {
  it('welcomes a new learner, then moves on once the lesson is passed', async () => {
    const env = learnerEnv();
    const first = await runCli([], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Добро пожаловать в dbcourse');
    expect(first.stdout).toContain(env.DBCOURSE_WORKSPACE);

    for (const [id, text] of Object.entries(reference)) answer(env, id, text);
    await runCli(['check', '1-1'], env);
    const done = await runCli(['next'], env);
    expect(done.stdout).toContain('уроков пройдены');
    expect(done.stdout).not.toContain('Добро пожаловать');
  });

  it('survives a damaged progress file with a warning and a backup', async () => {
    const env = learnerEnv();
    await runCli(['show', '1-1'], env);
    writeFileSync(join(env.DBCOURSE_DATA_DIR, 'progress.json'), 'не json');
    const run = await runCli(['list'], env);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('повреждён');
    expect(run.stderr).toContain('progress.json.damaged-');
  });
});

describe('about', () => {
  it('shows the review of the learner\'s own plan, and the welcome points to it', async () => {
    const env = learnerEnv();
    const run = await runCli(['about'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/1НФ|нормальн/);
    expect(run.stdout).not.toMatch(ansi);
    expect((await runCli([], env)).stdout).toContain('dbcourse about');
  });
});

describe('glossary, schema and JSON', () => {
  it('lists every definition and finds one by a part of its Russian or English term',
    async () => {
      const env = learnerEnv();
      const all = await runCli(['glossary'], env);
      expect(all.stdout).toContain('Запрос (query) — урок 1-1');
      const one = await runCli(['glossary', 'QUERY'], env);
      expect(one.stdout).toContain('Официально: Оператор, возвращающий строки.');
      expect(one.stdout).toContain('Источник: ISO/IEC 9075-2');
      const none = await runCli(['glossary', 'нет такого'], env);
      expect(none.code).toBe(1);
    });

  it('draws the bookstore schema as text and as Mermaid', async () => {
    const text = await runCli(['schema'], learnerEnv());
    expect(text.stdout).toContain('│ ORDER_ITEMS');
    expect(text.stdout).toMatch(/FK book_id +INT +→ books/);
    expect(text.stdout).toContain('order_items.book_id → books.id, ON DELETE RESTRICT');
    expect(text.stdout).toContain('books >──< authors: через book_authors');
    // Boxes side by side, and no line wider than the screen.
    expect(text.stdout).toMatch(/┐ {3}┌/);
    expect(Math.max(...text.stdout.split('\n').map((l) => [...l].length)))
      .toBeLessThanOrEqual(100);
    const mermaid = await runCli(['schema', '--format', 'mermaid'], learnerEnv());
    expect(mermaid.stdout.split('\n')[0]).toBe('erDiagram');
    expect(mermaid.stdout).toContain('customers ||--o{ orders : "customer_id"');
    expect((await runCli(['schema', '--format', 'png'], learnerEnv())).code).toBe(2);
  });

  it('gives check verdicts as JSON', async () => {
    const env = learnerEnv();
    await runCli(['show', '1-1'], env);
    answer(env, 'what-is-null', 'a');
    const run = await runCli(['check', '1-1', 'what-is-null', '--json'], env);
    const data = JSON.parse(run.stdout) as { passed: boolean; verdicts: { exercise: string;
      passed: boolean; feedback: { kind: string } }[] };
    expect(run.code).toBe(1);
    expect(data.passed).toBe(false);
    expect(data.verdicts[0]).toMatchObject({ exercise: 'what-is-null', passed: false,
      feedback: { kind: 'wrong-choice' } });
  });
});

describe('answering a question in the terminal', () => {
  async function answerWith(env: Record<string, string>, text: string) {
    const { Readable } = await import('node:stream');
    const { main } = await import('../../src/cli/main.js');
    let stdout = '';
    const io = { stdout: { write: (t: string) => { stdout += t; }, isTTY: false },
      stderr: { write: () => undefined }, stdin: Readable.from([text]) as never, env };
    const result = await main(['answer', '1-1', 'what-is-null'], io);
    return { code: result.code, stdout };
  }

  it('judges the answer, explains a wrong option and records the result', async () => {
    const env = learnerEnv();
    const wrong = await answerWith(env, 'a\n');
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain('Ноль — это значение.');
    const right = await answerWith(env, 'b\n');
    expect(right.code).toBe(0);
    expect((await runCli(['progress'], env)).stdout).toContain('Упражнений решено: 1 из 4');
    // The file holds the answer given, so that check agrees.
    const check = await runCli(['check', '1-1', 'what-is-null'], env);
    expect(check.code).toBe(0);
    expect(readFileSync(join(env.DBCOURSE_WORKSPACE!, 'two-queries', 'what-is-null.txt'),
      'utf8')).toMatch(/# Урок 1-1, упражнение 3[\s\S]*\nb\n$/);
  });

  it('takes a terminal closed before the answer (Ctrl+D) as an empty answer', async () => {
    const { PassThrough } = await import('node:stream');
    const { main } = await import('../../src/cli/main.js');
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    let stdout = '';
    let stderr = '';
    const io = { stdout: { write: (t: string) => { stdout += t; }, isTTY: false },
      stderr: { write: (t: string) => { stderr += t; } }, stdin: stdin as never,
      env: learnerEnv() };
    const running = main(['answer', '1-1', 'what-is-null'], io);
    // Closed once the question is on the screen, as Ctrl+D at the prompt.
    const closing = setInterval(() => {
      if (stdout) {
        clearInterval(closing);
        setTimeout(() => stdin.end(), 20);
      }
    }, 10);
    const result = await running;
    expect(stderr).not.toContain('Внутренняя ошибка');
    expect(result.code).toBe(1);
    expect(stdout).toContain('Ответ пуст: ничего не проверено и не записано.');
  });

  it('refuses a query exercise: its answer lives in a file', async () => {
    const run = await runCli(['answer', '1-1', 'cheap-books'], learnerEnv());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('его ответ пишется в файле');
  });
});
