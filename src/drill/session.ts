/**
 * One drill session as data: which cards are due, which new ones today allows, which card
 * comes next, and what a grade does. The screen only shows it; the CLI lists it for pipes.
 */
import type { DrillCard } from './cards.js';
import { isDue, localDay, preview, review, type CardRecord, type DrillGrade } from './scheduler.js';

export const DEFAULT_NEW_PER_DAY = 10;

/** A card whose next (re)learning step is this close is shown again before the session ends. */
export const LEARN_AHEAD_MS = 20 * 60_000;

export interface Plan {
  /** Cards due now, the longest overdue first. */
  due: DrillCard[];
  /** Never-seen cards today's limit still allows, in course order. */
  fresh: DrillCard[];
  /** (Re)learning cards not yet due that will be by the end of a session. */
  soon: DrillCard[];
  /** New cards already started today, against the limit. */
  introducedToday: number;
  /** New cards beyond today's limit. */
  waiting: number;
}

function dueTime(records: Readonly<Record<string, CardRecord>>, card: DrillCard): number {
  return Date.parse(records[card.id].due);
}

export function plan(cards: readonly DrillCard[], records: Readonly<Record<string, CardRecord>>,
  now: Date, newPerDay = DEFAULT_NEW_PER_DAY): Plan {
  const today = localDay(now);
  // Every record counts, also of cards from lessons since removed: the limit is the learner's.
  const introducedToday = Object.values(records)
    .filter((r) => localDay(new Date(r.introducedAt)) === today).length;
  const unseen = cards.filter((c) => !records[c.id]);
  const allowed = Math.max(0, newPerDay - introducedToday);
  const seen = cards.filter((c) => records[c.id]);
  // A stable sort: cards due at the same moment keep course order.
  const byDue = (a: DrillCard, b: DrillCard) => dueTime(records, a) - dueTime(records, b);

  return {
    due: seen.filter((c) => isDue(records[c.id], now)).sort(byDue),
    fresh: unseen.slice(0, allowed),
    soon: seen.filter((c) => !isDue(records[c.id], now) && records[c.id].phase !== 'review' &&
      dueTime(records, c) <= now.getTime() + LEARN_AHEAD_MS).sort(byDue),
    introducedToday,
    waiting: Math.max(0, unseen.length - allowed),
  };
}

export interface Counts {
  due: number;
  fresh: number;
  /** Cards between (re)learning steps, coming back in this session. */
  learning: number;
  /** Grades given in this session. */
  done: number;
}

/** The earliest time any of some cards is due, and how many are due that day. */
export interface NextReview {
  at: Date;
  cards: number;
}

/** The earliest review of these cards, or none when none has been seen. */
export function nextReview(cards: readonly DrillCard[],
  records: Readonly<Record<string, CardRecord>>): NextReview | undefined {
  const times = cards.map((c) => records[c.id]).filter(Boolean).map((r) => new Date(r.due));
  if (times.length === 0) return undefined;
  const at = new Date(Math.min(...times.map((t) => t.getTime())));
  return { at, cards: times.filter((t) => localDay(t) === localDay(at)).length };
}

export interface SessionOptions {
  /** Every card of the studied lessons. */
  cards: readonly DrillCard[];
  records: Readonly<Record<string, CardRecord>>;
  /**
   * Called with every new record before the session moves on; when it throws, the session
   * stays on the same card.
   */
  save: (id: string, record: CardRecord) => void;
  now: Date;
  newPerDay?: number;
}

type Queue = 'due' | 'fresh' | 'learning';

export class DrillSession {
  private readonly due: DrillCard[];
  private readonly fresh: DrillCard[];
  /** Cards between learning steps; shown once due, or early when nothing else is left. */
  private learning: DrillCard[];
  private readonly cards: readonly DrillCard[];
  private readonly records: Record<string, CardRecord>;
  private readonly save: SessionOptions['save'];
  private currentCard: DrillCard | undefined;
  private currentFrom: Queue | undefined;
  private graded = 0;

  constructor({ cards, records, save, now, newPerDay = DEFAULT_NEW_PER_DAY }: SessionOptions) {
    this.cards = cards;
    this.records = { ...records };
    this.save = save;
    const planned = plan(cards, this.records, now, newPerDay);
    this.due = planned.due;
    this.fresh = planned.fresh;
    this.learning = planned.soon;
    this.currentCard = this.pick(now);
  }

  current(): DrillCard | undefined {
    return this.currentCard;
  }

  /** Whether the current card has never been reviewed. */
  currentIsNew(): boolean {
    return this.currentCard !== undefined && !this.records[this.currentCard.id];
  }

  /** What is left, the card on screen included. */
  counts(): Counts {
    const counts = { due: this.due.length, fresh: this.fresh.length,
      learning: this.learning.length, done: this.graded };
    if (this.currentFrom) counts[this.currentFrom] += 1;
    return counts;
  }

  /** When the current card would be due after each grade. */
  preview(now: Date): Record<DrillGrade, Date> | undefined {
    const card = this.currentCard;
    return card ? preview(this.records[card.id], now) : undefined;
  }

  grade(grade: DrillGrade, now: Date): void {
    const card = this.currentCard;
    if (!card) return;

    const record = review(this.records[card.id], grade, now);
    this.save(card.id, record);
    this.records[card.id] = record;
    this.graded += 1;

    if (record.phase !== 'review' && Date.parse(record.due) <= now.getTime() + LEARN_AHEAD_MS) {
      this.learning.push(card);
      this.learning.sort((a, b) => dueTime(this.records, a) - dueTime(this.records, b));
    }
    this.currentCard = this.pick(now);
  }

  /** The next review of the session's cards after it. */
  nextReview(): NextReview | undefined {
    return nextReview(this.cards, this.records);
  }

  /** Learning cards due now, then due reviews, then new cards, then learning cards early. */
  private pick(now: Date): DrillCard | undefined {
    const ready = this.learning[0];
    const queue: Queue | undefined =
      ready && dueTime(this.records, ready) <= now.getTime() ? 'learning'
      : this.due.length > 0 ? 'due'
      : this.fresh.length > 0 ? 'fresh'
      : this.learning.length > 0 ? 'learning' : undefined;

    this.currentFrom = queue;
    if (queue === 'learning') return this.learning.shift();
    if (queue === 'due') return this.due.shift();
    if (queue === 'fresh') return this.fresh.shift();
    return undefined;
  }
}
