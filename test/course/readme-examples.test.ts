// The commands README shows a learner name lessons and exercises that exist in the course:
// a brand-new learner copies them as they are ("dbcourse run 2-1 <exercise>").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Course } from '../../src/course/course.js';
import { root } from '../helpers.js';

const EXERCISE_COMMANDS = ['check', 'run', 'hint', 'solution', 'edit', 'answer'];

describe('README examples', () => {
  it('name exercises of the real course', async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const course = await Course.load(join(root, 'lessons'));
    const examples = [...readme.matchAll(
      /dbcourse (?:--engine \w+ )?(\w+) (\d+[-.]\d+) ([a-z][a-z0-9-]*)/g)]
      .filter(([, command]) => EXERCISE_COMMANDS.includes(command));
    expect(examples.length).toBeGreaterThan(3);
    for (const [text, , lessonId, exerciseId] of examples) {
      const lesson = await course.lesson(course.find(lessonId));
      expect(lesson.meta.exercises.map((e) => e.id), text).toContain(exerciseId);
    }
  });
});
