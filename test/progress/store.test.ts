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

  it('keeps both results when two processes record at the same time', () => {
    const dir = tempDir();
    ProgressStore.open(dir, noWarnings).markOpened('l');
    // Two commands opened the store before either saved.
    const first = ProgressStore.open(dir, noWarnings);
    const second = ProgressStore.open(dir, noWarnings);
    first.recordAttempt('l', 'a', true);
    second.recordAttempt('l', 'b', true);
    second.recordHint('l', 'a', 3);

    const merged = ProgressStore.open(dir, noWarnings);
    expect(merged.exercise('l', 'a')).toMatchObject({ passed: true, hintsShown: 1 });
    expect(merged.exercise('l', 'b').passed).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.lock'))).toEqual([]);
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

  it('keeps what it can of a file with a damaged entry, says so, and keeps the original', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'progress.json'), JSON.stringify({ format: 1,
      createdAt: '2026-01-01T00:00:00.000Z', lessons: {
        a: { exercises: { x: { passed: true, attempts: 2, hintsShown: 1 },
          y: { passed: 'yes', attempts: -1 } } },
        b: { exercises: { z: { passed: false, attempts: -3, hintsShown: 0 } } },
      } }));
    const warnings: string[] = [];
    const store = ProgressStore.open(dir, (w) => warnings.push(w.message));

    expect(store.isNew).toBe(false);
    expect(store.exercise('a', 'x')).toMatchObject({ passed: true, attempts: 2 });
    expect(store.exercise('a', 'y').passed).toBe(false);
    expect(store.exercise('b', 'z').attempts).toBe(0);
    expect(warnings[0]).toContain('повреждены записи (1)');
    const backup = readdirSync(dir).find((f) => f.startsWith('progress.json.damaged-'));
    expect(readFileSync(join(dir, backup!), 'utf8')).toContain('"yes"');
    // Written back clean: the next opening has nothing to say.
    expect(ProgressStore.open(dir, noWarnings).exercise('a', 'x').passed).toBe(true);
  });

  it('refuses a file from a newer dbcourse without touching it, and keeps a copy', () => {
    const dir = tempDir();
    const newer = JSON.stringify({ format: 99, lessons: {} });
    writeFileSync(join(dir, 'progress.json'), newer);

    expect(() => ProgressStore.open(dir, noWarnings)).toThrow(UserError);
    expect(() => ProgressStore.open(dir, noWarnings)).toThrow(/Обновите dbcourse/);
    expect(readFileSync(join(dir, 'progress.json'), 'utf8')).toBe(newer);
    // One backup, however many commands ran.
    expect(readdirSync(dir).filter((f) => f.startsWith('progress.json.backup-'))).toHaveLength(1);
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

describe('a store that stays open', () => {
  it('sees on refresh what another process recorded, and keeps its own pending changes', () => {
    const dir = tempDir();
    const screen = ProgressStore.open(dir, () => undefined);
    const other = ProgressStore.open(dir, () => undefined);
    other.recordAttempt('basics', 'first', true);
    expect(screen.exercise('basics', 'first').passed).toBe(false);
    screen.refresh();
    expect(screen.exercise('basics', 'first').passed).toBe(true);
  });
});
