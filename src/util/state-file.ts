/**
 * A learner's state kept as one JSON file in the data directory (progress, the drill
 * schedule): read with damage and newer formats handled, written atomically under a lock,
 * with changes replayed onto what the file holds at the moment of writing.
 */
import {
  closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync,
  statSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import { UserError } from '../cli/errors.js';
import { writeFileAtomic } from './fs.js';

const LOCK_WAIT_MS = 5000;
const LOCK_STALE_MS = 10_000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs `work` holding `<path>.lock`, so that two dbcourse processes (a check in watch mode
 * and one in another terminal) never overwrite each other's results. A lock left by a killed
 * process is taken over once it is stale.
 */
export function withLock<T>(path: string, work: () => T): T {
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

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface StateFileSpec<T> {
  path: string;
  /** The format this dbcourse writes; a file with a larger one is refused untouched. */
  format: number;
  valid(data: unknown): data is T;
  /** How messages name the file: "Файл прогресса". */
  noun: string;
}

export type StateRead<T> =
  | { kind: 'missing' }
  | { kind: 'read'; data: T }
  /** Moved aside to `backup`; the caller tells the learner and starts afresh. */
  | { kind: 'damaged'; backup: string };

function stampForFile(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

function parse(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Reads the file. One written by a newer dbcourse is refused with a UserError (a copy is kept,
 * one per content, so running commands again does not pile up backups); a damaged one is
 * renamed aside.
 */
export function readState<T>(spec: StateFileSpec<T>, now: Date): StateRead<T> {
  const { path } = spec;
  if (!existsSync(path)) return { kind: 'missing' };

  const data = parse(path);
  if (isRecord(data) && typeof data.format === 'number' && data.format > spec.format) {
    const hash = createHash('sha1').update(readFileSync(path)).digest('hex').slice(0, 10);
    const backup = `${path}.backup-format${data.format}-${hash}`;
    if (!existsSync(backup)) copyFileSync(path, backup);
    throw new UserError(`${spec.noun} ${path} записан более новой версией dbcourse ` +
      `(формат ${data.format}, эта версия знает ${spec.format}). Обновите dbcourse; ` +
      `файл не изменён, копия: ${backup}`);
  }

  if (!spec.valid(data)) {
    const backup = `${path}.damaged-${stampForFile(now)}`;
    renameSync(path, backup);
    return { kind: 'damaged', backup };
  }

  return { kind: 'read', data };
}

/**
 * Applies `changes` to what the file holds now (or to `own` when it holds nothing usable) and
 * writes the result atomically, under the lock. Returns the data written.
 */
export function writeState<T extends { format: number }>(spec: StateFileSpec<T>, own: T,
  changes: ReadonlyArray<(data: T) => void>): T {
  mkdirSync(dirname(spec.path), { recursive: true });

  return withLock(spec.path, () => {
    let current = own;
    const onDisk = existsSync(spec.path) ? parse(spec.path) : undefined;
    // A file that is unreadable since we opened it: our own data is the newest.
    if (spec.valid(onDisk) && onDisk.format === spec.format) {
      current = onDisk;
      for (const apply of changes) apply(current);
    }
    writeFileAtomic(spec.path, JSON.stringify(current, null, 2) + '\n');
    return current;
  });
}
