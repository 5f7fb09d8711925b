/**
 * The learner's progress: one JSON file in the data directory, keyed by stable lesson keys and
 * exercise ids so that renamed or re-ordered lessons keep it. Every change is written at once,
 * atomically, so a killed process loses nothing that was already reported.
 */
import {
  closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync,
  statSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { UserError } from '../cli/errors.js';
import { writeFileAtomic } from '../util/fs.js';

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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function looksValid(data: unknown): data is ProgressData {
  if (!isRecord(data) || typeof data.format !== 'number' || !isRecord(data.lessons)) return false;
  return Object.values(data.lessons).every((lesson) =>
    isRecord(lesson) && isRecord(lesson.exercises) &&
    Object.values(lesson.exercises).every((e) => isRecord(e) && typeof e.passed === 'boolean'));
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

function stampForFile(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

const LOCK_WAIT_MS = 5000;
const LOCK_STALE_MS = 10_000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs `work` holding progress.json.lock, so that two dbcourse processes (a check in watch
 * mode and one in another terminal) never overwrite each other's results. A lock left by a
 * killed process is taken over once it is stale.
 */
function withLock<T>(path: string, work: () => T): T {
  const lock = `${path}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;

  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > LOCK_STALE_MS || Date.now() > deadline) rmSync(lock, { force: true });
      else sleep(10);
    }
  }

  try {
    return work();
  } finally {
    rmSync(lock, { force: true });
  }
}

type Change = (data: ProgressData) => void;

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
    const path = join(dir, 'progress.json');
    const fresh = (): ProgressData =>
      ({ format: PROGRESS_FORMAT, createdAt: now.toISOString(), lessons: {} });

    if (!existsSync(path)) return new ProgressStore(dir, fresh(), true);

    let data: unknown;
    try {
      data = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      data = undefined;
    }

    if (isRecord(data) && typeof data.format === 'number' && data.format > PROGRESS_FORMAT) {
      // One copy per content: running commands again does not pile up backups.
      const hash = createHash('sha1').update(readFileSync(path)).digest('hex').slice(0, 10);
      const backup = `${path}.backup-format${data.format}-${hash}`;
      if (!existsSync(backup)) copyFileSync(path, backup);
      throw new UserError(`Файл прогресса ${path} записан более новой версией dbcourse ` +
        `(формат ${data.format}, эта версия знает ${PROGRESS_FORMAT}). Обновите dbcourse; ` +
        `файл не изменён, копия: ${backup}`);
    }

    if (!looksValid(data)) {
      const backup = `${path}.damaged-${stampForFile(now)}`;
      renameSync(path, backup);
      warn({ message: `Файл прогресса ${path} повреждён и не читается. Он сохранён как ` +
        `${backup}, прогресс начат заново. Если файл можно починить вручную, ` +
        'верните его на место под прежним именем.' });
      return new ProgressStore(dir, fresh(), true);
    }

    return new ProgressStore(dir, data, false);
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

  /** Writes the pending changes on top of what the file holds now, under the lock. */
  save(): void {
    if (this.pending.length === 0) return;
    mkdirSync(dirname(this.path), { recursive: true });

    withLock(this.path, () => {
      let current = this.data;
      try {
        const onDisk = JSON.parse(readFileSync(this.path, 'utf8')) as unknown;
        if (looksValid(onDisk) && onDisk.format === PROGRESS_FORMAT) {
          current = onDisk;
          for (const apply of this.pending) apply(current);
        }
      } catch {
        // No file yet (or unreadable since we opened it): our own data is the newest.
      }
      writeFileAtomic(this.path, JSON.stringify(current, null, 2) + '\n');
      this.data = current;
      this.pending = [];
    });
  }
}
