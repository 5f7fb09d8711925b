// SQLite's sandbox in long-lived commands: a runaway statement is killed with its child process,
// and the next statement gets a fresh one.
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteEngine } from '../../src/engines/sqlite/engine.js';
import type { Isolation } from '../../src/engines/sqlite/sandbox-host.js';
import { fixturesDir } from '../../src/util/paths.js';
import { sharedCache } from '../helpers.js';

const endless = 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) ' +
  'SELECT count(*) FROM r';

const engines: SqliteEngine[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.close()));
});

function open(isolation: Isolation | undefined, timeoutMs = 400): SqliteEngine {
  const engine = new SqliteEngine({ fixtures: { dir: fixturesDir() }, cacheRoot: sharedCache(),
    timeoutMs, trustReferences: true, isolation });
  engines.push(engine);
  return engine;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Resolves once `condition` holds; fails when it still does not after `ms`. */
async function within(ms: number, condition: () => boolean): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the SQLite sandbox in a child process', () => {
  it('kills a runaway statement with its process, and the next statement is answered',
    async () => {
      const engine = open('process');
      engine.warmUp();
      const first = engine.sandboxPid!;
      expect(first).toBeGreaterThan(0);

      // Another statement waits behind the runaway one: a fresh child answers it.
      const [runaway, waiting] = await Promise.all([
        engine.query('base', endless),
        engine.query('base', 'SELECT COUNT(*) AS n FROM authors'),
      ]);
      expect(runaway).toEqual({ ok: false, failure: { kind: 'timeout', seconds: 0.4 } });
      expect(waiting).toMatchObject({ ok: true, result: { columns: ['n'] } });

      await within(1000, () => !alive(first));
      expect(engine.sandboxPid).not.toBe(first);

      const next = await engine.query('shuffled', 'SELECT 1 + 1 AS two');
      expect(next).toEqual({ ok: true, result: { columns: ['two'], rows: [[2]] } });
    });

  it('kills a runaway change and schema answer too', async () => {
    const engine = open('process');
    const change = await engine.change('base', `UPDATE books SET price = price + 1 ` +
      `WHERE id IN (${endless.replace('count(*)', 'n')})`);
    expect(change).toMatchObject({ ok: false, failure: { kind: 'timeout' } });
    const schema = await engine.schema('base', `CREATE TABLE t AS ${endless}`,
      { tables: ['t'], views: [], probes: [] });
    expect(schema).toMatchObject({ ok: false, failure: { kind: 'timeout' } });
    expect(await engine.readsTables('SELECT title FROM books')).toBe(true);
  });

  it('ends its process when the engine is closed', async () => {
    const engine = open('process');
    expect(await engine.query('base', 'SELECT 1 AS one')).toMatchObject({ ok: true });
    const pid = engine.sandboxPid!;
    await engine.close();
    await within(1000, () => !alive(pid));
  });

  it('stays a thread by default: one-shot commands start no second process', async () => {
    const engine = open(undefined);
    expect(await engine.query('base', 'SELECT 1 AS one')).toMatchObject({ ok: true });
    expect(engine.sandboxPid).toBeUndefined();
  });
});
