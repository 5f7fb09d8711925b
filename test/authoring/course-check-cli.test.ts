// `npm run course:check -- <lesson>` for a lesson that is not there fails and says so, instead
// of checking nothing and reporting success.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCourse, root } from '../helpers.js';

describe('course:check for one lesson', () => {
  it('fails on a lesson number the course does not have', () => {
    const run = spawnSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      join(root, 'scripts', 'course-check.ts'), '1-9'], {
      env: { ...process.env, DBCOURSE_LESSONS_DIR: fixtureCourse }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Урока 1-9 нет');
  });
});
