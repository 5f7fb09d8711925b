/**
 * The learner's progress: one JSON file in the data directory, keyed by stable lesson keys and
 * exercise ids so that renamed or re-ordered lessons keep it. Every change is written at once,
 * atomically, so a killed process loses nothing that was already reported.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
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

function stampForFile(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

export class ProgressStore {
  readonly path: string;
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
      const backup = `${path}.backup-${stampForFile(now)}`;
      copyFileSync(path, backup);
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
    const lesson = this.ensureLesson(lessonKey);
    if (lesson.openedAt) return;
    lesson.openedAt = now.toISOString();
    this.save();
  }

  /** Records a checked answer; `save: false` leaves the write to a later save(). */
  recordAttempt(lessonKey: string, exerciseId: string, passed: boolean,
    options: { save?: boolean; now?: Date } = {}): void {
    const exercise = this.ensureExercise(lessonKey, exerciseId);
    exercise.attempts += 1;
    if (passed && !exercise.passed) {
      exercise.passed = true;
      exercise.passedAt = (options.now ?? new Date()).toISOString();
    }
    if (options.save !== false) this.save();
  }

  /** Counts one more hint shown; returns how many have been shown now. */
  recordHint(lessonKey: string, exerciseId: string, total: number): number {
    const exercise = this.ensureExercise(lessonKey, exerciseId);
    exercise.hintsShown = Math.min(exercise.hintsShown + 1, total);
    this.save();
    return exercise.hintsShown;
  }

  recordGaveUp(lessonKey: string, exerciseId: string): void {
    const exercise = this.ensureExercise(lessonKey, exerciseId);
    if (exercise.passed || exercise.gaveUp) return;
    exercise.gaveUp = true;
    this.save();
  }

  private ensureLesson(key: string): LessonProgress {
    this.data.lessons[key] ??= { exercises: {} };
    return this.data.lessons[key];
  }

  private ensureExercise(lessonKey: string, exerciseId: string): ExerciseProgress {
    const lesson = this.ensureLesson(lessonKey);
    lesson.exercises[exerciseId] ??= { passed: false, attempts: 0, hintsShown: 0 };
    return lesson.exercises[exerciseId];
  }

  save(): void {
    mkdirSync(dirname(this.path), { recursive: true });
    writeFileAtomic(this.path, JSON.stringify(this.data, null, 2) + '\n');
  }
}
