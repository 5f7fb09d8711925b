import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/cli/errors.js';
import { ProgressStore } from '../../src/progress/store.js';
import { tempDir } from '../helpers.js';

const noWarnings = () => {
  throw new Error('unexpected warning');
};

describe('progress store', () => {
  it('keeps progress by lesson key and exercise id across openings', () => {
    const dir = tempDir();
    const store = ProgressStore.open(dir, noWarnings);
    expect(store.isNew).toBe(true);
    store.recordAttempt('aggregates', 'avg-price', false);
    store.recordAttempt('aggregates', 'avg-price', true);
    store.recordHint('aggregates', 'count-pages', 3);

    const again = ProgressStore.open(dir, noWarnings);
    expect(again.exercise('aggregates', 'avg-price')).toMatchObject({ passed: true, attempts: 2 });
    expect(again.exercise('aggregates', 'count-pages').hintsShown).toBe(1);
    expect(again.exercise('other', 'x')).toMatchObject({ passed: false, attempts: 0 });
  });

  it('never un-passes an exercise after a later wrong answer', () => {
    const store = ProgressStore.open(tempDir(), noWarnings);
    store.recordAttempt('l', 'e', true);
    store.recordAttempt('l', 'e', false);
    expect(store.exercise('l', 'e').passed).toBe(true);
  });

  it('moves a damaged file aside, says where, and starts afresh', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'progress.json'), '{"format": 1, "lessons": {"a": ');
    const warnings: string[] = [];
    const store = ProgressStore.open(dir, (w) => warnings.push(w.message));

    expect(store.isNew).toBe(true);
    const backup = readdirSync(dir).find((f) => f.startsWith('progress.json.damaged-'));
    expect(backup).toBeDefined();
    expect(readFileSync(join(dir, backup!), 'utf8')).toContain('"lessons"');
    expect(warnings[0]).toContain(backup!);
  });

  it('refuses a file from a newer dbcourse without touching it, and keeps a copy', () => {
    const dir = tempDir();
    const newer = JSON.stringify({ format: 99, lessons: {} });
    writeFileSync(join(dir, 'progress.json'), newer);

    expect(() => ProgressStore.open(dir, noWarnings)).toThrow(UserError);
    expect(() => ProgressStore.open(dir, noWarnings)).toThrow(/Обновите dbcourse/);
    expect(readFileSync(join(dir, 'progress.json'), 'utf8')).toBe(newer);
    expect(readdirSync(dir).some((f) => f.startsWith('progress.json.backup-'))).toBe(true);
  });

  it('writes atomically: no temporary file is left behind', () => {
    const dir = join(tempDir(), 'nested', 'data');
    mkdirSync(dir, { recursive: true });
    const store = ProgressStore.open(dir, noWarnings);
    store.markOpened('l');
    expect(existsSync(join(dir, 'progress.json'))).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
