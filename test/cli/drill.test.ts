// `dbcourse drill` where there is no terminal to draw on: pipes, --list, --json, bad input.
import { readdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { review } from '../../src/drill/scheduler.js';
import { DrillStore } from '../../src/drill/store.js';
import { learnerEnv, runCli, spawnCli } from '../helpers.js';

// The fixture course's one lesson has one definition and three interview questions.
const lessonCards = 4;

async function studied(): Promise<Record<string, string>> {
  const env = learnerEnv();
  await runCli(['show', '1-1'], env);
  return env;
}

describe('dbcourse drill without a terminal', () => {
  it('has no cards before any lesson was opened, and says where they come from', async () => {
    const run = await runCli(['drill'], learnerEnv());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Карточек для повторения пока нет');
    expect(run.stdout).toContain('dbcourse next');
  });

  it('in a pipe says what is due and that drilling needs a terminal', async () => {
    const run = await runCli(['drill'], await studied());
    expect(run.code).toBe(0);
    expect(run.stdout)
      .toContain(`К повторению сейчас: 0 карточек; новых на сегодня: ${lessonCards}.`);
    expect(run.stdout).toContain('Тренировка идёт в терминале');
    expect(run.stdout).toContain('dbcourse drill --list');
  });

  it('does not open the screen on a terminal whose keyboard input is redirected', async () => {
    // runCli's stdin is not a terminal: the screen could never read a key.
    const run = await runCli(['drill'], await studied(), { tty: true });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Тренировка идёт в терминале');
  });

  it('lists the session\'s cards as plain text with --list', async () => {
    const run = await runCli(['drill', '--list'], await studied());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Новые на сегодня: ${lessonCards} карточки`);
    expect(run.stdout).toMatch(/1-1 +термин +Запрос \(query\)/);
    expect(run.stdout).toMatch(/1-1 +вопрос +Что такое ORDER BY\?/);
  });

  it('limits new cards with --new and says how many wait', async () => {
    const run = await runCli(['drill', '--list', '--new', '1'], await studied());
    expect(run.stdout).toContain('Новые на сегодня: 1 карточка');
    expect(run.stdout).toContain('Ещё 3 новых — в следующие дни');

    const bad = await runCli(['drill', '--new', 'много'], learnerEnv());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--new много: нужно целое число от 0 до 500');
  });

  it('lists cards due from earlier sessions first, and counts new ones started today', async () => {
    const env = await studied();
    const store = DrillStore.open(env.DBCOURSE_DATA_DIR, () => undefined);
    const monthAgo = new Date(Date.now() - 30 * 24 * 60 * 60_000);
    store.record('two-queries:def:запрос', review(undefined, 4, monthAgo));
    store.record('two-queries:def:удалённый термин', review(undefined, 3, new Date()));

    const run = await runCli(['drill', '--list', '--new', '2'], env);
    const [due, fresh] = run.stdout.split('Новые на сегодня');
    expect(due).toContain('К повторению сейчас: 1 карточка');
    expect(due).toMatch(/1-1 +термин +Запрос/);
    // A record of a card no lesson has any more still counts against today's new cards.
    expect(fresh).toMatch(/^: 1 карточка\n +1-1 +вопрос +Что такое SELECT\?$/m);
    expect(fresh).not.toContain('Запрос');
  });

  it('prints the due list as JSON with --json', async () => {
    const run = await runCli(['drill', '--json'], await studied());
    expect(run.code).toBe(0);
    const data = JSON.parse(run.stdout);
    expect(data.due).toEqual([]);
    expect(data.new).toHaveLength(lessonCards);
    expect(data.new[0]).toMatchObject({ id: 'two-queries:def:запрос', lesson: '1-1',
      kind: 'definition', term: 'Запрос', phase: 'new', due: null });
    expect(data.new[1]).toMatchObject({ kind: 'question', question: 'Что такое SELECT?',
      answer: 'Запрос на чтение.' });
    expect(data).toMatchObject({ newPerDay: 10, newStartedToday: 0, nextReview: null });
  });

  it('moves a damaged schedule aside with a message on stderr, and still answers', async () => {
    const env = await studied();
    writeFileSync(join(env.DBCOURSE_DATA_DIR, 'drill.json'), 'не JSON');
    const run = await runCli(['drill', '--list'], env);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Файл повторений');
    expect(run.stderr).toContain('повреждён');
    expect(run.stdout).toContain('Новые на сегодня');
    expect(readdirSync(env.DBCOURSE_DATA_DIR).some((f) => f.startsWith('drill.json.damaged-')))
      .toBe(true);
  });

  it('writes no escape sequences into a real pipe', async () => {
    const env = await studied();
    for (const args of [['drill'], ['drill', '--list'], ['drill', '--json']]) {
      const run = spawnCli(args, { ...env, TERM: 'xterm-256color', FORCE_COLOR: '' });
      expect(run.status).toBe(0);
      expect(run.stdout.length).toBeGreaterThan(0);
      // eslint-disable-next-line no-control-regex
      expect(run.stdout).not.toMatch(/\u001b/);
    }
  });
});
