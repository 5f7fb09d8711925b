import { describe, expect, it } from 'vitest';
import { countsAsAttempt } from '../../src/cli/checking.js';
import type { Verdict } from '../../src/checker/verdict.js';

const verdict = (feedback: Verdict['feedback']): Verdict =>
  ({ exerciseId: 'x', passed: false, feedback });

describe('what counts as an attempt', () => {
  it('is an answer that was judged, not one that could not be read or was not there', () => {
    expect(countsAsAttempt(verdict({ kind: 'wrong-choice', wrong: ['b'], missing: ['a'] } as
      unknown as Verdict['feedback']))).toBe(true);
    expect(countsAsAttempt(verdict({ kind: 'unreadable', reason: 'letters' }))).toBe(false);
    expect(countsAsAttempt(verdict({ kind: 'empty-answer' }))).toBe(false);
    expect(countsAsAttempt(verdict({ kind: 'no-answer-file' }))).toBe(false);
  });
});
