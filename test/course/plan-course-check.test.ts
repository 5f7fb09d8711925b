// course:check on plan exercises: references pass with their plan properties on every engine;
// a reference whose SELECT needs none of its indexes, or lacks its own property, is an error.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCourse } from '../../src/authoring/course-check.js';
import { Course } from '../../src/course/course.js';
import type { Engine } from '../../src/engines/engine.js';
import { engineCases, root } from '../helpers.js';

describe.each(engineCases)('course:check on plan exercises, $name', (engineCase) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineCase.open();
  });
  afterAll(() => engine.close());

  const exerciseProblems = async (folder: string) => {
    const course = await Course.load(join(root, 'test', folder));
    return (await checkCourse(course, engine)).filter((p) => p.exercise)
      .map((p) => `${p.exercise}: ${p.message}`);
  };

  it('passes references that have their plan properties and need their indexes', async () => {
    expect(await exerciseProblems('fixture-course-plan')).toEqual([]);
  });

  it('reports a plan that holds without the reference\'s indexes, or not even with them',
    async () => {
      const problems = await exerciseProblems('fixture-course-plan-broken');
      expect(problems).toEqual([
        expect.stringMatching(/^index-not-needed: тот же SELECT без CREATE INDEX из эталона уже /),
        'reference-not-covering: эталон не проходит собственную проверку: plan-shortfall: ' +
          'нет свойства covering orders',
        'not-a-plan-answer: эталон должен состоять из CREATE INDEX и одного SELECT в конце: ' +
          'not-index (DROP INDEX idx_orders_created_at)',
      ]);
    });
});
