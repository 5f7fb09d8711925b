// Plan exercises on every engine: right, wrong and equivalent-but-different answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgePlan } from '../../src/checker/plan.js';
import type { PlanExercise, PlanProperty } from '../../src/course/format.js';
import type { Engine } from '../../src/engines/engine.js';
import { engineCases } from '../helpers.js';

function exercise(solution: string, plan: PlanProperty[],
  extra: Partial<PlanExercise> = {}): PlanExercise {
  return { id: 'plan', kind: 'plan', title: 't', task: 't', hints: ['h'], explanation: 'e',
    solution, plan, columnNames: false, ...extra };
}

const history = exercise(
  'CREATE INDEX idx_orders_customer_created ON orders (customer_id, created_at);\n' +
  'SELECT id, created_at FROM orders WHERE customer_id = 128 ORDER BY created_at',
  [{ usesIndex: { table: 'orders', columns: ['customer_id', 'created_at'] } },
    { noFullScan: 'orders' }, { noSort: true }],
  { orderBy: [{ column: 2, desc: false }] });

const week = exercise(
  "SELECT id, created_at FROM orders WHERE created_at >= '2024-03-01' AND " +
  "created_at < '2024-03-08'",
  [{ noFullScan: 'orders' }, { usesIndex: { table: 'orders', columns: ['created_at'] } }]);

const stuck = exercise(
  'CREATE INDEX idx_orders_status_shipped ON orders (status, shipped_at);\n' +
  "SELECT id, customer_id, shipped_at FROM orders WHERE status = 'shipped' AND " +
  "shipped_at < '2025-11-01 00:00:00'",
  [{ usesIndex: { table: 'orders', columns: ['status', 'shipped_at'] } },
    { noFullScan: 'orders' }, { seeks: { table: 'orders', columns: ['status', 'shipped_at'] } }]);

const planSelect = (e: PlanExercise) => e.solution.split(';\n')[1];

describe.each(engineCases)('plan exercises on $name', (engineCase) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineCase.open();
  });
  afterAll(() => engine.close());

  it('passes the reference, and an index with another name and extra trailing columns',
    async () => {
      expect((await judgePlan(engine, history, history.solution)).feedback).toEqual(
        { kind: 'passed' });
      const wider = 'CREATE INDEX my_idx ON orders (customer_id, created_at, status);\n' +
        'SELECT o.id, o.created_at FROM orders o WHERE o.customer_id = 128 ' +
        'ORDER BY o.created_at;';
      expect((await judgePlan(engine, history, wider)).feedback.kind).toBe('passed');
    });

  it('fails the same SELECT without the index, naming the missing property', async () => {
    const verdict = await judgePlan(engine, history,
      'SELECT id, created_at FROM orders WHERE customer_id = 128 ORDER BY created_at');
    expect(verdict.passed).toBe(false);
    expect(verdict.feedback).toMatchObject({ kind: 'plan-shortfall',
      shortfall: { property: 'usesIndex', table: 'orders' } });
  });

  it('fails an index whose columns come in the wrong order', async () => {
    const verdict = await judgePlan(engine, history,
      'CREATE INDEX i ON orders (created_at, customer_id);\n' +
      'SELECT id, created_at FROM orders WHERE customer_id = 128 ORDER BY created_at');
    expect(verdict.feedback).toMatchObject({ kind: 'plan-shortfall',
      shortfall: { property: 'usesIndex' } });
  });

  it('judges the result first: a wrong SELECT with the right index fails on its rows',
    async () => {
      const verdict = await judgePlan(engine, history,
        'CREATE INDEX i ON orders (customer_id, created_at);\n' +
        'SELECT id, created_at FROM orders WHERE customer_id = 6 ORDER BY created_at');
      expect(verdict.feedback.kind).toBe('different');
    });

  it('passes a rewrite that compares the column itself', async () => {
    expect((await judgePlan(engine, week, week.solution)).feedback.kind).toBe('passed');
    const between = "SELECT id, created_at FROM orders WHERE created_at BETWEEN '2024-03-01' " +
      "AND '2024-03-07 23:59:59'";
    expect((await judgePlan(engine, week, between)).feedback.kind).toBe('passed');
  });

  it('fails a function on the indexed column: the whole table or index is read', async () => {
    const inFunction = engineCase.name === 'sqlite'
      ? "SELECT id, created_at FROM orders WHERE date(created_at) BETWEEN '2024-03-01' AND " +
        "'2024-03-07'"
      : "SELECT id, created_at FROM orders WHERE DATE(created_at) BETWEEN '2024-03-01' AND " +
        "'2024-03-07'";
    const verdict = await judgePlan(engine, week, inFunction);
    expect(verdict.feedback).toMatchObject({ kind: 'plan-shortfall',
      shortfall: { property: 'noFullScan', table: 'orders' } });
  });

  it('refuses anything but CREATE INDEX before the SELECT, before it runs', async () => {
    for (const [answer, reason] of [
      ['DROP INDEX idx_orders_created_at; SELECT 1', 'not-index'],
      ['CREATE TABLE t (i INT); SELECT 1', 'not-index'],
      ['CREATE INDEX i ON orders (status)', 'no-select'],
      ['SELECT 1; SELECT 2', 'two-selects'],
      ['CREATE INDEX i ON dbcourse_ds_x_base.orders (status); SELECT 1', 'qualified-name'],
      ['CREATE INDEX i ON orders (status) /*!, ALGORITHM=COPY */; SELECT 1',
        'executable-comment'],
    ]) {
      expect((await judgePlan(engine, history, answer)).feedback).toEqual(
        { kind: 'plan-statement', reason, statement: expect.any(String) });
    }
    expect((await judgePlan(engine, history, '-- потом\n')).feedback.kind).toBe('empty-answer');
  });

  it('reports a CREATE INDEX the engine refuses, and leaves the dataset unchanged', async () => {
    const verdict = await judgePlan(engine, history,
      'CREATE INDEX i ON orders (no_such_column);\n' +
      'SELECT id, created_at FROM orders WHERE customer_id = 128 ORDER BY created_at');
    expect(verdict.feedback).toMatchObject({ kind: 'index-failed',
      statement: 'CREATE INDEX i ON orders (no_such_column)' });

    // The learner's indexes lived on a copy: the dataset still plans without them.
    const bare = await engine.plan('base', { indexes: [], select:
      'SELECT id FROM orders WHERE customer_id = 128 ORDER BY created_at' });
    expect(bare.ok && bare.plan.reads.some((r) => r.index?.columns.join() ===
      'customer_id,created_at')).toBe(false);
  });

  it('tells covering reads from reads that visit the table', async () => {
    const covering = exercise(
      'CREATE INDEX i ON orders (customer_id, created_at);\n' +
      'SELECT created_at FROM orders WHERE customer_id = 128',
      [{ covering: 'orders' }]);
    expect((await judgePlan(engine, covering, covering.solution)).feedback.kind)
      .toBe('passed');
    const verdict = await judgePlan(engine, covering,
      'CREATE INDEX i ON orders (customer_id);\n' +
      'SELECT created_at FROM orders WHERE customer_id = 128');
    expect(verdict.feedback).toMatchObject({ kind: 'plan-shortfall',
      shortfall: { property: 'covering', table: 'orders' } });
  });

  it('passes a search that narrows by both columns of the index, however it is written',
    async () => {
      for (const answer of [stuck.solution,
        'CREATE INDEX s ON orders (status, shipped_at, customer_id);\n' +
        "SELECT o.id, o.customer_id, o.shipped_at FROM orders o WHERE o.status IN ('shipped') " +
        "AND '2025-11-01' > o.shipped_at",
        'CREATE INDEX s ON orders (status, shipped_at);\n' +
        'SELECT id, customer_id, shipped_at FROM orders WHERE shipped_at BETWEEN ' +
        "'2000-01-01' AND '2025-10-31 23:59:59' AND status = 'shipped'"]) {
        expect((await judgePlan(engine, stuck, answer)).feedback, answer).toEqual(
          { kind: 'passed' });
      }
    });

  it('fails a function on the second column: the index is used, its second column is not',
    async () => {
      const date = engineCase.name === 'sqlite' ? 'date' : 'DATE';
      const verdict = await judgePlan(engine, stuck,
        'CREATE INDEX s ON orders (status, shipped_at);\n' +
        'SELECT id, customer_id, shipped_at FROM orders WHERE status = \'shipped\' AND ' +
        `${date}(shipped_at) < '2025-11-01'`);
      expect(verdict.feedback).toMatchObject({ kind: 'plan-shortfall', shortfall: {
        property: 'seeks', missing: 'shipped_at', read: { seek: ['status'] } } });
    });

  it('fails a date matched by a LIKE pattern: the right rows, searched by status alone',
    async () => {
      const quarter = exercise(
        'CREATE INDEX q ON orders (status, created_at);\n' +
        "SELECT id FROM orders WHERE status = 'paid' AND created_at >= '2025-10-01 00:00:00' " +
        "AND created_at < '2026-01-01 00:00:00'",
        [{ seeks: { table: 'orders', columns: ['status', 'created_at'] } }]);
      expect((await judgePlan(engine, quarter, quarter.solution)).feedback.kind).toBe('passed');
      const verdict = await judgePlan(engine, quarter,
        'CREATE INDEX q ON orders (status, created_at);\n' +
        "SELECT id FROM orders WHERE status = 'paid' AND created_at LIKE '2025-1%'");
      expect(verdict.feedback).toMatchObject({ kind: 'plan-shortfall', shortfall: {
        property: 'seeks', missing: 'created_at' } });
    });

  it('fails an index in the other order: the range on its first column ends the search',
    async () => {
      const verdict = await judgePlan(engine, { ...stuck, plan: stuck.plan.slice(2) },
        'CREATE INDEX s ON orders (shipped_at, status);\n' + planSelect(stuck));
      expect(verdict.feedback).toMatchObject({ kind: 'plan-shortfall',
        shortfall: { property: 'seeks' } });
    });
});
