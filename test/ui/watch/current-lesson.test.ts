import { describe, expect, it } from 'vitest';
import { currentLesson } from '../../../src/ui/watch/session.js';
import { twoLessonCourse, watchContext } from './helpers.js';

describe('the lesson watch opens without an argument', () => {
  it('is the first lesson not passed on a new machine', async () => {
    const ctx = watchContext({ DBCOURSE_LESSONS_DIR: twoLessonCourse() });
    expect((await currentLesson(ctx))?.meta.key).toBe('two-queries');
  });

  it('is the lesson opened last among those started, not an earlier one never opened',
    async () => {
      const ctx = watchContext({ DBCOURSE_LESSONS_DIR: twoLessonCourse() });
      ctx.progress().markOpened('second');
      expect((await currentLesson(ctx))?.meta.key).toBe('second');
    });
});
