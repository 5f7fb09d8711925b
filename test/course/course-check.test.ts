// The real course: every lesson valid, every reference solution passing on every dataset of
// every engine the suite runs (SQLite always, MySQL/MariaDB when a test server is given).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCourse } from '../../src/authoring/course-check.js';
import { Course } from '../../src/course/course.js';
import type { Engine } from '../../src/engines/engine.js';
import { engineCases, root } from '../helpers.js';

describe.each(engineCases)('npm run course:check on $name', (engineCase) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineCase.open();
  });
  afterAll(() => engine.close());

  it('finds no errors in the course', async () => {
    const course = await Course.load(join(root, 'lessons'));
    const problems = await checkCourse(course, engine);
    const errors = problems.filter((p) => p.severity === 'error')
      .map((p) => `${p.lesson} ${p.exercise ?? ''}: ${p.message}`);
    expect(errors).toEqual([]);
  }, 300_000);

  it('reports a lesson that does not validate, with its field', async () => {
    const course = await Course.load(join(root, 'test', 'fixture-course-broken'));
    const problems = await checkCourse(course, engine);
    expect(problems[0]).toMatchObject({ severity: 'error' });
    expect(problems[0].message).toContain('exercises[0].solution');
  });
});
