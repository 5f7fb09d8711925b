// The drill screen driven by keys, waiting for each expected frame (never a fixed sleep).
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { DrillCard } from '../../src/drill/cards.js';
import type { CardRecord } from '../../src/drill/scheduler.js';
import { DrillSession } from '../../src/drill/session.js';
import { DrillScreen } from '../../src/ui/drill/DrillScreen.js';
import { definitionCard, noon, questionCard } from '../drill/fixtures.js';

afterEach(cleanup);

const cards = [definitionCard('Первичный ключ'), questionCard('Что такое JOIN?')];

function start(save: (id: string, record: CardRecord) => void = () => undefined,
  deck: DrillCard[] = cards, size?: { columns: number; rows: number }) {
  const session = new DrillSession({ cards: deck, records: {}, save, now: noon(14) });
  const screen = render(<DrillScreen session={session} now={() => noon(14)} size={size} />);
  return { session, screen };
}

/** A definition whose back takes far more lines than a short terminal has. */
function longCard(term: string): DrillCard {
  const card = definitionCard(term);
  if (card.kind !== 'definition') throw new Error('a definition card expected');
  const sentences = (what: string) => Array.from({ length: 6 }, (_, i) =>
    `${what}, фраза ${i + 1}: длинное пояснение, которое занимает почти целую строку.`)
    .join(' ');
  return { ...card, definition: { ...card.definition,
    official: { text: sentences('Официальный текст'), source: 'ISO/IEC 9075-2:2023' },
    interview: `${sentences('Ответ на собеседовании')} Последние слова ответа.` } };
}

/**
 * The frame on screen. Under CI=true Ink writes one more, blank frame when the app exits
 * (is-in-ci), so the last frame with text is what the learner saw last.
 */
function shown(screen: ReturnType<typeof render>): string {
  return screen.frames.filter((f) => f.trim() !== '').at(-1) ?? '';
}

async function frame(screen: ReturnType<typeof render>, text: string): Promise<string> {
  await vi.waitFor(() => expect(shown(screen)).toContain(text), { timeout: 5000 });
  return shown(screen);
}

/** Input sent before Ink listens is lost: send again until the screen shows the result. */
async function press(screen: ReturnType<typeof render>, key: string, until: string):
  Promise<string> {
  await vi.waitFor(() => {
    if (!shown(screen).includes(until)) screen.stdin.write(key);
    expect(shown(screen)).toContain(until);
  }, { timeout: 5000, interval: 50 });
  return shown(screen);
}

describe('drill screen', () => {
  it('shows the front, reveals the back, grades, and finishes with a summary', async () => {
    const saved: string[] = [];
    const { screen } = start((id) => saved.push(id));

    const first = await frame(screen, 'Первичный ключ');
    expect(first).toContain('новых 2');
    expect(first).toContain('Пробел или Enter — показать ответ');
    expect(first).not.toContain('Официально');

    const revealed = await press(screen, ' ', 'Официально:');
    expect(revealed).toContain('Первичный ключ: своими словами');
    expect(revealed).toMatch(/1 Снова \(1 мин\)\s+2 Трудно/);
    expect(revealed).toContain('4 Легко');

    const second = await press(screen, '4', 'Что такое JOIN?');
    expect(second).toContain('сделано 1');
    expect(second).not.toContain('Ответ:');
    expect(saved).toEqual([cards[0].id]);

    await press(screen, '\r', 'Ответ на «Что такое JOIN?»');
    const done = await press(screen, '4', 'На сегодня всё повторено');
    expect(done).toContain('Оценок за тренировку: 2');
    expect(done).toMatch(/Следующее повторение: \d\d\.03\.2026/);
    expect(saved).toEqual([cards[0].id, cards[1].id]);
  });

  it('ignores grade keys until the answer is shown', async () => {
    const saved: string[] = [];
    const { screen } = start((id) => saved.push(id));
    await frame(screen, 'Первичный ключ');
    screen.stdin.write('3');
    await press(screen, ' ', 'Официально:');
    expect(saved).toEqual([]);
  });

  it('grades one card per key even when keys come faster than frames', async () => {
    const saved: string[] = [];
    const { screen } = start((id) => saved.push(id));
    await press(screen, ' ', 'Официально:');
    // A held key: the second press reaches the screen before it has drawn the next card.
    screen.stdin.write('4');
    screen.stdin.write('4');
    const next = await frame(screen, 'Что такое JOIN?');
    expect(next).toContain('Пробел или Enter — показать ответ');
    expect(saved).toEqual([cards[0].id]);
  });

  it('takes keys typed ahead in one read one by one: reveal, then grade', async () => {
    const saved: string[] = [];
    const { screen } = start((id) => saved.push(id));
    await frame(screen, 'Пробел или Enter — показать ответ');
    const next = await press(screen, ' 3', 'Что такое JOIN?');
    expect(next).toContain('Пробел или Enter — показать ответ');
    expect(saved).toEqual([cards[0].id]);
  });

  it('does not end on Esc: the drill is the top level, q leaves it', async () => {
    const { screen } = start();
    await press(screen, ' ', 'Официально:');
    const note = await press(screen, '\u001b', 'здесь верхний уровень: выйти — q');
    expect(note).toContain('Официально:');
    const next = await press(screen, '4', 'Что такое JOIN?');
    expect(next).not.toContain('Тренировка прервана');
  });

  it('quits on q with grades kept and the way back', async () => {
    const saved: string[] = [];
    const { screen } = start((id) => saved.push(id));
    await press(screen, ' ', 'Официально:');
    await press(screen, '3', 'Что такое JOIN?');
    const quit = await press(screen, 'q', 'Тренировка прервана');
    expect(quit).toContain('продолжить: dbcourse drill');
    expect(quit).toContain('На сегодня осталось: 2 карточки.');
    expect(saved).toHaveLength(1);
  });

  it('says so when a grade cannot be saved, and keeps the earlier ones', async () => {
    const { screen } = start(() => {
      throw new Error('EACCES: permission denied');
    });
    await press(screen, ' ', 'Официально:');
    const failed = (await press(screen, '3', 'Не удалось сохранить оценку'))
      .replace(/\s+/g, ' ');
    expect(failed).toContain('EACCES: permission denied');
    expect(failed).toContain('предыдущие сохранены');
  });

  it('keeps a long back within a short terminal: the term and the keys stay, the back scrolls',
    async () => {
      const { screen } = start(() => undefined, [longCard('Список выборки'), cards[1]],
        { columns: 60, rows: 15 });
      const lines = (frame: string) => frame.split('\n').length;
      const first = await frame(screen, 'Пробел или Enter — показать ответ');
      expect(lines(first)).toBeLessThanOrEqual(14);

      const revealed = await press(screen, ' ', 'Официально:');
      expect(lines(revealed)).toBeLessThanOrEqual(14);
      expect(revealed).toContain('Список выборки');
      expect(revealed).toContain('↑↓ пробел b листать');
      expect(revealed).toContain('q — выйти');
      expect(revealed).toMatch(/1 Снова .*2 Трудно/);
      expect(revealed).toMatch(/сделано 0 +0%/);
      expect(revealed).not.toContain('Последние слова ответа.');

      screen.stdin.write('j');
      await vi.waitFor(() => expect(shown(screen)).toMatch(/сделано 0 +[1-9]\d*%/),
        { timeout: 5000 });
      expect(lines(shown(screen))).toBeLessThanOrEqual(14);
      const end = await press(screen, 'G', '100%');
      expect(lines(end)).toBeLessThanOrEqual(14);
      expect(end).toContain('Последние слова ответа.');
      expect(end).toContain('Список выборки');
      expect(end).toContain('q — выйти');
      expect(end).not.toContain('Официально:');

      const back = await press(screen, 'g', 'Официально:');
      expect(back).toMatch(/сделано 0 +0%/);
      // A grade still grades: the next card starts at its top.
      const next = await press(screen, '3', 'Что такое JOIN?');
      expect(next).toContain('сделано 1');
    });
});
