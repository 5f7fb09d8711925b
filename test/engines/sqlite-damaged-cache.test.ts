import { chmodSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SqliteEngine } from '../../src/engines/sqlite/engine.js';
import { explainEngineError } from '../../src/render/engine-errors.js';
import { fixturesDir } from '../../src/util/paths.js';
import { tempDir } from '../helpers.js';

describe('a damaged dataset file in the cache', () => {
  it('is built again when the engine opens, and checks go on', async () => {
    const options = { fixtures: { dir: fixturesDir() }, cacheRoot: tempDir(), timeoutMs: 10_000 };
    const first = new SqliteEngine(options);
    const damaged = first.datasets.find((d) => d.name === 'nulls')!.path;
    await first.close();
    chmodSync(damaged, 0o644);
    writeFileSync(damaged, 'not a database at all');

    const engine = new SqliteEngine(options);
    try {
      const outcome = await engine.query('nulls', 'SELECT COUNT(*) FROM books');
      expect(outcome.ok).toBe(true);
    } finally {
      await engine.close();
    }
  });

  it('that the engine still meets is explained with what to do, never as an internal error', () => {
    expect(explainEngineError('SQLITE_NOTADB')).toContain('Удалите папку sqlite в кэше');
    expect(explainEngineError(undefined as unknown as string)).toBe('');
  });
});
