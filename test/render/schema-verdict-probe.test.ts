import { describe, expect, it } from 'vitest';
import { schemaFeedbackLines } from '../../src/render/schema-verdict.js';

describe('probe feedback', () => {
  it('shows the query whose rows differ after a probe, not only the probe statement', () => {
    const lines = schemaFeedbackLines({ kind: 'probe-state', title: 'цены после восстановления',
      sql: 'UPDATE books SET stock = stock WHERE id = 0',
      query: 'SELECT id, price, stock FROM books' },
    { differenceText: () => ['diff'], failureText: () => 'failure' }).join('\n');
    expect(lines).toContain('Оператор проверки:\n  UPDATE books SET stock = stock WHERE id = 0');
    expect(lines).toContain('Запрос, которым их сравнивают:\n  SELECT id, price, stock FROM books');
  });

  it('says nothing about a query when the probe has none', () => {
    const lines = schemaFeedbackLines({ kind: 'probe-state', title: 't', sql: 'DELETE FROM t' },
      { differenceText: () => [], failureText: () => '' }).join('\n');
    expect(lines).not.toContain('Запрос');
  });
});
