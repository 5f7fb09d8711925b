import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../util/paths.js';
import type { Context } from '../context.js';
import { EXIT_OK, UserError } from '../errors.js';
import { page } from '../pager.js';

/** The course's review of the learner's own draft plan, and how the course answers it. */
export async function about(ctx: Context): Promise<number> {
  const file = join(packageRoot(), 'docs', 'plan-review.md');
  if (!existsSync(file)) {
    throw new UserError(`Нет файла ${file}: переустановите dbcourse.`);
  }

  const { renderMarkdown } = await import('../../render/markdown.js');
  await page(ctx, renderMarkdown(readFileSync(file, 'utf8'), ctx.screen) + '\n');
  return EXIT_OK;
}
