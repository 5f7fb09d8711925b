// The lesson reader as a learner uses it: pages, contents, practice, check, hint, solution.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Context } from '../../src/cli/context.js';
import { ProgressStore } from '../../src/progress/store.js';
import { dataDir } from '../../src/util/paths.js';
import { answer, keys, learner, renderScreens, type Screen } from './screens.js';

let ctx: Context;
let screen: Screen;

afterEach(async () => {
  screen?.unmount();
  await ctx?.close();
});

/** Lesson 1-1 of the map fixture course, opened in the reader (as `show 1-1 -i` does). */
async function openLongLesson(rows = 30, columns = 100): Promise<string> {
  ctx = learner();
  ctx.progress().markOpened('long-theory');
  const course = await ctx.course();
  screen = renderScreens(ctx, { screen: 'reader', lesson: course.find('1-1') },
    { columns, rows });
  return screen.until('Урок 1-1.');
}

/** The first line under the header: where the page is scrolled to. */
const firstLine = (frame: string) => frame.split('\n')[1];

describe('lesson reader', () => {
  it('pages through the theory and jumps to a section from the table of contents',
    async () => {
      const first = await openLongLesson();
      expect(first).toContain('Цель: Прочитать длинную теорию');
      expect(first).toMatch(/ 0%/);

      let frame = await screen.press(' ', (f) => !f.includes('Цель: Прочитать'));
      expect(frame).toMatch(/Абзац \d+ о фильтрации/);
      frame = await screen.press('b', 'Цель: Прочитать');

      frame = await screen.press('t', 'ОГЛАВЛЕНИЕ');
      expect(frame).toMatch(/Выборка строк +← вы здесь/);
      for (const title of ['Теория', 'Фильтрация', 'Сортировка', 'Примеры', 'Определения',
        'Вопросы с собеседований', 'Что почитать', 'Практика']) {
        expect(frame).toContain(title);
      }

      await screen.press('jjj', (f) => /> +Сортировка/.test(f));
      frame = await screen.press(keys.enter, (f) => !f.includes('ОГЛАВЛЕНИЕ'));
      expect(firstLine(frame)).toBe('Сортировка');
      expect(frame).toContain('Начало раздела о сортировке');
      expect(frame.split('\n')[0]).toContain('› Сортировка');

      // ] and [ step between sections.
      frame = await screen.press(']', (f) => f.split('\n')[1] === 'ПРИМЕРЫ');
      frame = await screen.press('[', (f) => f.split('\n')[1] === 'Сортировка');
    });

  it('checks the practice from the reader and shows the verdicts', async () => {
    await openLongLesson();
    answer(ctx, 'long-theory', 'what-is-null.txt', 'a');
    answer(ctx, 'long-theory', 'cheap-books.sql',
      'SELECT title, price FROM books WHERE price < 300 ORDER BY price, title;');

    let frame = await screen.press('p', 'ПРАКТИКА: решено 0 из 2');
    expect(frame).toMatch(/> \[ \] 1\. Дешёвые книги — не решено/);
    expect(frame).toContain('cheap-books.sql');

    frame = await screen.press('c', 'Проверка: упражнение 1');
    expect(frame).toContain('[x] 1. Дешёвые книги (cheap-books) — верно');
    // The screens live until the learner quits: a runaway would be killed with its process.
    expect(ctx.engineOptions().isolation).toBe('process');
    frame = await screen.press(keys.escape, 'ПРАКТИКА: решено 1 из 2');

    frame = await screen.press('a', 'Проверка: урок 1-1');
    expect(frame).toContain('[!] 2. Что такое NULL (what-is-null) — не зачтено');
    expect(frame).toContain('Вариант a неверен. Ноль — это значение.');
    expect(frame).toContain('Решено 1 из 2. Осталось: what-is-null.');
    frame = await screen.press(keys.escape, 'ПРАКТИКА');
    expect(frame).toMatch(/\[!\] 2\. Что такое NULL — не зачтено \(попыток: 1\)/);

    // Answered right, the lesson is passed, and the reader says how to go on from here.
    writeFileSync(join(ctx.workspace, 'long-theory', 'what-is-null.txt'), 'b\n');
    await screen.press('j', '> [!] 2. Что такое NULL');
    frame = await screen.press('c', 'Урок 1-1 пройден: все 2 упражнений решены.');
    expect(frame).toContain('Здесь: n — следующий урок, q — карта курса.');

    const progress = ctx.progress().lesson('long-theory').exercises;
    expect(progress['cheap-books'].passed).toBe(true);
    expect(progress['what-is-null']).toMatchObject({ passed: true, attempts: 2 });
  });

  it('gives hints one by one and keeps the solution until passed or given up', async () => {
    await openLongLesson();
    await screen.press('p', 'ПРАКТИКА');

    let frame = await screen.press('h', 'Дешёвые книги: подсказки 1 из 2');
    expect(frame).toContain('1. Условие пишется в WHERE.');
    frame = await screen.press('h', 'Дешёвые книги: подсказки 2 из 2');
    expect(frame).toContain('Подсказок больше нет');
    expect(ctx.progress().exercise('long-theory', 'cheap-books').hintsShown).toBe(2);

    await screen.press(keys.escape, 'ПРАКТИКА');
    frame = await screen.press('s', 'Упражнение ещё не решено. Показать решение?');
    frame = await screen.press('н', 'Решение не показано');
    expect(ctx.progress().exercise('long-theory', 'cheap-books').gaveUp).toBeUndefined();

    await screen.press('s', 'Показать решение?');
    frame = await screen.press('д', 'Решение: Дешёвые книги');
    expect(frame).toContain('SELECT title, price FROM books WHERE price < 300');
    expect(frame).toContain('Теперь напишите запрос сами');
    expect(ctx.progress().exercise('long-theory', 'cheap-books').gaveUp).toBe(true);
  });

  it('goes on to the next lesson with n, and back to the map with q', async () => {
    await openLongLesson();
    let frame = await screen.press('n', 'Урок 1-2. NULL и трёхзначная логика');
    expect(frame).toContain('Короткий урок «NULL и трёхзначная логика»');

    frame = await screen.press('q', 'карта курса');
    expect(frame).toMatch(/> +\[~\] 1-2/);
  });

  it('fits a small terminal: the frame never grows past its rows', async () => {
    const first = await openLongLesson(12);
    expect(first.split('\n').length).toBeLessThanOrEqual(11);
    const frame = await screen.press('G', ' 100%');
    expect(frame.split('\n').length).toBeLessThanOrEqual(11);
  });

  it('shows in the practice what another window (dbcourse watch) has solved since', async () => {
    await openLongLesson();
    await screen.press('p', 'ПРАКТИКА: решено 0 из 2');
    await screen.press(keys.escape, 'Урок 1-1. Выборка строк  0%');
    // Another process records a solved exercise in the same progress file.
    ProgressStore.open(dataDir(ctx.io.env), () => undefined)
      .recordAttempt('long-theory', 'cheap-books', true);
    const frame = await screen.press('p', 'ПРАКТИКА: решено 1 из 2');
    expect(frame).toMatch(/\[x\] 1\. Дешёвые книги — решено/);
  });

  it('gives a short terminal\'s rows to the task and its file, not to the list', async () => {
    await openLongLesson(14, 60);
    const frame = await screen.press('p', 'ПРАКТИКА');
    expect(frame.split('\n').length).toBeLessThanOrEqual(14);
    expect(frame).toContain('(cheap-books)');
    expect(frame).toMatch(/по\s+названию\./);
    expect(frame).toContain('long-theory/cheap-books.sql');
  });

  it('pages a task too long for a short terminal with Space and b, the path kept whole',
    async () => {
      await openLongLesson(12, 60);
      await screen.press('p', 'ПРАКТИКА');
      let frame = await screen.press('j', 'условие: строки 1–');
      expect(frame.split('\n').length).toBeLessThanOrEqual(11);
      expect(frame).toContain('пробел b листать условие');
      expect(frame).toContain('(what-is-null)');
      expect(frame).toContain('Что означает NULL?');
      expect(frame).toContain('long-theory/what-is-null.txt');

      frame = await screen.press(' ', (f) => !f.includes('условие: строки 1–'));
      expect(frame.split('\n').length).toBeLessThanOrEqual(11);
      expect(frame).not.toContain('Что означает NULL?');
      expect(frame).toContain('long-theory/what-is-null.txt');
      frame = await screen.press('  ', 'b) Отсутствие значения');
      expect(frame).toContain('(what-is-null)');
      frame = await screen.press('bbb', 'Что означает NULL?');
      // Another exercise starts at the top of its task.
      frame = await screen.press('k', '(cheap-books)');
    });

  it('shows the whole answer path on a narrow terminal: the folder once, then the file',
    async () => {
      await openLongLesson(30, 60);
      const frame = await screen.press('p', 'ПРАКТИКА');
      const lines = frame.split('\n');
      for (const line of lines) expect(line).not.toContain('…');
      const folder = lines.findIndex((line) => line.startsWith('  Папка ответов:'));
      const file = lines.findIndex((line) => line.startsWith('  Файл в ней:'));
      expect(folder).toBeGreaterThan(0);
      expect(file).toBeGreaterThan(folder);
      // Lines broken after a "/" join back into the path, character for character.
      const joined = (from: number, to: number) => lines.slice(from, to)
        .map((line) => line.replace(/^ +(Папка ответов:|Файл в ней:)? */, '')).join('');
      expect(joined(folder, file)).toBe(ctx.workspace);
      expect(joined(file, file + 1)).toBe('long-theory/cheap-books.sql');
      expect(frame).toContain('(cheap-books)');
    });
});
