// A learner's error message on a terminal breaks between words, not inside them.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { displayWidth } from '../../src/render/width.js';
import { learnerEnv } from '../helpers.js';

describe('error messages on a terminal', () => {
  it('are wrapped at words to the width of the terminal', async () => {
    let stderr = '';
    const env = learnerEnv({ EDITOR: '', VISUAL: '' });
    const io: Io = {
      stdout: { write: () => undefined, isTTY: true, columns: 60, rows: 30 },
      stderr: { write: (t: string) => { stderr += t; }, isTTY: true, columns: 60 },
      stdin: Readable.from([]) as Io['stdin'],
      env,
    };
    const result = await main(['edit', '1-1', 'cheap-books'], io);
    expect(result.code).toBe(1);
    expect(stderr).toContain('Редактор не задан');
    const lines = stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(2);
    // Every line but the one with the long path fits; the path stays whole.
    for (const line of lines.filter((l) => !l.includes('/'))) {
      expect(displayWidth(line)).toBeLessThanOrEqual(60);
    }
    expect(stderr).toContain(`${env.DBCOURSE_WORKSPACE}/`);
  });
});
