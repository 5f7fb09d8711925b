// The check server lends one SQLite engine to check after check, and gives it up once its
// dataset files are not the ones it opened.
import { copyFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EngineLender } from '../../src/server/engine-lender.js';
import { fixturesDir } from '../../src/util/paths.js';
import { tempDir } from '../helpers.js';

describe('EngineLender', () => {
  const lender = new EngineLender();
  const cacheRoot = tempDir('dbcourse-lender-');
  const options = { fixtures: { dir: fixturesDir() }, cacheRoot, timeoutMs: 5000 };
  const choice = { name: 'sqlite' as const, source: 'default' as const };

  afterAll(async () => {
    await lender.closeAll();
    rmSync(cacheRoot, { recursive: true, force: true });
  });

  it('keeps the sandbox process between loans; closing a loan does not stop it', async () => {
    const first = await lender.open(choice, options);
    const outcome = await first.query('base', 'SELECT COUNT(*) FROM books');
    expect(outcome.ok).toBe(true);
    await first.close();

    const second = await lender.open(choice, options);
    expect((await second.query('base', 'SELECT COUNT(*) FROM books'))).toEqual(outcome);
    const kept = (loan: unknown) => (loan as { engine: { sandboxPid?: number } }).engine;
    expect(kept(second)).toBe(kept(first));
    expect(kept(second).sandboxPid).toBeGreaterThan(0);
    await second.close();
  });

  it('opens a new engine when a dataset file was replaced, and the old one is stopped',
    async () => {
      const before = await lender.open(choice, options);
      const base = before.datasets.find((d) => d.name === 'base')!;
      // Rebuilt in place: another file at the same path.
      const file = join(cacheRoot, 'sqlite', readdirSync(join(cacheRoot, 'sqlite'))[0],
        'base.db');
      copyFileSync(file, `${file}.copy`);
      renameSync(`${file}.copy`, file);

      const after = await lender.open(choice, options);
      expect(after.fingerprint).not.toBe(before.fingerprint);
      const kept = (loan: unknown) => (loan as { engine: { sandboxPid?: number } }).engine;
      expect(kept(after)).not.toBe(kept(before));
      // The engine given up has its sandbox process stopped.
      expect(kept(before).sandboxPid).toBeUndefined();
      expect((await after.query(base.name, 'SELECT COUNT(*) FROM books')).ok).toBe(true);
    });

  it('keeps one engine: a check with other settings replaces it and stops its sandbox',
    async () => {
      const kept = (loan: unknown) => (loan as { engine: { sandboxPid?: number } }).engine;
      const first = await lender.open(choice, options);
      await first.query('base', 'SELECT 1');
      expect(kept(first).sandboxPid).toBeGreaterThan(0);

      // DBCOURSE_QUERY_TIMEOUT_MS changed between checks.
      const other = await lender.open(choice, { ...options, timeoutMs: 1234 });
      await other.query('base', 'SELECT 1');
      expect(kept(other)).not.toBe(kept(first));
      expect(kept(first).sandboxPid).toBeUndefined();
      expect(kept(other).sandboxPid).toBeGreaterThan(0);

      const back = await lender.open(choice, options);
      expect(kept(back)).not.toBe(kept(other));
      expect(kept(other).sandboxPid).toBeUndefined();
    });
});
