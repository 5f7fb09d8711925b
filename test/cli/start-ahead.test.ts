import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordSettled, settledKey, stillSettled } from '../../src/checker/settled-answers.js';
import { needsSqliteThread } from '../../src/cli/start-ahead.js';
import { tempDir } from '../helpers.js';

describe('starting the SQLite thread ahead of the command line', () => {
  const env = () => ({ DBCOURSE_DATA_DIR: tempDir(), DBCOURSE_CACHE_DIR: tempDir() });

  it('starts it for check on SQLite only', () => {
    const e = env();
    expect(needsSqliteThread(['check', '2-4'], e)).toBe(true);
    expect(needsSqliteThread(['--no-color', 'check', '2-4', '3'], e)).toBe(true);
    expect(needsSqliteThread(['check'], e)).toBe(false);
    expect(needsSqliteThread(['show', '2-4'], e)).toBe(false);
    expect(needsSqliteThread(['--help'], e)).toBe(false);
    expect(needsSqliteThread([], e)).toBe(false);
  });

  it('reads option values as values, not as the command', () => {
    const e = env();
    expect(needsSqliteThread(['--workspace', 'check', 'show', '1-1'], e)).toBe(false);
    expect(needsSqliteThread(['--engine', 'mysql', 'check', '2-4'], e)).toBe(false);
    expect(needsSqliteThread(['--engine=mysql', 'check', '2-4'], e)).toBe(false);
    expect(needsSqliteThread(['--engine', 'sqlite', 'check', '2-4'],
      { ...e, DBCOURSE_ENGINE: 'mysql' })).toBe(true);
  });

  it('follows the engine chosen by the environment or by `db use`', () => {
    const e = env();
    expect(needsSqliteThread(['check', '2-4'], { ...e, DBCOURSE_ENGINE: 'mysql' })).toBe(false);
    writeFileSync(join(e.DBCOURSE_DATA_DIR, 'settings.json'), JSON.stringify({ engine: 'mysql' }));
    expect(needsSqliteThread(['check', '2-4'], e)).toBe(false);
  });

  it('starts none when every answer passed last time and none changed since', () => {
    const e = env();
    const verdicts = join(e.DBCOURSE_CACHE_DIR, 'verdicts');
    const answers = tempDir();
    const files = ['a.sql', 'b.sql'].map((name) => join(answers, name));
    for (const file of files) writeFileSync(file, 'SELECT 1;\n');

    recordSettled(verdicts, settledKey('2-4'), true, files);
    for (const typed of ['2-4', '2.4', 'lesson-2-4']) {
      expect(needsSqliteThread(['check', typed], e)).toBe(false);
    }
    // One exercise alone was never recorded: its check may well run SQL.
    expect(needsSqliteThread(['check', '2-4', 'a'], e)).toBe(true);

    writeFileSync(files[1], 'SELECT 2;\n');
    expect(needsSqliteThread(['check', '2-4'], e)).toBe(true);
  });

  it('forgets a lesson whose check failed, and always skips a lesson without SQL', () => {
    const dir = tempDir();
    const file = join(tempDir(), 'a.sql');
    writeFileSync(file, 'SELECT 1;\n');
    recordSettled(dir, '2-4', true, [file]);
    expect(stillSettled(dir, '2-4')).toBe(true);
    recordSettled(dir, '2-4', true, undefined);
    expect(stillSettled(dir, '2-4')).toBe(false);

    recordSettled(dir, '1-1', false, undefined);
    expect(stillSettled(dir, '1-1')).toBe(true);
  });

  it('takes a damaged record for no record', () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'settled.json'), '{"2-4": {"build": 1, "files": 7}');
    expect(stillSettled(dir, '2-4')).toBe(false);
    writeFileSync(join(dir, 'settled.json'), 'null');
    expect(stillSettled(dir, '2-4')).toBe(false);
  });
});
