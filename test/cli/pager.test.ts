// A dumb terminal reads long text printed, not through less (which only warns there).
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/cli/context.js';
import { page } from '../../src/cli/pager.js';

describe('the pager on a dumb terminal', () => {
  it('is skipped when no pager is named', async () => {
    const printed: string[] = [];
    const ctx = {
      io: { stdout: { isTTY: true, rows: 5 }, env: { TERM: 'dumb' } },
      options: {},
      print: (text: string) => printed.push(text),
    } as unknown as Context;
    await page(ctx, Array.from({ length: 20 }, (_, i) => `строка ${i}`).join('\n'));
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain('строка 19');
  });
});
