// The watch screen as a learner uses it: frames are awaited, never slept for.
import { render } from 'ink-testing-library';
import type { Context } from '../../../src/cli/context.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WatchSession } from '../../../src/ui/watch/session.js';
import { WatchScreen } from '../../../src/ui/watch/WatchScreen.js';
import {
  answerFile, progressOf, rightAnswers, saveLikeVim, twoLessonCourse, watchContext,
} from './helpers.js';

const DOWN = '\u001B[B';
const ENTER = '\r';
const PAGE_DOWN = '\u001B[6~';
const PAGE_UP = '\u001B[5~';

let session: WatchSession | undefined;
let app: ReturnType<typeof render> | undefined;
let context: Context | undefined;

afterEach(async () => {
  app?.unmount();
  session?.close();
  // Ends the session's SQLite child process, as `dbcourse watch` does when it ends.
  await context?.close();
});

async function open(lesson = '1-1', env: Record<string, string> = {}) {
  const ctx = watchContext(env);
  context = ctx;
  session = new WatchSession(ctx, await ctx.lesson(lesson), { poll: false });
  const quit = vi.fn();
  app = render(<WatchScreen session={session} color={false} onQuit={quit} />);
  const started = session.start();
  return { ctx, app, quit, started };
}

/** The frame once it shows `text`. */
async function frameWith(text: string | RegExp): Promise<string> {
  return vi.waitFor(() => {
    const frame = app?.lastFrame() ?? '';
    expect(frame).toMatch(text);
    return frame;
  }, { timeout: 20_000, interval: 10 });
}

describe('the watch screen', () => {
  it('lists the exercises with their state and shows the task of one not answered yet',
    async () => {
      const { started } = await open();
      await started;
      const frame = await frameWith('Урок 1-1. Две задачи на запросы');
      expect(frame).toMatch(/› \[ \] 1\. Дешёвые книги \(cheap-books\) — нет ответа/);
      expect(frame).toMatch(/\[ \] 3\. Что такое NULL \(what-is-null\) — нет ответа/);
      expect(frame).toContain('Выведите название и цену книг дешевле 300');
      expect(frame).toContain('Ответ проверяется сразу, как только файл сохранён.');
      // Nothing was checked yet: no time of a check under the task.
      expect(frame).not.toContain('проверено в');
      expect(frame).toContain('Решено 0 из 3.');
      expect(frame).toContain('↑↓ упражнение · Enter проверить сейчас · h подсказка · q выход');
    });

  it('judges an answer as soon as it is saved through a rename, and records it', async () => {
    const { ctx, started } = await open();
    await started;
    saveLikeVim(answerFile(ctx, 'two-queries', 'cheap-books'),
      'SELECT title, price FROM books WHERE price <= 300 ORDER BY price, title');
    let frame = await frameWith(/› \[!\] 1\. Дешёвые книги \(cheap-books\) — не зачтено/);
    expect(frame).toContain('Ваш результат');
    expect(progressOf(ctx).lessons['two-queries'].exercises['cheap-books'])
      .toMatchObject({ passed: false, attempts: 1 });

    saveLikeVim(answerFile(ctx, 'two-queries', 'cheap-books'), rightAnswers['cheap-books']);
    frame = await frameWith(/› \[x\] 1\. Дешёвые книги \(cheap-books\) — верно/);
    expect(frame).toContain('Решено 1 из 3.');
    expect(frame).not.toContain('Осталось');
    expect(progressOf(ctx).lessons['two-queries'].exercises['cheap-books'])
      .toMatchObject({ passed: true, attempts: 2 });
  });

  it('points to the solution without --give-up once the exercise is solved', async () => {
    const { ctx, app, started } = await open();
    await started;
    saveLikeVim(answerFile(ctx, 'two-queries', 'cheap-books'), rightAnswers['cheap-books']);
    await frameWith(/› \[x\] 1\. Дешёвые книги \(cheap-books\) — верно/);
    app.stdin.write('h');
    await frameWith('Подсказки (1 из 2):');
    app.stdin.write('h');
    const frame = await frameWith('Подсказок больше нет');
    expect(frame).toContain('dbcourse solution 1-1 cheap-books');
    expect(frame).not.toContain('--give-up');
  });

  it('brings forward the verdict of the answer just saved, whichever is selected', async () => {
    const { ctx, started } = await open();
    await started;
    await frameWith(/› \[ \] 1\. Дешёвые книги/);
    saveLikeVim(answerFile(ctx, 'two-queries', 'books-per-language'),
      'SELECT language FROM books');
    const frame = await frameWith(/› \[!\] 2\. Книги по языкам \(books-per-language\)/);
    expect(frame).toContain('Ваш результат');
  });

  it('moves between exercises, checks now on Enter and gives hints one by one', async () => {
    const { ctx, app, quit, started } = await open();
    await started;
    await frameWith('› [ ] 1. Дешёвые книги');

    app.stdin.write(DOWN);
    await frameWith('› [ ] 2. Книги по языкам');
    app.stdin.write('h');
    let frame = await frameWith('Подсказки (1 из 1):');
    expect(frame).toContain('1. GROUP BY language.');
    expect(frame).toContain('Подсказок больше нет');
    expect(frame).toContain('Esc скрыть подсказки');
    // Esc closes the hints and stays on the screen.
    app.stdin.write('\u001b');
    await vi.waitFor(() => expect(app.lastFrame()).not.toContain('Подсказки (1 из 1):'));
    expect(quit).not.toHaveBeenCalled();
    app.stdin.write('h');
    frame = await frameWith('Подсказки (1 из 1):');
    expect(progressOf(ctx).lessons['two-queries'].exercises['books-per-language'].hintsShown)
      .toBe(1);

    app.stdin.write('j');
    await frameWith('› [ ] 3. Что такое NULL');
    // With the watcher stopped, only Enter can judge the new answer.
    session!.close();
    saveLikeVim(answerFile(ctx, 'two-queries', 'what-is-null'), 'a');
    app.stdin.write(ENTER);
    frame = await frameWith('› [!] 3. Что такое NULL (what-is-null) — не зачтено');
    expect(frame).toContain('Вариант a неверен. Ноль — это значение.');
  });

  it('fits a long verdict into a short terminal and pages through it', async () => {
    const { ctx, app, started } = await open();
    await started;
    Object.defineProperty(app.stdout, 'rows', { value: 24 });
    app.stdout.emit('resize');
    saveLikeVim(answerFile(ctx, 'two-queries', 'cheap-books'), 'SELECT title FROM books');

    let frame = await frameWith(/… ниже ещё \d+ строк[аи]? \(PgDn или пробел\)/);
    expect(frame.split('\n').length).toBeLessThan(24);
    expect(frame).toContain('PgDn/PgUp листать');
    expect(frame).toContain('В ответе 1 столбец, а нужно 2.');
    expect(frame).not.toContain('… выше');

    app.stdin.write(PAGE_DOWN);
    frame = await frameWith(/… выше \d+ строк/);
    expect(frame).not.toContain('В ответе 1 столбец, а нужно 2.');
    expect(frame.split('\n').length).toBeLessThan(24);
    app.stdin.write(' ');
    frame = await frameWith('Ожидалось');
    app.stdin.write(PAGE_UP);
    app.stdin.write(PAGE_UP);
    frame = await frameWith('В ответе 1 столбец, а нужно 2.');
    expect(frame).not.toContain('… выше');
  });

  it('takes letters typed ahead in one read as separate keys', async () => {
    const { started } = await open();
    await started;
    await frameWith('› [ ] 1. Дешёвые книги');
    app!.stdin.write('jj');
    await frameWith('› [ ] 3. Что такое NULL');
  });

  it('quits on q, also typed in the Russian layout', async () => {
    const { app, quit, started } = await open();
    await started;
    await frameWith('q выход');
    app.stdin.write('й');
    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1));
  });

  it('offers the next lesson once this one is passed, and moves to it on n', async () => {
    const { ctx, app, started } = await open('1-1', { DBCOURSE_LESSONS_DIR: twoLessonCourse() });
    await started;
    for (const [id, text] of Object.entries(rightAnswers)) {
      saveLikeVim(answerFile(ctx, 'two-queries', id), text);
    }
    const frame = await frameWith('Урок 1-1 пройден!');
    expect(frame).toContain('n — перейти к уроку 1-2 «Второй урок»');
    expect(frame).toContain('n следующий урок');

    app.stdin.write('n');
    const next = await frameWith('Урок 1-2. Второй урок');
    expect(next).toContain('/second');
    expect(next).not.toContain('пройден!');
  });
});
