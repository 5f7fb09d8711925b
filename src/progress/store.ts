/**
 * The learner's progress: one JSON file in the data directory, keyed by stable lesson keys and
 * exercise ids so that renamed or re-ordered lessons keep it. Every change is written at once,
 * atomically, so a killed process loses nothing that was already reported.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRecord, readState, writeState, type StateFileSpec } from '../util/state-file.js';

export const PROGRESS_FORMAT = 1;

export interface ExerciseProgress {
  passed: boolean;
  /** ISO time of the first pass. */
  passedAt?: string;
  attempts: number;
  hintsShown: number;
  /** The learner asked for the solution before passing. */
  gaveUp?: boolean;
}

export interface LessonProgress {
  openedAt?: string;
  exercises: Record<string, ExerciseProgress>;
}

export interface ProgressData {
  format: number;
  createdAt: string;
  lessons: Record<string, LessonProgress>;
}

export interface ProgressWarning {
  message: string;
}

function looksValid(data: unknown): data is ProgressData {
  if (!isRecord(data) || typeof data.format !== 'number' || !isRecord(data.lessons)) return false;
  return Object.values(data.lessons).every((lesson) =>
    isRecord(lesson) && isRecord(lesson.exercises) &&
    Object.values(lesson.exercises).every((e) => isRecord(e) && typeof e.passed === 'boolean'));
}

const count = (value: unknown): number =>
  (Number.isInteger(value) && (value as number) >= 0 ? value as number : 0);

/**
 * What can be kept of a damaged progress file: every exercise entry that still says whether
 * it was passed; `dropped` counts the rest. Undefined when nothing of the shape is left.
 */
export function salvageProgress(data: unknown, now: Date):
  { data: ProgressData; dropped: number } | undefined {
  if (!isRecord(data) || !isRecord(data.lessons)) return undefined;
  const lessons: Record<string, LessonProgress> = {};
  let dropped = 0;

  for (const [key, lesson] of Object.entries(data.lessons)) {
    if (!isRecord(lesson) || !isRecord(lesson.exercises)) {
      dropped += 1;
      continue;
    }
    const exercises: Record<string, ExerciseProgress> = {};
    for (const [id, e] of Object.entries(lesson.exercises)) {
      if (!isRecord(e) || typeof e.passed !== 'boolean') {
        dropped += 1;
        continue;
      }
      exercises[id] = { passed: e.passed, attempts: count(e.attempts),
        hintsShown: count(e.hintsShown),
        ...(typeof e.passedAt === 'string' ? { passedAt: e.passedAt } : {}),
        ...(e.gaveUp === true ? { gaveUp: true } : {}) };
    }
    lessons[key] = { exercises,
      ...(typeof lesson.openedAt === 'string' ? { openedAt: lesson.openedAt } : {}) };
  }

  return { data: { format: PROGRESS_FORMAT, lessons,
    createdAt: typeof data.createdAt === 'string' ? data.createdAt : now.toISOString() },
  dropped };
}

function ensureLesson(data: ProgressData, key: string): LessonProgress {
  data.lessons[key] ??= { exercises: {} };
  return data.lessons[key];
}

function ensureExercise(data: ProgressData, lessonKey: string,
  exerciseId: string): ExerciseProgress {
  const lesson = ensureLesson(data, lessonKey);
  lesson.exercises[exerciseId] ??= { passed: false, attempts: 0, hintsShown: 0 };
  return lesson.exercises[exerciseId];
}

function progressFile(dir: string): StateFileSpec<ProgressData> {
  return { path: join(dir, 'progress.json'), format: PROGRESS_FORMAT, valid: looksValid,
    noun: 'Файл прогресса' };
}

type Change = (data: ProgressData) => void;

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

export class ProgressStore {
  readonly path: string;
  /** Changes not yet written; replayed onto the file's current content when saving. */
  private pending: Change[] = [];

  private constructor(readonly dir: string, private data: ProgressData, readonly isNew: boolean) {
    this.path = join(dir, 'progress.json');
  }

  /**
   * Opens the store. A damaged file is moved aside (the learner is told where) and a fresh
   * one started; a file from a newer dbcourse is refused untouched, with a backup copy.
   */
  static open(dir: string, warn: (w: ProgressWarning) => void, now = new Date()): ProgressStore {
    const fresh = (): ProgressData =>
      ({ format: PROGRESS_FORMAT, createdAt: now.toISOString(), lessons: {} });
    const read = readState(progressFile(dir), now);

    if (read.kind === 'read') return new ProgressStore(dir, read.data, false);
    const kept = read.kind === 'damaged' ? salvageProgress(readJson(read.backup), now) : undefined;
    if (read.kind === 'damaged' && kept && Object.keys(kept.data.lessons).length > 0) {
      warn({ message: `В файле прогресса ${join(dir, 'progress.json')} повреждены записи ` +
        `(${kept.dropped}): они пропущены, остальной прогресс сохранён. Исходный файл — ` +
        `${read.backup}.` });
      const store = new ProgressStore(dir, kept.data, false);
      // Written back at once, so that the file reads cleanly from now on.
      store.change(() => undefined);
      return store;
    }
    if (read.kind === 'damaged') {
      warn({ message: `Файл прогресса ${join(dir, 'progress.json')} повреждён и не читается. ` +
        `Он сохранён как ${read.backup}, прогресс начат заново. Если файл можно починить ` +
        'вручную, верните его на место под прежним именем.' });
    }
    return new ProgressStore(dir, fresh(), true);
  }

  lesson(key: string): LessonProgress {
    return this.data.lessons[key] ?? { exercises: {} };
  }

  exercise(lessonKey: string, exerciseId: string): ExerciseProgress {
    return this.lesson(lessonKey).exercises[exerciseId] ?? { passed: false, attempts: 0,
      hintsShown: 0 };
  }

  hasAnyProgress(): boolean {
    return Object.keys(this.data.lessons).length > 0;
  }

  markOpened(lessonKey: string, now = new Date()): void {
    if (this.lesson(lessonKey).openedAt) return;
    this.change((data) => {
      ensureLesson(data, lessonKey).openedAt ??= now.toISOString();
    });
  }

  /** Records a checked answer; `save: false` leaves the write to a later save(). */
  recordAttempt(lessonKey: string, exerciseId: string, passed: boolean,
    options: { save?: boolean; now?: Date } = {}): void {
    const at = (options.now ?? new Date()).toISOString();
    this.change((data) => {
      const exercise = ensureExercise(data, lessonKey, exerciseId);
      exercise.attempts += 1;
      if (passed && !exercise.passed) {
        exercise.passed = true;
        exercise.passedAt = at;
      }
    }, options.save !== false);
  }

  /** Counts one more hint shown; returns how many have been shown now. */
  recordHint(lessonKey: string, exerciseId: string, total: number): number {
    this.change((data) => {
      const exercise = ensureExercise(data, lessonKey, exerciseId);
      exercise.hintsShown = Math.min(exercise.hintsShown + 1, total);
    });
    return this.exercise(lessonKey, exerciseId).hintsShown;
  }

  recordGaveUp(lessonKey: string, exerciseId: string): void {
    this.change((data) => {
      const exercise = ensureExercise(data, lessonKey, exerciseId);
      if (!exercise.passed) exercise.gaveUp = true;
    });
  }

  private change(apply: Change, save = true): void {
    apply(this.data);
    this.pending.push(apply);
    if (save) this.save();
  }

  /**
   * Reads the file again when nothing is waiting to be written: a screen that stays open
   * sees what `check`, `watch` or `answer` in another terminal recorded meanwhile.
   */
  refresh(): void {
    if (this.pending.length > 0) return;
    try {
      const read = readState(progressFile(this.dir), new Date());
      if (read.kind === 'read') this.data = read.data;
    } catch {
      // A file this version cannot read: keep what was read at the start; saving says why.
    }
  }

  /** Writes the pending changes on top of what the file holds now, under the lock. */
  save(): void {
    if (this.pending.length === 0) return;
    this.data = writeState(progressFile(this.dir), this.data, this.pending);
    this.pending = [];
  }
}
