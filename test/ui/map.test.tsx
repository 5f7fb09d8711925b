// The course map as a learner uses it: moving, searching, filtering, continuing, opening.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Context } from '../../src/cli/context.js';
import { root } from '../helpers.js';
import { keys, learner, renderScreens, type Screen } from './screens.js';

let ctx: Context;
let screen: Screen;

afterEach(async () => {
  screen?.unmount();
  await ctx?.close();
});

/** The selected lesson, as the line under the tree names it. */
const selected = (frame: string) => /Урок (\d-\d) ·/.exec(frame)?.[1];

/** A learner who has passed lesson 1-3 and opened 1-1: no welcome, a lesson to continue. */
function returningLearner(): Context {
  const c = learner();
  c.progress().recordAttempt('group-by', 'group-question', true);
  c.progress().markOpened('long-theory');
  return c;
}

describe('course map', () => {
  it('shows the tree with states and bars, and moves with arrows and j/k', async () => {
    ctx = returningLearner();
    screen = renderScreens(ctx);
    const first = await screen.until('карта курса');

    expect(first).toContain('Пройдено уроков: 1 из 4');
    expect(first).toContain('Глава 1. Основы');
    expect(first).toContain('Выборка');
    expect(first).toMatch(/\[x\] 1-3 +GROUP BY и агрегаты .*\[#+-*\] +1\/1/);
    expect(first).toMatch(/> +\[~\] 1-1 +Выборка строк +← дальше/);
    expect(selected(first)).toBe('1-1');

    expect(selected(await screen.press(keys.down, 'Урок 1-2 ·'))).toBe('1-2');
    expect(selected(await screen.press('j', 'Урок 1-3 ·'))).toBe('1-3');
    // The cursor skips topic and chapter rows, and stops at the last lesson.
    expect(selected(await screen.press('jjj', 'Урок 2-1 ·'))).toBe('2-1');
    expect(selected(await screen.press(keys.up, 'Урок 1-3 ·'))).toBe('1-3');
    expect(selected(await screen.press('k', 'Урок 1-2 ·'))).toBe('1-2');
  });

  it('searches as the learner types, and Esc brings the whole course back', async () => {
    ctx = returningLearner();
    screen = renderScreens(ctx);
    await screen.until('карта курса');

    await screen.press('/', 'Поиск: ▏');
    let frame = await screen.press('null', 'Поиск: null▏');
    expect(frame).toContain('1-2   NULL и трёхзначная логика');
    expect(frame).not.toContain('1-1');
    expect(frame).not.toContain('Соединения');
    expect(selected(frame)).toBe('1-2');

    // Typing j and k while searching is text, not movement.
    frame = await screen.press('jk', 'Поиск: nulljk▏');
    expect(frame).toContain('Ничего не найдено по «nulljk»');
    frame = await screen.press(keys.backspace, 'Поиск: nullj▏');
    frame = await screen.press(keys.backspace, 'Поиск: null▏');

    frame = await screen.press(keys.enter, 'Поиск: «null»');
    expect(frame).toContain('NULL и трёхзначная логика');
    frame = await screen.press(keys.escape, 'Поиск: /');
    expect(frame).toContain('2-1   INNER JOIN');
  });

  it('filters done and pending lessons, and "continue" leads back to the next lesson',
    async () => {
      ctx = returningLearner();
      screen = renderScreens(ctx);
      await screen.until('карта курса');

      let frame = await screen.press('f', '[Пройденные]');
      expect(frame).toContain('1-3   GROUP BY и агрегаты');
      expect(frame).not.toContain('1-1   Выборка строк');
      expect(selected(frame)).toBe('1-3');

      frame = await screen.press('f', '[Непройденные]');
      expect(frame).not.toContain('1-3   GROUP BY');
      expect(frame).toContain('2-1   INNER JOIN');

      await screen.press('G', 'Урок 2-1 ·');
      frame = await screen.press('c', (f) => selected(f) === '1-1');
      expect(frame).toContain('[Все]');
    });

  it('opens the selected lesson with Enter and comes back to it with q', async () => {
    ctx = returningLearner();
    screen = renderScreens(ctx);
    await screen.until('карта курса');

    await screen.press('j', 'Урок 1-2 ·');
    let frame = await screen.press(keys.enter, 'Урок 1-2. NULL и трёхзначная логика');
    expect(frame).toContain('Цель: Ответить на один вопрос.');
    expect(frame).toContain('t оглавление');

    // Back on the map, refreshed: opening marked the lesson started.
    frame = await screen.press('q', (f) => /\[~\] 1-2/.test(f));
    expect(frame).toContain('карта курса');
    expect(selected(frame)).toBe('1-2');
  });

  it('welcomes a brand-new learner first; Enter starts the first lesson', async () => {
    ctx = learner();
    screen = renderScreens(ctx);
    let frame = await screen.until('Добро пожаловать в dbcourse');
    expect(frame).toContain(ctx.workspace);
    expect(frame).toContain('Enter начать первый урок');

    frame = await screen.press(keys.enter, 'Урок 1-1. Выборка строк');
    expect(frame).toContain('Цель: Прочитать длинную теорию');
  });

  it('goes from the welcome to the map with m', async () => {
    ctx = learner();
    screen = renderScreens(ctx);
    await screen.until('Добро пожаловать');
    const frame = await screen.press('m', 'карта курса');
    expect(frame).toContain('Пройдено уроков: 0 из 4');
  });

  it('marks a lesson that does not parse, and says why instead of opening it', async () => {
    ctx = learner({ DBCOURSE_LESSONS_DIR: join(root, 'test', 'fixture-course-broken') });
    ctx.progress().markOpened('something-else');
    screen = renderScreens(ctx);
    let frame = await screen.until('карта курса');
    expect(frame).toMatch(/> +! +1-1 +урок не читается/);

    frame = await screen.press(keys.enter, 'оформлен неверно');
    expect(frame).toContain('карта курса');
    expect(frame.split('\n').length).toBeLessThanOrEqual(29);
  });

  it('steps back one level on Esc and never leaves the program with it', async () => {
    ctx = returningLearner();
    screen = renderScreens(ctx);
    await screen.until('карта курса');

    // The reader goes back to the map.
    await screen.press(keys.enter, 'Урок 1-1. Выборка строк');
    let frame = await screen.press(keys.escape, 'карта курса');
    expect(frame).toContain('q выход');

    // A filter is closed first, then Esc on the map only says how to leave.
    frame = await screen.press('f', '[Пройденные]');
    expect(frame).toContain('Esc показать все');
    frame = await screen.press(keys.escape, '[Все]');
    frame = await screen.press(keys.escape, 'Выход из dbcourse — q или Ctrl+C.');
    expect(frame).toContain('карта курса');
    expect(selected(await screen.press('j', 'Урок 1-2 ·'))).toBe('1-2');
  });

  it('keeps the welcome on Esc: only q leaves', async () => {
    ctx = learner();
    screen = renderScreens(ctx);
    await screen.until('Добро пожаловать');
    await screen.press(keys.escape, 'Выход из dbcourse — q или Ctrl+C.');
    await screen.press('m', 'карта курса');
  });
});
