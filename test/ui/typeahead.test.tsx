// Keys typed before a screen can take them: while the course loads, and typed ahead in one
// read from the terminal ("jj\r", or "jj\n" from a line typed before raw mode).
import type { Key } from 'ink';
import { afterEach, describe, expect, it } from 'vitest';
import type { Context } from '../../src/cli/context.js';
import type { CourseOverview } from '../../src/cli/overview.js';
import { Session } from '../../src/ui/session.js';
import { splitKeys } from '../../src/ui/typeahead.js';
import { keys, learner, renderScreens, type Screen } from './screens.js';

let ctx: Context;
let screen: Screen;

afterEach(async () => {
  screen?.unmount();
  await ctx?.close();
});

/** A session whose course overview comes only when the test lets it. */
class SlowSession extends Session {
  release!: () => void;
  private readonly gate = new Promise<void>((resolve) => {
    this.release = resolve;
  });

  override async overview(): Promise<CourseOverview> {
    await this.gate;
    return super.overview();
  }
}

function returningLearner(): Context {
  const c = learner();
  c.progress().recordAttempt('group-by', 'group-question', true);
  c.progress().markOpened('long-theory');
  return c;
}

const noKey = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false,
  pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false,
  shift: false, tab: false, backspace: false, delete: false, meta: false,
} as Key;

describe('keys typed ahead', () => {
  it('are cut at control characters; a lone line feed is Enter', () => {
    expect(splitKeys('jj\r', noKey).map((k) => [k.input, k.key.return]))
      .toEqual([['jj', false], ['', true]]);
    expect(splitKeys('j\nk\n', noKey).map((k) => [k.input, k.key.return]))
      .toEqual([['j', false], ['', true], ['k', false], ['', true]]);
    expect(splitKeys('\n', noKey)[0].key.return).toBe(true);
    expect(splitKeys('aa\u007f\t', noKey).map((k) => [k.input, k.key.delete, k.key.tab]))
      .toEqual([['aa', false, false], ['', true, false], ['', false, true]]);
    // Different letters are different keys: "/" opens the search, the rest is typed in it.
    expect(splitKeys('/null', noKey).map((k) => k.input)).toEqual(['/', 'n', 'u', 'll']);
    expect(splitKeys('j\u0003', noKey)[1].interrupt).toBe(true);
    // A run of one letter stays whole: "jjj" counts three moves.
    expect(splitKeys('jjj', noKey)).toEqual([{ input: 'jjj', key: noKey }]);
    expect(splitKeys('', { ...noKey, upArrow: true })).toHaveLength(1);
  });

  it('wait while the course loads and then reach the map, in order', async () => {
    ctx = returningLearner();
    const session = new SlowSession(ctx);
    screen = renderScreens(ctx, { screen: 'map' }, undefined, session);
    await screen.until('Загружаю курс');

    screen.type('jj');
    screen.type('\r');
    session.release();
    const frame = await screen.until('Урок 1-3. GROUP BY и агрегаты');
    expect(frame).toContain('Цель:');
  });

  it('typed in one read with the Enter at the end, move and then open', async () => {
    ctx = returningLearner();
    screen = renderScreens(ctx);
    await screen.until('карта курса');
    // A line typed while the terminal was not yet raw ends in a line feed.
    const frame = await screen.press('jj\n', 'Урок 1-3. GROUP BY и агрегаты');
    expect(frame).toContain('Цель:');
  });

  it('arrows come in one read: each moves, none is lost to the one before', async () => {
    ctx = returningLearner();
    screen = renderScreens(ctx);
    await screen.until('карта курса');
    // Ink cuts "\u001b[B\u001b[B" into two keys and hands them over in the same turn.
    const frame = await screen.press(`${keys.down}${keys.down}\r`, 'Урок 1-3. GROUP BY и агрегаты');
    expect(frame).toContain('Цель:');
  });

  it('typed in one read, open the search, fill it and open the lesson found', async () => {
    ctx = returningLearner();
    screen = renderScreens(ctx);
    await screen.until('карта курса');
    const frame = await screen.press('/join\r\r', 'Урок 2-1. INNER JOIN');
    expect(frame).toContain('Цель:');
  });
});
