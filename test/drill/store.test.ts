import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/cli/errors.js';
import { review } from '../../src/drill/scheduler.js';
import { DrillStore } from '../../src/drill/store.js';
import { tempDir } from '../helpers.js';
import { noon } from './fixtures.js';

const noWarnings = (message: string) => {
  throw new Error(`unexpected warning: ${message}`);
};

describe('drill store', () => {
  it('keeps every card record across openings, exactly', () => {
    const dir = tempDir();
    const record = review(undefined, 3, noon(14));
    const later = review(record, 4, noon(15));
    const store = DrillStore.open(dir, noWarnings);
    store.record('keys:def:ключ', record);
    store.record('keys:q:abc', later);

    const again = DrillStore.open(dir, noWarnings);
    expect(again.records()).toEqual({ 'keys:def:ключ': record, 'keys:q:abc': later });
    expect(readdirSync(dir).sort()).toEqual(['drill.json']);
  });

  it('keeps both sessions\' grades when two run at once', () => {
    const dir = tempDir();
    const first = DrillStore.open(dir, noWarnings);
    const second = DrillStore.open(dir, noWarnings);
    first.record('a', review(undefined, 3, noon(14)));
    second.record('b', review(undefined, 1, noon(14)));

    expect(Object.keys(DrillStore.open(dir, noWarnings).records()).sort()).toEqual(['a', 'b']);
  });

  it('moves a damaged file aside, says where, and starts the schedule afresh', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'drill.json'), '{"format": 1, "cards": {"a": ');
    const warnings: string[] = [];
    const store = DrillStore.open(dir, (m) => warnings.push(m));

    expect(store.records()).toEqual({});
    const backup = readdirSync(dir).find((f) => f.startsWith('drill.json.damaged-'));
    expect(readFileSync(join(dir, backup!), 'utf8')).toBe('{"format": 1, "cards": {"a": ');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(backup!);
    expect(warnings[0]).toContain('расписание повторений начато заново');
  });

  it('treats a record with a broken date as damage, not as a card due at once', () => {
    const dir = tempDir();
    const record = { ...review(undefined, 3, noon(14)), due: 'завтра' };
    writeFileSync(join(dir, 'drill.json'), JSON.stringify({ format: 1, cards: { a: record } }));
    const warnings: string[] = [];
    expect(DrillStore.open(dir, (m) => warnings.push(m)).records()).toEqual({});
    expect(warnings[0]).toContain('повреждён');
  });

  it('refuses a file from a newer dbcourse without touching it', () => {
    const dir = tempDir();
    const newer = JSON.stringify({ format: 7, cards: {} });
    writeFileSync(join(dir, 'drill.json'), newer);

    expect(() => DrillStore.open(dir, noWarnings)).toThrow(UserError);
    expect(() => DrillStore.open(dir, noWarnings)).toThrow(/Файл повторений .* Обновите dbcourse/);
    expect(readFileSync(join(dir, 'drill.json'), 'utf8')).toBe(newer);
    expect(readdirSync(dir).filter((f) => f.startsWith('drill.json.backup-'))).toHaveLength(1);
  });
});
