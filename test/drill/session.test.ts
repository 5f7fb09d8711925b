import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/course/course.js';
import { cardsOf, isStudied, type DrillCard } from '../../src/drill/cards.js';
import { review, type CardRecord } from '../../src/drill/scheduler.js';
import { DrillSession, nextReview, plan } from '../../src/drill/session.js';
import { definitionCard, minutesAfter, noon, questionCard } from './fixtures.js';

const ids = (cards: readonly DrillCard[]) => cards.map((c) => c.id);

/** A record that is due on `due` (a review: due for that whole day). */
function reviewDueOn(due: Date, introduced = noon(1)): CardRecord {
  return { ...review(undefined, 4, introduced), due: due.toISOString() };
}

describe('drill plan', () => {
  const [a, b, c, d, e] = ['A', 'B', 'C', 'D', 'E'].map(definitionCard);

  it('puts due cards first, the longest overdue first, then new cards in course order', () => {
    const records = {
      [c.id]: reviewDueOn(noon(12)),
      [a.id]: reviewDueOn(noon(10)),
      [e.id]: reviewDueOn(noon(20)),
    };
    const today = plan([a, b, c, d, e], records, noon(14), 10);
    expect(ids(today.due)).toEqual([a.id, c.id]);
    expect(ids(today.fresh)).toEqual([b.id, d.id]);
  });

  it('starts no more new cards a day than the limit, counting those started earlier today', () => {
    const cards = [a, b, c, d, e];
    expect(plan(cards, {}, noon(14), 3)).toMatchObject({ waiting: 2, introducedToday: 0 });
    expect(ids(plan(cards, {}, noon(14), 3).fresh)).toEqual([a.id, b.id, c.id]);

    const startedToday = { [a.id]: review(undefined, 3, minutesAfter(noon(14), -60)),
      [b.id]: review(undefined, 3, minutesAfter(noon(14), -30)) };
    expect(ids(plan(cards, startedToday, noon(14), 3).fresh)).toEqual([c.id]);
    // Tomorrow the limit is whole again.
    expect(ids(plan(cards, startedToday, noon(15), 3).fresh)).toEqual([c.id, d.id, e.id]);
    expect(plan(cards, startedToday, noon(14), 1).fresh).toEqual([]);
  });

  it('keeps cards between learning steps for later in the session, not before they are due', () => {
    const step = review(undefined, 3, noon(14));
    const records = { [a.id]: step };
    expect(ids(plan([a], records, minutesAfter(noon(14), 1), 10).soon)).toEqual([a.id]);
    expect(ids(plan([a], records, minutesAfter(noon(14), 1), 10).due)).toEqual([]);
    expect(ids(plan([a], records, minutesAfter(noon(14), 10), 10).due)).toEqual([a.id]);
  });

  it('finds the next review and how many cards that day holds', () => {
    const records = { [a.id]: reviewDueOn(noon(20)), [b.id]: reviewDueOn(minutesAfter(noon(20),
      60)), [c.id]: reviewDueOn(noon(25)) };
    expect(nextReview([a, b, c], records)).toEqual({ at: noon(20), cards: 2 });
    expect(nextReview([d], records)).toBeUndefined();
  });
});

describe('drill session', () => {
  const cards = [definitionCard('Ключ'), questionCard('Что такое JOIN?'),
    questionCard('Чем WHERE отличается от HAVING?')];

  it('goes through every card, saves each grade, and brings a forgotten card back last', () => {
    const saved: string[] = [];
    const now = noon(14);
    const session = new DrillSession({ cards, records: {}, save: (id) => saved.push(id), now });
    expect(session.counts()).toEqual({ due: 0, fresh: 3, learning: 0, done: 0 });
    expect(session.current()?.id).toBe(cards[0].id);
    expect(session.currentIsNew()).toBe(true);

    session.grade(1, now);
    expect(session.counts()).toEqual({ due: 0, fresh: 2, learning: 1, done: 1 });
    session.grade(4, now);
    session.grade(4, now);
    // Nothing else left: the forgotten card comes back before its minute is up.
    expect(session.current()?.id).toBe(cards[0].id);
    expect(session.currentIsNew()).toBe(false);
    session.grade(4, now);

    expect(session.current()).toBeUndefined();
    expect(session.counts()).toEqual({ due: 0, fresh: 0, learning: 0, done: 4 });
    expect(saved).toEqual([cards[0].id, cards[1].id, cards[2].id, cards[0].id]);
    expect(session.nextReview()!.at.getTime()).toBeGreaterThan(now.getTime());
  });

  it('shows a learning card as soon as it is due, before the remaining new cards', () => {
    const now = noon(14);
    const session = new DrillSession({ cards, records: {}, save: () => undefined, now });
    session.grade(1, now);
    expect(session.current()?.id).toBe(cards[1].id);
    // Two minutes later the first card's one-minute step is over.
    session.grade(4, minutesAfter(now, 2));
    expect(session.current()?.id).toBe(cards[0].id);
    session.grade(4, minutesAfter(now, 2));
    expect(session.current()?.id).toBe(cards[2].id);
  });

  it('stays on the card when its grade cannot be saved', () => {
    const session = new DrillSession({ cards, records: {}, now: noon(14), save: () => {
      throw new Error('диск полон');
    } });
    expect(() => session.grade(3, noon(14))).toThrow('диск полон');
    expect(session.current()?.id).toBe(cards[0].id);
    expect(session.counts().done).toBe(0);
  });

  it('has nothing to show when no card is due and no new card is allowed', () => {
    const session = new DrillSession({ cards, records: {}, save: () => undefined, now: noon(14),
      newPerDay: 0 });
    expect(session.current()).toBeUndefined();
    expect(session.preview(noon(14))).toBeUndefined();
  });
});

describe('drill cards', () => {
  function lesson(key: string, short: string, title: string): Lesson {
    return {
      entry: { short } as Lesson['entry'],
      body: '',
      meta: {
        key, title,
        definitions: [{ term: 'Первичный ключ', official: { text: 'т', source: 'и' },
          interview: 'с' }],
        interview: [{ question: 'Зачем нужен   первичный ключ?', answer: 'Чтобы...' }],
      } as Lesson['meta'],
    };
  }

  it('keeps card ids when a lesson is renamed or moved, or a term changes case or Ё', () => {
    const before = cardsOf([lesson('keys', '1-3', 'Ключи')]);
    const moved = cardsOf([lesson('keys', '2-5', 'Ключи и связи')]);
    expect(ids(moved)).toEqual(ids(before));

    const retyped = lesson('keys', '1-3', 'Ключи');
    retyped.meta.definitions[0].term = 'первичный КЛЮЧ';
    retyped.meta.interview[0].question = 'Зачем нужен первичный ключ?';
    expect(ids(cardsOf([retyped]))).toEqual(ids(before));

    expect(ids(cardsOf([lesson('other', '1-3', 'Ключи')]))).not.toEqual(ids(before));
    expect(before.map((c) => c.kind)).toEqual(['definition', 'question']);
  });

  it('counts a lesson as studied once opened or once any exercise was checked', () => {
    expect(isStudied({ exercises: {} })).toBe(false);
    expect(isStudied({ openedAt: '2026-03-14T10:00:00Z', exercises: {} })).toBe(true);
    expect(isStudied({ exercises: { x: { passed: false, attempts: 1, hintsShown: 0 } } }))
      .toBe(true);
  });
});
