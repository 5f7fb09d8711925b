// Cards and clocks for the drill tests: local noon, so that a day's edges never interfere.
import type { DrillCard } from '../../src/drill/cards.js';
import { definitionCardId, questionCardId } from '../../src/drill/cards.js';

export function noon(day: number, month = 3, year = 2026): Date {
  return new Date(year, month - 1, day, 12, 0, 0);
}

export function minutesAfter(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

const lesson = { key: 'select-where', short: '2-1', title: 'SELECT и WHERE' };

export function definitionCard(term: string): DrillCard {
  return {
    kind: 'definition',
    id: definitionCardId(lesson.key, term),
    lesson,
    definition: { term, official: { text: `${term}: официально`, source: 'ISO/IEC 9075-2' },
      interview: `${term}: своими словами` },
  };
}

export function questionCard(question: string): DrillCard {
  return {
    kind: 'question',
    id: questionCardId(lesson.key, question),
    lesson,
    question: { question, answer: `Ответ на «${question}»` },
  };
}
