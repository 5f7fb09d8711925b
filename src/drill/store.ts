/**
 * The drill schedule: drill.json beside progress.json in the data directory, one record per
 * card id. Kept the way progress is: every grade is written at once, atomically, under the
 * lock, replayed onto what the file holds then, so two sessions at once lose nothing.
 * Records of cards that left the course stay in the file: a lesson may come back.
 */
import { join } from 'node:path';
import { isRecord, readState, writeState, type StateFileSpec } from '../util/state-file.js';
import type { CardPhase, CardRecord } from './scheduler.js';

export const DRILL_FORMAT = 1;

export interface DrillData {
  format: number;
  createdAt: string;
  cards: Record<string, CardRecord>;
}

const phases: readonly CardPhase[] = ['learning', 'review', 'relearning'];
const numbers = ['stability', 'difficulty', 'scheduledDays', 'learningStep', 'reps',
  'lapses'] as const;
const times = ['due', 'lastReview', 'introducedAt'] as const;

function looksLikeRecord(value: unknown): value is CardRecord {
  if (!isRecord(value) || !phases.includes(value.phase as CardPhase)) return false;
  return numbers.every((field) => Number.isFinite(value[field])) &&
    times.every((field) => typeof value[field] === 'string' &&
      !Number.isNaN(Date.parse(value[field] as string)));
}

function looksValid(data: unknown): data is DrillData {
  if (!isRecord(data) || typeof data.format !== 'number' || !isRecord(data.cards)) return false;
  return Object.values(data.cards).every(looksLikeRecord);
}

function drillFile(dir: string): StateFileSpec<DrillData> {
  return { path: join(dir, 'drill.json'), format: DRILL_FORMAT, valid: looksValid,
    noun: 'Файл повторений' };
}

export class DrillStore {
  readonly path: string;

  private constructor(readonly dir: string, private data: DrillData) {
    this.path = drillFile(dir).path;
  }

  /**
   * Opens the schedule. A damaged file is moved aside (the learner is told where) and the
   * schedule started afresh; a file from a newer dbcourse is refused untouched, with a copy.
   */
  static open(dir: string, warn: (message: string) => void, now = new Date()): DrillStore {
    const fresh = (): DrillData =>
      ({ format: DRILL_FORMAT, createdAt: now.toISOString(), cards: {} });
    const read = readState(drillFile(dir), now);

    if (read.kind === 'read') return new DrillStore(dir, read.data);
    if (read.kind === 'damaged') {
      warn(`Файл повторений ${drillFile(dir).path} повреждён и не читается. Он сохранён как ` +
        `${read.backup}, расписание повторений начато заново (уроки и прогресс не ` +
        'затронуты). Если файл можно починить вручную, верните его на место под прежним ' +
        'именем.');
    }
    return new DrillStore(dir, fresh());
  }

  records(): Readonly<Record<string, CardRecord>> {
    return this.data.cards;
  }

  /**
   * Saves one card's new schedule now. Known shortcoming: when two sessions grade the same
   * card, the later write wins rather than both reviews being applied.
   */
  record(id: string, record: CardRecord): void {
    this.data.cards[id] = record;
    this.data = writeState(drillFile(this.dir), this.data, [(data) => {
      data.cards[id] = record;
    }]);
  }
}
