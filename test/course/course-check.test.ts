// The real course: every lesson valid, every reference solution passing on every dataset.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCourse } from '../../src/authoring/course-check.js';
import { Course } from '../../src/course/course.js';
import { bookstoreEngine, root } from '../helpers.js';

const engine = bookstoreEngine();
afterAll(() => engine.close());

describe('npm run course:check', () => {
  it('finds no errors in the course', async () => {
    const course = await Course.load(join(root, 'lessons'));
    const problems = await checkCourse(course, engine);
    const errors = problems.filter((p) => p.severity === 'error')
      .map((p) => `${p.lesson} ${p.exercise ?? ''}: ${p.message}`);
    expect(errors).toEqual([]);
  }, 120_000);

  it('catches a reference that SELECT 1 would pass and a broken lesson', async () => {
    const course = await Course.load(join(root, 'test', 'fixture-course-broken'));
    const problems = await checkCourse(course, engine);
    expect(problems[0]).toMatchObject({ severity: 'error' });
    expect(problems[0].message).toContain('exercises[0].solution');
  });
});
