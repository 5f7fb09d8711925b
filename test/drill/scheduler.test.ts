import { describe, expect, it } from 'vitest';
import {
  GRADES, isDue, localDay, preview, review, type CardRecord,
} from '../../src/drill/scheduler.js';
import { minutesAfter, noon } from './fixtures.js';

const DAY = 24 * 60 * 60_000;

function dueOf(record: CardRecord): number {
  return Date.parse(record.due);
}

/** A card learnt on the 1st and reviewed Good until it is a few days out. */
function matureCard(): { record: CardRecord; at: Date } {
  let at = noon(1);
  let record = review(undefined, 4, at);
  for (let i = 0; i < 3; i++) {
    at = new Date(record.due);
    record = review(record, 3, at);
  }
  return { record, at: new Date(record.due) };
}

describe('drill scheduler (FSRS)', () => {
  it('moves a new card further out the better the grade', () => {
    const now = noon(14);
    const dues = GRADES.map((grade) => dueOf(review(undefined, grade, now)));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(new Set(dues).size).toBe(4);
    // Again and Good keep a new card in short learning steps; Easy graduates it for days.
    expect(review(undefined, 1, now).phase).toBe('learning');
    expect(dues[0] - now.getTime()).toBeLessThan(60 * 60_000);
    expect(review(undefined, 4, now).phase).toBe('review');
    expect(dues[3] - now.getTime()).toBeGreaterThanOrEqual(DAY);
  });

  it('moves a card in review further out the better the grade, and Again is a lapse', () => {
    const { record, at } = matureCard();
    expect(record.phase).toBe('review');
    const outcomes = GRADES.map((grade) => review(record, grade, at));
    const dues = outcomes.map(dueOf);
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(dues[1] - at.getTime()).toBeGreaterThanOrEqual(DAY);
    // A good recall of a mature card waits longer than its previous interval.
    expect(outcomes[2].scheduledDays).toBeGreaterThan(record.scheduledDays);

    const forgotten = outcomes[0];
    expect(forgotten.phase).toBe('relearning');
    expect(forgotten.lapses).toBe(record.lapses + 1);
    expect(dueOf(forgotten) - at.getTime()).toBeLessThan(60 * 60_000);
  });

  it('keeps the day a card was first seen through later reviews', () => {
    const first = review(undefined, 3, noon(1));
    const later = review(first, 3, minutesAfter(noon(1), 10));
    expect(later.introducedAt).toBe(first.introducedAt);
    expect(later.reps).toBe(2);
  });

  it('previews exactly the due dates the grades then give', () => {
    const { record, at } = matureCard();
    const shown = preview(record, at);
    for (const grade of GRADES) {
      expect(shown[grade].toISOString()).toBe(review(record, grade, at).due);
    }
  });

  it('survives a JSON round trip: the same grade from a saved record gives the same result', () => {
    const { record, at } = matureCard();
    const saved = JSON.parse(JSON.stringify(record)) as CardRecord;
    expect(review(saved, 3, at)).toEqual(review(record, 3, at));
  });

  it('counts a review due for its whole day, a learning step to the minute', () => {
    const evening = new Date(2026, 2, 14, 21, 0);
    const review = { phase: 'review', due: evening.toISOString() } as CardRecord;
    expect(isDue(review, noon(14))).toBe(true);
    expect(isDue(review, new Date(2026, 2, 13, 23, 59))).toBe(false);

    const step = { phase: 'learning', due: minutesAfter(noon(14), 10).toISOString() } as CardRecord;
    expect(isDue(step, minutesAfter(noon(14), 9))).toBe(false);
    expect(isDue(step, minutesAfter(noon(14), 10))).toBe(true);
    expect(localDay(noon(4))).toBe('2026-03-04');
  });
});
