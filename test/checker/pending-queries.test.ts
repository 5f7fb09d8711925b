import { describe, expect, it } from 'vitest';
import { resultFeedback } from '../../src/checker/query.js';
import type { Engine, QueryOutcome } from '../../src/engines/engine.js';
import type { Exercise } from '../../src/course/format.js';
import type { Verdict } from '../../src/checker/verdict.js';
import { renderVerdict } from '../../src/render/verdict.js';
import { createStyle } from '../../src/render/style.js';

const rows = (n: number): QueryOutcome =>
  ({ ok: true, result: { columns: ['id'], rows: [[n]] } });

describe('resultFeedback', () => {
  it('returns only after every queued learner query has settled', async () => {
    let slowSettled = false;
    const engine = {
      datasets: [{ name: 'base', property: '' }, { name: 'ties', property: 'ties' },
        { name: 'nulls', property: 'nulls' }],
      query: async (dataset: string, _sql: string, options?: { trusted?: boolean }) => {
        if (options?.trusted || dataset === 'base') return rows(1);
        if (dataset === 'ties') return rows(2);
        await new Promise((resolve) => setTimeout(resolve, 50));
        slowSettled = true;
        return rows(1);
      },
      readsTables: async () => true,
    } as unknown as Engine;

    const feedback = await resultFeedback(engine, {}, 'SELECT id FROM books',
      'SELECT id FROM books');
    expect(feedback).toMatchObject({ kind: 'hidden-dataset', property: 'ties' });
    expect(slowSettled).toBe(true);
  });

  it('names the exercise\'s own dataset when the answer fails there and on a shared one',
    async () => {
      const engine = {
        datasets: [{ name: 'base', property: '' }, { name: 'ties', property: 'ties' }],
        exerciseDataset: async () => ({ name: 'own', property: 'the trap of this task' }),
        query: async (dataset: string, _sql: string, options?: { trusted?: boolean }) =>
          rows(options?.trusted || dataset === 'base' ? 1 : 2),
        readsTables: async () => true,
      } as unknown as Engine;

      const feedback = await resultFeedback(engine, {}, 'SELECT id FROM books',
        'SELECT id FROM books', { property: 'the trap of this task', changes: 'DELETE FROM t' });
      expect(feedback).toMatchObject({ kind: 'hidden-dataset',
        property: 'the trap of this task' });
    });

  it('says that an error came from a hidden dataset, and which', async () => {
    const engine = {
      datasets: [{ name: 'base', property: '' }, { name: 'ties', property: 'равные значения' }],
      query: async (dataset: string, _sql: string, options?: { trusted?: boolean }) =>
        options?.trusted || dataset === 'base' ? rows(1)
          : { ok: false, failure: { kind: 'engine-error',
            message: 'Subquery returns more than 1 row' } },
      readsTables: async () => true,
    } as unknown as Engine;

    const feedback = await resultFeedback(engine, {}, 'SELECT (SELECT id FROM t)', 'SELECT 1');
    expect(feedback).toMatchObject({ kind: 'failure', hidden: 'равные значения' });
    const exercise = { id: 'x', kind: 'query', title: 'X' } as unknown as Exercise;
    const text = renderVerdict({ exerciseId: 'x', passed: false, feedback } as Verdict,
      exercise, 0, { width: 200, style: createStyle(false) });
    expect(text).toContain('на скрытом наборе данных («равные значения») — нет. ');
  });

  it('words a failure of change statements as statements, not a query', () => {
    const exercise = { id: 'x', kind: 'change', title: 'X' } as unknown as Exercise;
    const feedback = { kind: 'failure', hidden: 'NULL в столбцах',
      failure: { kind: 'engine-error', message: 'Subquery returns more than 1 row' } };
    const text = renderVerdict({ exerciseId: 'x', passed: false, feedback } as Verdict,
      exercise, 0, { width: 200, style: createStyle(false) });
    expect(text).toContain('операторы выполнились, а на скрытом наборе данных');
    expect(text).toContain('Ошибка в операторах.');
    expect(text).not.toContain('Ошибка в запросе');
  });
});
