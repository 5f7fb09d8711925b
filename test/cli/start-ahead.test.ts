import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { needsSqliteThread } from '../../src/cli/start-ahead.js';
import { tempDir } from '../helpers.js';

describe('starting the SQLite thread ahead of the command line', () => {
  const env = { DBCOURSE_DATA_DIR: tempDir() };

  it('starts it for check on SQLite only', () => {
    expect(needsSqliteThread(['check', '2-4'], env)).toBe(true);
    expect(needsSqliteThread(['--no-color', 'check', '2-4', '3'], env)).toBe(true);
    expect(needsSqliteThread(['show', '2-4'], env)).toBe(false);
    expect(needsSqliteThread(['--help'], env)).toBe(false);
    expect(needsSqliteThread([], env)).toBe(false);
  });

  it('reads option values as values, not as the command', () => {
    expect(needsSqliteThread(['--workspace', 'check', 'show', '1-1'], env)).toBe(false);
    expect(needsSqliteThread(['--engine', 'mysql', 'check', '2-4'], env)).toBe(false);
    expect(needsSqliteThread(['--engine=mysql', 'check', '2-4'], env)).toBe(false);
    expect(needsSqliteThread(['--engine', 'sqlite', 'check', '2-4'],
      { ...env, DBCOURSE_ENGINE: 'mysql' })).toBe(true);
  });

  it('follows the engine chosen by the environment or by `db use`', () => {
    expect(needsSqliteThread(['check', '2-4'], { ...env, DBCOURSE_ENGINE: 'mysql' })).toBe(false);
    const data = tempDir();
    mkdirSync(data, { recursive: true });
    writeFileSync(join(data, 'settings.json'), JSON.stringify({ engine: 'mysql' }));
    expect(needsSqliteThread(['check', '2-4'], { DBCOURSE_DATA_DIR: data })).toBe(false);
  });
});
