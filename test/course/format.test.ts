// The lesson format: what a schema exercise must name.
import { describe, expect, it } from 'vitest';
import { exercise } from '../../src/course/format.js';

const base = { id: 'sales-view', kind: 'schema', title: 't', task: 't', hints: ['h'],
  explanation: 'e', solution: 'CREATE VIEW v AS SELECT id FROM books' };

describe('schema exercise format', () => {
  it('accepts an exercise about views only, without tables', () => {
    const parsed = exercise.parse({ ...base, views: ['v'] });
    expect(parsed).toMatchObject({ kind: 'schema', tables: [], views: ['v'] });
  });

  it('refuses an exercise that names neither a table nor a view', () => {
    const result = exercise.safeParse(base);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['tables'],
      message: 'нужна хотя бы одна таблица (tables) или представление (views)' });
  });

  it('still reads a bare table name as every aspect', () => {
    const parsed = exercise.parse({ ...base, tables: ['coupons'] });
    expect(parsed).toMatchObject({ tables: [{ name: 'coupons',
      aspects: expect.arrayContaining(['columns', 'checks', 'indexes']) }] });
  });
});
