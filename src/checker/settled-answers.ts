/**
 * Which lessons' answer files all passed at their last check, with each file's size and time
 * of change. `check` reads it before it has even loaded the lesson, to guess whether any SQL
 * will run and so whether to start the SQL thread early. Only a guess about timing: verdicts
 * never depend on it, and a missing, stale or damaged record only costs speed.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheBuildKey } from '../util/build.js';

type FileStamp = [path: string, size: number, changed: number];

interface Record {
  build: string;
  /** False when the lesson has no SQL exercise: then its files do not matter. */
  sql: boolean;
  files: FileStamp[];
}

const FILE = 'settled.json';

/** One key for every way of naming a lesson on the command line: 2-4, 2.4, lesson-2-4. */
export function settledKey(lesson: string, exercise?: string): string {
  const numbered = /^(?:lesson-)?(\d+)[-.](\d+)$/i.exec(lesson.trim());
  const name = numbered ? `${Number(numbered[1])}-${Number(numbered[2])}` : lesson.trim();
  return exercise === undefined ? name : `${name} ${exercise}`;
}

function read(dir: string): { [key: string]: Record } {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(dir, FILE), 'utf8'));
    return parsed && typeof parsed === 'object' ? parsed as { [key: string]: Record } : {};
  } catch {
    return {};
  }
}

function stamp(path: string): FileStamp | undefined {
  try {
    const stats = statSync(path);
    return [path, stats.size, stats.mtimeMs];
  } catch {
    return undefined;
  }
}

/**
 * Whether a check under `key` will run no SQL: the lesson has none, or every answer file of
 * its last all-passed check is unchanged.
 */
export function stillSettled(dir: string, key: string): boolean {
  const record = read(dir)[key];
  if (!record || record.build !== cacheBuildKey) return false;
  if (record.sql === false) return true;
  if (!Array.isArray(record.files)) return false;
  return record.files.every((file) => {
    const now = Array.isArray(file) ? stamp(String(file[0])) : undefined;
    return now !== undefined && now[1] === file[1] && now[2] === file[2];
  });
}

/**
 * After a check under `key`: `sql` false for a lesson without SQL exercises; otherwise the
 * answer files when all passed, or undefined, which forgets the record.
 */
export function recordSettled(dir: string, key: string, sql: boolean,
  paths: string[] | undefined): void {
  const records = read(dir);
  const files = sql ? paths?.map(stamp) : [];
  if (files && files.every((f) => f !== undefined)) {
    const record = { build: cacheBuildKey, sql, files: files as FileStamp[] };
    if (JSON.stringify(records[key]) === JSON.stringify(record)) return;
    records[key] = record;
  } else if (key in records) {
    delete records[key];
  } else {
    return;
  }

  try {
    mkdirSync(dir, { recursive: true });
    // A hint, not data: no flush to disk; the rename still keeps a reader from a half file.
    const temporary = join(dir, `${FILE}.${process.pid}.tmp`);
    writeFileSync(temporary, JSON.stringify(records));
    renameSync(temporary, join(dir, FILE));
  } catch {
    // A read-only or full cache only costs speed.
  }
}
