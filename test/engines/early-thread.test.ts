import { afterEach, describe, expect, it } from 'vitest';
import { adoptEarlyThread, startEarlyThread } from '../../src/engines/sqlite/early-thread.js';
import { SqliteEngine } from '../../src/engines/sqlite/engine.js';
import { fixturesDir } from '../../src/util/paths.js';
import { sharedCache } from '../helpers.js';

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
});
