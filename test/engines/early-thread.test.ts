import Database from 'better-sqlite3';
import { chmodSync, copyFileSync, renameSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { adoptEarlyThread, startEarlyThread } from '../../src/engines/sqlite/early-thread.js';
import { SqliteEngine } from '../../src/engines/sqlite/engine.js';
import { fixturesDir } from '../../src/util/paths.js';
import { sharedCache, tempDir } from '../helpers.js';

describe('the SQLite thread started ahead of the engine', () => {
  let engine: SqliteEngine | undefined;
  afterEach(async () => {
    await engine?.close();
    adoptEarlyThread(50_000)?.terminate();
  });

  it('is adopted once by the sandbox and answers on every dataset', async () => {
    startEarlyThread();
    engine = new SqliteEngine({ fixtures: { dir: fixturesDir() }, cacheRoot: sharedCache(),
      timeoutMs: 10_000 });
    for (const dataset of engine.datasets) {
      const outcome = await engine.query(dataset.name, 'SELECT COUNT(*) AS n FROM books');
      expect(outcome.ok, dataset.name).toBe(true);
    }
    // Taken by the sandbox: nobody else gets it.
    expect(adoptEarlyThread(50_000)).toBeUndefined();
  });

  it('is stopped, not used, by a sandbox with another row limit', async () => {
    startEarlyThread();
    engine = new SqliteEngine({ fixtures: { dir: fixturesDir() }, cacheRoot: sharedCache(),
      timeoutMs: 10_000, maxRows: 3 });
    // The sandbox's own thread ran it: the early one would have allowed 50 000 rows.
    const outcome = await engine.query('base', 'SELECT id FROM books');
    expect(outcome.ok).toBe(false);
    expect(adoptEarlyThread(50_000)).toBeUndefined();
  });

  it('opens the cached datasets as it starts, and never reads a file replaced since', async () => {
    const cache = tempDir();
    const options = { fixtures: { dir: fixturesDir() }, cacheRoot: cache, timeoutMs: 10_000 };
    const first = new SqliteEngine(options);
    const base = first.datasets[0].path;
    await first.close();

    startEarlyThread(cache);
    // Give the thread time to open the files it found (polling its effect is not possible).
    await new Promise((resolve) => setTimeout(resolve, 300));
    const edited = `${base}.edited`;
    copyFileSync(base, edited);
    chmodSync(edited, 0o644);
    const db = new Database(edited);
    db.exec('DELETE FROM reviews');
    db.close();
    chmodSync(edited, 0o444);
    renameSync(edited, base);

    engine = new SqliteEngine(options);
    const outcome = await engine.query('base', 'SELECT COUNT(*) AS n FROM reviews');
    expect(outcome.ok && outcome.result.rows).toEqual([[0]]);
  });
});
