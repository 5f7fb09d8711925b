/** The keys every scrolling text shares: lines, pages, both ends. */
import type { Key } from 'ink';
import { clamp } from './text.js';

/** The new first line after a scrolling key, or undefined when the key does not scroll. */
export function scrollKey(typed: string, key: Key, top: number, height: number,
  lineCount: number): number | undefined {
  const last = Math.max(0, lineCount - height);
  const { input, count } = repeated(typed);
  const page = Math.max(1, height - 1) * count;

  if (key.downArrow || input === 'j') return clamp(top + count, 0, last);
  if (key.upArrow || input === 'k') return clamp(top - count, 0, last);
  if (key.pageDown || input === ' ') return clamp(top + page, 0, last);
  if (key.pageUp || input === 'b') return clamp(top - page, 0, last);
  if (key.home || input === 'g') return 0;
  if (key.end || input === 'G') return last;
  return undefined;
}

/**
 * Ink hands letters typed faster than a frame (a held j) over as one string: "jjj" is one
 * key pressed three times. Returns the key and the count; other strings count once.
 */
export function repeated(input: string): { input: string; count: number } {
  const chars = [...input];
  if (chars.length > 1 && chars.every((c) => c === chars[0])) {
    return { input: chars[0], count: chars.length };
  }
  return { input, count: 1 };
}
