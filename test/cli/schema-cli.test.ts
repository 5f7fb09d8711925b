// A schema exercise from the terminal, as a pipe: the verdict in words, in JSON, no colour.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ansi, learnerEnv, root, runCli } from '../helpers.js';

const env = learnerEnv({ DBCOURSE_LESSONS_DIR: join(root, 'lessons'), DBCOURSE_ENGINE: 'sqlite' });
const file = join(env.DBCOURSE_WORKSPACE, 'create-table-constraints', 'coupons-table.sql');

function answer(sql: string): void {
  const header = readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith('--'));
  writeFileSync(file, `${header.join('\n')}\n${sql}\n`);
}

const coupons = (money: string) => `CREATE TABLE coupons (
  code VARCHAR(20) PRIMARY KEY,
  title VARCHAR(100) NOT NULL UNIQUE,
  percent_off SMALLINT NOT NULL CHECK (percent_off BETWEEN 1 AND 50),
  min_order_total ${money} NOT NULL DEFAULT 0 CHECK (min_order_total >= 0),
  valid_until DATE
);`;

describe('dbcourse check on a schema exercise', () => {
  it('creates the answer file with the task, then names the wrong type in plain text',
    async () => {
      const first = await runCli(['check', '2-8', 'coupons-table'], env);
      expect(first.code).toBe(1);
      expect(readFileSync(file, 'utf8')).toContain('CREATE TABLE, ALTER TABLE, CREATE INDEX');

      answer(coupons('FLOAT'));
      const wrong = await runCli(['check', '2-8', 'coupons-table'], env);
      expect(wrong.code).toBe(1);
      expect(wrong.stdout).toContain('Столбец coupons.min_order_total: ожидался тип ' +
        'DECIMAL(10,2), найден FLOAT.');
      expect(wrong.stdout).not.toMatch(ansi);

      const json = await runCli(['check', '2-8', 'coupons-table', '--json'], env);
      const report = JSON.parse(json.stdout.slice(json.stdout.indexOf('{')));
      expect(report.verdicts[0].feedback).toMatchObject({ kind: 'schema-differs',
        difference: { kind: 'column-type', expected: 'DECIMAL(10,2)', actual: 'FLOAT' } });
    });

  it('passes the right schema, and says a schema is not run with `run`', async () => {
    answer(coupons('DECIMAL(10,2)'));
    const right = await runCli(['check', '2-8', 'coupons-table'], env);
    expect(right.stdout).toContain('верно');
    expect(right.code).toBe(0);

    const run = await runCli(['run', '2-8', 'coupons-table'], env);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toContain('меняет схему');
  });

  it('refuses a statement that would reach past the copy, and shows the probe', async () => {
    answer('DROP DATABASE dbcourse_ds_x_base;');
    const refused = await runCli(['check', '2-8', 'coupons-table'], env);
    expect(refused.stdout).toMatch(/такой оператор в этом упражнении не\s+нужен/);

    answer(coupons('DECIMAL(10,2)').replace('BETWEEN 1 AND 50', 'BETWEEN 1 AND 49'));
    const probe = await runCli(['check', '2-8', 'coupons-table'], env);
    expect(probe.stdout).toContain('Проверка «промокод со скидкой ровно 50 %»');
    expect(probe.stdout).toContain("VALUES ('HALF', 'Полцены', 50)");
  });
});
