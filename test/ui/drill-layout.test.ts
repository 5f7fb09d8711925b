// The drill card laid out for a terminal's height: never taller, the term and the keys always
// on screen, a long back scrolled a window at a time with every line reachable.
import { describe, expect, it } from 'vitest';
import type { DrillCard } from '../../src/drill/cards.js';
import { displayWidth } from '../../src/render/width.js';
import { cardLayout, type CardState } from '../../src/ui/drill/card-layout.js';
import type { Line } from '../../src/ui/drill/lines.js';
import { definitionCard, minutesAfter, noon, questionCard } from '../drill/fixtures.js';

const text = (line: Line) => line.map((span) => span.text).join('');
const long = (what: string) => Array.from({ length: 8 }, (_, i) =>
  `${what} ${i + 1}: пояснение на целую строку или чуть больше.`).join(' ');

function longCard(): DrillCard {
  const card = definitionCard('Список выборки');
  if (card.kind !== 'definition') throw new Error('a definition card expected');
  return { ...card, definition: { ...card.definition,
    official: { text: long('Официально'), source: 'ISO/IEC 9075-2:2023' },
    interview: long('Своими словами') } };
}

function state(card: DrillCard, extra: Partial<CardState>): CardState {
  const now = noon(14);
  const outcomes = { 1: minutesAfter(now, 1), 2: minutesAfter(now, 6),
    3: minutesAfter(now, 10), 4: minutesAfter(now, 8 * 24 * 60) };
  return { counts: { due: 3, fresh: 10, learning: 2, done: 7 }, card, isNew: true,
    revealed: true, outcomes, now, escaped: false, top: 0, width: 60, height: 14, ...extra };
}

describe('drill card layout', () => {
  it('never exceeds the height, and keeps the term and the keys', () => {
    for (const card of [longCard(), questionCard('Что такое JOIN?')]) {
      for (const width of [40, 60, 80, 100]) {
        for (let height = 8; height <= 40; height++) {
          for (const [revealed, escaped] of [[false, false], [true, false], [true, true]]) {
            const layout = cardLayout(state(card, { width, height, revealed, escaped }));
            const lines = layout.lines.map(text);
            expect(lines.length).toBeLessThanOrEqual(height);
            for (const line of layout.lines) expect(lineWidth(line)).toBeLessThanOrEqual(width);
            expect(lines.some((line) => line.includes(card.kind === 'question'
              ? 'Что такое JOIN?' : 'Список выборки'))).toBe(true);
            const end = lines.slice(escaped ? -3 : -1).join(' ');
            expect(end).toMatch(escaped ? /выйти\s+— q \(оценки уже сохранены\)\.$/
              : /q — выйти \(оценки уже сохранены\)$/);
          }
        }
      }
    }
  });

  it('scrolls a long back so that each of its lines can be reached', () => {
    const first = cardLayout(state(longCard(), {}));
    expect(first.shown).toBeLessThan(first.length);
    const seen = new Set<string>();
    for (let top = 0; top <= first.length - first.shown; top++) {
      const layout = cardLayout(state(longCard(), { top }));
      expect(layout.top).toBe(top);
      for (const line of layout.lines) seen.add(text(line));
    }
    expect([...seen].join(' ')).toContain('Своими словами 8');
    expect([...seen].join(' ')).toContain('Официально: Официально 1');
    const end = cardLayout(state(longCard(), { top: 1000 }));
    expect(end.top).toBe(end.length - end.shown);
    expect(text(end.lines[0])).toMatch(/100%$/);
  });

  it('shows the whole card with its blank lines when the terminal is tall enough', () => {
    const layout = cardLayout(state(questionCard('Что такое JOIN?'), { height: 30, width: 80 }));
    const lines = layout.lines.map(text);
    expect(layout.shown).toBe(layout.length);
    expect(lines[0]).toBe('Повторение  к повторению 3 · новых 10 · в изучении 2 · сделано 7');
    expect(lines).toContain('Насколько легко вспомнилось? Нажмите 1–4:');
    expect(lines).toContain('');
    expect(lines.join('\n')).not.toContain('листать');
  });
});

function lineWidth(line: Line): number {
  return displayWidth(text(line));
}
