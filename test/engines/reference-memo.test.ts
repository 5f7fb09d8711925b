import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Engine, QueryOutcome } from '../../src/engines/engine.js';
import { ReferenceMemo } from '../../src/engines/reference-memo.js';
import { tempDir } from '../helpers.js';

/** An engine that answers every query with one row and counts what it ran. */
function countingEngine(value: number | string = 1) {
  const ran: string[] = [];
  const engine: Engine = {
    name: 'sqlite',
    fingerprint: 'fake:1',
    datasets: [{ name: 'base', property: '' }, { name: 'nulls', property: 'NULL' }],
    async query(dataset, sql): Promise<QueryOutcome> {
      ran.push(`${dataset}:${sql}`);
      return { ok: true, result: { columns: ['x'], rows: [[value]] } };
    },
    async change() { return { ok: true, state: {} }; },
    async schema() { return { ok: false, failure: { kind: 'empty' } }; },
    async exerciseDataset(spec) { return { name: 'x1', property: spec.property }; },
    async plan() { return { ok: true, plan: { reads: [], sorts: [] } }; },
    async readsTables(sql) { ran.push(`tables:${sql}`); return true; },
    warmUp() {},
    async close() {},
  };
  return { engine, ran };
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
}

describe('ReferenceMemo', () => {
  it('computes a reference once per dataset, across processes sharing the cache', async () => {
    const dir = tempDir();
    const first = countingEngine();
    const memo = new ReferenceMemo(first.engine, dir);
    await memo.query('base', 'SELECT 1', { trusted: true });
    await memo.query('base', 'SELECT 1', { trusted: true });
    expect(await memo.readsTables('SELECT 1', { trusted: true })).toBe(true);
    await memo.close();
    expect(first.ran).toEqual(['base:SELECT 1', 'tables:SELECT 1']);

    const second = countingEngine();
    const again = new ReferenceMemo(second.engine, dir);
    const outcome = await again.query('base', 'SELECT 1', { trusted: true });
    expect(outcome).toEqual({ ok: true, result: { columns: ['x'], rows: [[1]] } });
    expect(await again.readsTables('SELECT 1', { trusted: true })).toBe(true);
    await again.query('nulls', 'SELECT 1', { trusted: true });
    expect(second.ran).toEqual(['nulls:SELECT 1']);
  });

  it('always runs the learner\'s SQL', async () => {
    const { engine, ran } = countingEngine();
    const memo = new ReferenceMemo(engine, tempDir());
    await memo.query('base', 'SELECT 1');
    await memo.query('base', 'SELECT 1');
    await memo.readsTables('SELECT 1');
    await memo.close();
    expect(ran).toEqual(['base:SELECT 1', 'base:SELECT 1', 'tables:SELECT 1']);
  });

  it('keeps results per engine fingerprint', async () => {
    const dir = tempDir();
    const sqlite = countingEngine();
    const memo = new ReferenceMemo(sqlite.engine, dir);
    await memo.query('base', 'SELECT 1', { trusted: true });
    await memo.close();

    const other = countingEngine();
    Object.assign(other.engine, { fingerprint: 'fake:2' });
    await new ReferenceMemo(other.engine, dir).query('base', 'SELECT 1', { trusted: true });
    expect(other.ran).toEqual(['base:SELECT 1']);
  });

  it('recomputes after a damaged cache file and does not store values JSON cannot hold', async () => {
    const dir = tempDir();
    const memo = new ReferenceMemo(countingEngine().engine, dir);
    await memo.query('base', 'SELECT 1', { trusted: true });
    await memo.close();
    const [file] = files(dir);
    writeFileSync(join(dir, file), '{"results":{"base":"not rows"}}');

    const fresh = countingEngine();
    const outcome = await new ReferenceMemo(fresh.engine, dir)
      .query('base', 'SELECT 1', { trusted: true });
    expect(outcome.ok && outcome.result.rows).toEqual([[1]]);
    expect(fresh.ran).toEqual(['base:SELECT 1']);

    const infinite = countingEngine(Infinity);
    const other = tempDir();
    const memoInf = new ReferenceMemo(infinite.engine, other);
    await memoInf.query('base', 'SELECT 1e999', { trusted: true });
    await memoInf.close();
    expect(files(other).map((f) => JSON.parse(readFileSync(join(other, f), 'utf8')).results))
      .toEqual([]);
  });
});
