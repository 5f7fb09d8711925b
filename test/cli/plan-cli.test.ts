// Plan exercises as a learner meets them: answer files, check (text and --json), run.
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ansi, learnerEnv, root, runCli } from '../helpers.js';

const lessons = join(root, 'test', 'fixture-course-plan');

function answer(env: Record<string, string>, id: string, text: string): void {
  appendFileSync(join(env.DBCOURSE_WORKSPACE, 'plan-exercises', `${id}.sql`), `${text}\n`);
}

describe('plan exercises in the terminal', () => {
  it('creates an answer file that says what to write', async () => {
    const env = learnerEnv({ DBCOURSE_LESSONS_DIR: lessons });
    await runCli(['check', '1-1'], env);
    const file = readFileSync(join(env.DBCOURSE_WORKSPACE, 'plan-exercises',
      'orders-of-customer-by-date.sql'), 'utf8');
    expect(file).toContain('-- Напишите под этими строками операторы CREATE INDEX');
  });

  it('names the missing property in plain text, and passes the reference', async () => {
    const env = learnerEnv({ DBCOURSE_LESSONS_DIR: lessons });
    await runCli(['check', '1-1'], env);
    answer(env, 'orders-of-customer-by-date',
      'SELECT id, created_at FROM orders WHERE customer_id = 128 ORDER BY created_at;');
    answer(env, 'first-week-of-march', "SELECT id, created_at FROM orders WHERE " +
      "created_at >= '2024-03-01' AND created_at < '2024-03-08'");

    const failed = await runCli(['check', '1-1'], env);
    expect(failed.code).toBe(1);
    expect(failed.stdout).not.toMatch(ansi);
    expect(failed.stdout).toContain('Результат верный, но план запроса не такой');
    expect(failed.stdout.replace(/\s+/g, ' ')).toContain('ожидалось чтение по индексу с ' +
      'первыми столбцами customer_id, created_at');
    expect(failed.stdout).toContain('[x] 2. Неделя без функции');

    answer(env, 'orders-of-customer-by-date',
      'CREATE INDEX history ON orders (customer_id, created_at);');
    const moved = await runCli(['check', '1-1', 'orders-of-customer-by-date'], env);
    expect(moved.stdout.replace(/\s+/g, ' ')).toContain('В конце ответа должен стоять один ' +
      'запрос SELECT');
  });

  it('gives the verdict and the plan as data with --json', async () => {
    const env = learnerEnv({ DBCOURSE_LESSONS_DIR: lessons });
    await runCli(['check', '1-1'], env);
    answer(env, 'first-week-of-march', "SELECT id, created_at FROM orders WHERE " +
      "substr(created_at, 1, 10) BETWEEN '2024-03-01' AND '2024-03-07'");
    const run = await runCli(['check', '1-1', 'first-week-of-march', '--json'], env);
    const report = JSON.parse(run.stdout);
    expect(report.verdicts[0].feedback).toMatchObject({ kind: 'plan-shortfall',
      shortfall: { property: 'noFullScan', table: 'orders' },
      plan: { reads: [{ table: 'orders' }] } });
  });

  it('runs the SELECT and shows its plan after the learner\'s indexes', async () => {
    const env = learnerEnv({ DBCOURSE_LESSONS_DIR: lessons });
    await runCli(['check', '1-1'], env);
    answer(env, 'orders-of-customer-by-date', 'CREATE INDEX h ON orders (customer_id, ' +
      'created_at);\nSELECT id, created_at FROM orders WHERE customer_id = 128 ' +
      'ORDER BY created_at');
    const run = await runCli(['run', '1-1', 'orders-of-customer-by-date'], env);
    expect(run.code).toBe(0);
    expect(run.stdout.replace(/\s+/g, ' ')).toContain('План запроса на основной базе: orders ' +
      'ищется по индексу (customer_id, created_at), только из индекса.');
  });
});
