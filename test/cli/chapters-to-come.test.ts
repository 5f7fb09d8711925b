import { describe, expect, it } from 'vitest';
import { chaptersToCome } from '../../src/course/course.js';

describe('chapters still to come', () => {
  it('are the numbers missing below the last chapter there is', () => {
    expect(chaptersToCome([1, 2, 3, 4, 7, 9])).toEqual([5, 6, 8]);
    expect(chaptersToCome([2, 1])).toEqual([]);
    expect(chaptersToCome([])).toEqual([]);
  });
});
