// A learner's runaway query must not hang dbcourse: it is stopped and the rest is checked.
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { learnerEnv, root, spawnCli } from '../helpers.js';
import { existsSync } from 'node:fs';

const endless = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)
SELECT COUNT(*) FROM n`;

describe('a runaway query', () => {
  beforeAll(() => {
    if (!existsSync(join(root, 'dist', 'main.js'))) throw new Error('run npm run build first');
  });

  it('is stopped after the time limit, and the other exercises are still judged', () => {
    const env = learnerEnv({ DBCOURSE_QUERY_TIMEOUT_MS: '400' });
    spawnCli(['show', '1-1'], env);
    const answers = join(env.DBCOURSE_WORKSPACE, 'two-queries');
    appendFileSync(join(answers, 'cheap-books.sql'), endless);
    appendFileSync(join(answers, 'books-per-language.sql'),
      'SELECT language, COUNT(*) FROM books GROUP BY language');

    const started = Date.now();
    const run = spawnCli(['check', '1-1'], env);

    expect(Date.now() - started).toBeLessThan(15_000);
    expect(run.stdout).toContain('выполнялся дольше 0.4 с и был остановлен');
    expect(run.stdout).toMatch(/\[x\] 2\. Книги по языкам/);

    const progress = JSON.parse(readFileSync(join(env.DBCOURSE_DATA_DIR, 'progress.json'),
      'utf8'));
    expect(progress.lessons['two-queries'].exercises['books-per-language'].passed).toBe(true);
    expect(progress.lessons['two-queries'].exercises['cheap-books'].passed).toBe(false);
  });

  it('answers --help from its cache the second time, with the same text', () => {
    const env = learnerEnv();
    const first = spawnCli(['--help'], env);
    const second = spawnCli(['--help'], env);
    expect(first.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(readdirSync(env.DBCOURSE_CACHE_DIR).some((f) => f.startsWith('help-'))).toBe(true);
  });

  it('exits with code 1 when nothing overran', () => {
    const env = learnerEnv();
    const run = spawnCli(['check', '1-1'], env);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
  });
});
