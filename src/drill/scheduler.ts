/**
 * The schedule of one card, computed by FSRS (ts-fsrs): what a grade does to it, when it is
 * due. Records are plain JSON-ready data with our own field names, so that the state file
 * does not change shape with the library's.
 */
// Importing ts-fsrs 5 also adds deprecated helpers to Date.prototype: only drill loads it.
import { fsrs, createEmptyCard, State, type Card, type Grade } from 'ts-fsrs';

/** Again, Hard, Good, Easy: the keys 1–4. */
export type DrillGrade = 1 | 2 | 3 | 4;
export const GRADES: readonly DrillGrade[] = [1, 2, 3, 4];

export type CardPhase = 'learning' | 'review' | 'relearning';

export interface CardRecord {
  phase: CardPhase;
  /** ISO time the card is due again. */
  due: string;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  /** Which short-term (re)learning step the card is on. */
  learningStep: number;
  reps: number;
  lapses: number;
  /** ISO time of the last review. */
  lastReview: string;
  /** ISO time of the first review: counts against that day's limit of new cards. */
  introducedAt: string;
}

// Defaults otherwise: 90% retention, learning steps 1 and 10 minutes, no fuzz (a deck of a
// few hundred cards does not need its reviews spread).
const scheduler = fsrs({ request_retention: 0.9 });

const phaseOf: Record<CardPhase, State> = {
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};

function toFsrs(record: CardRecord | undefined, now: Date): Card {
  if (!record) return createEmptyCard(now);
  return {
    due: new Date(record.due),
    stability: record.stability,
    difficulty: record.difficulty,
    elapsed_days: 0,
    scheduled_days: record.scheduledDays,
    learning_steps: record.learningStep,
    reps: record.reps,
    lapses: record.lapses,
    state: phaseOf[record.phase],
    last_review: new Date(record.lastReview),
  };
}

function fromFsrs(card: Card, introducedAt: string): CardRecord {
  const phase = card.state === State.Review ? 'review'
    : card.state === State.Relearning ? 'relearning' : 'learning';
  return {
    phase,
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningStep: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    lastReview: (card.last_review ?? card.due).toISOString(),
    introducedAt,
  };
}

/** The card after the learner graded it at `now`; a card seen for the first time has none. */
export function review(record: CardRecord | undefined, grade: DrillGrade, now: Date): CardRecord {
  const next = scheduler.next(toFsrs(record, now), now, grade as Grade);
  return fromFsrs(next.card, record?.introducedAt ?? now.toISOString());
}

/** When the card would be due after each grade, for the grade buttons. */
export function preview(record: CardRecord | undefined, now: Date): Record<DrillGrade, Date> {
  const outcomes = scheduler.repeat(toFsrs(record, now), now);
  return {
    1: outcomes[1].card.due,
    2: outcomes[2].card.due,
    3: outcomes[3].card.due,
    4: outcomes[4].card.due,
  };
}

/** 2025-03-14 in local time: the learner's day (it turns at midnight; Anki waits for 4 a.m.). */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * (Re)learning steps are minutes apart and due to the minute; a review is due for the whole
 * day it falls on, so a card reviewed last evening is not hidden until the same hour today.
 */
export function isDue(record: CardRecord, now: Date): boolean {
  if (record.phase !== 'review') return new Date(record.due) <= now;
  return localDay(new Date(record.due)) <= localDay(now);
}
