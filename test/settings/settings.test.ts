// The settings file: a hand-edited engine the course does not have is no choice at all.
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSettings, settingsPath } from '../../src/settings/settings.js';
import { tempDir } from '../helpers.js';

describe('settings', () => {
  it('keep the engines the course has and drop any other', () => {
    const dir = tempDir('dbcourse-settings-');
    mkdirSync(dir, { recursive: true });
    const url = 'mysql://dbcourse:pw@127.0.0.1:3306';
    writeFileSync(settingsPath(dir), JSON.stringify({ engine: 'oracle', mysqlUrl: url }));
    expect(readSettings(dir)).toEqual({ mysqlUrl: url });
    writeFileSync(settingsPath(dir), JSON.stringify({ engine: 'mysql', mysqlUrl: url }));
    expect(readSettings(dir)).toEqual({ engine: 'mysql', mysqlUrl: url });
    writeFileSync(settingsPath(dir), '{"engine": "mysql"');
    expect(readSettings(dir)).toEqual({});
  });
});
