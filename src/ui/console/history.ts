/**
 * The console's history, kept between runs in the learner's data folder (beside, never
 * inside, the progress file) and bounded: the oldest entries go first.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../../util/fs.js';

export const HISTORY_LIMIT = 500;

export function historyPath(dataDir: string): string {
  return join(dataDir, 'sql-history.json');
}

/** The saved entries, oldest first; a missing or damaged file is an empty history. */
export function readHistory(path: string): string[] {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return Array.isArray(parsed) ? parsed.filter((e): e is string => typeof e === 'string')
      .slice(-HISTORY_LIMIT) : [];
  } catch {
    return [];
  }
}

/** The history with `entry` added (a repeat of the last one is not added twice), saved. */
export function remember(path: string, history: readonly string[], entry: string): string[] {
  if (history[history.length - 1] === entry) return [...history];
  const next = [...history, entry].slice(-HISTORY_LIMIT);

  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileAtomic(path, JSON.stringify(next, null, 1) + '\n');
  } catch {
    // History is a convenience: a read-only data folder must not stop the console.
  }
  return next;
}
