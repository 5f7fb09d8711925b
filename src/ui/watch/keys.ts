/**
 * The keys of the watch screen. Letters work in the Russian layout too (the same physical
 * key: q is й, c is с), so a learner who was just typing Russian need not switch.
 */
export type WatchAction = 'check' | 'next' | 'previous' | 'hint' | 'next-lesson' | 'quit' |
  'page-down' | 'page-up' | 'back';

export interface PressedKey {
  upArrow: boolean;
  downArrow: boolean;
  return: boolean;
  escape: boolean;
  tab: boolean;
  shift: boolean;
  pageDown: boolean;
  pageUp: boolean;
}

const letters: Record<string, WatchAction> = {
  c: 'check', с: 'check',
  j: 'next', о: 'next',
  k: 'previous', л: 'previous',
  h: 'hint', р: 'hint',
  n: 'next-lesson', т: 'next-lesson',
  q: 'quit', й: 'quit',
};

export function watchAction(input: string, key: PressedKey): WatchAction | undefined {
  if (key.return) return 'check';
  if (key.downArrow || (key.tab && !key.shift)) return 'next';
  if (key.upArrow || (key.tab && key.shift)) return 'previous';
  if (key.pageDown || input === ' ') return 'page-down';
  if (key.pageUp) return 'page-up';
  // Esc closes what is open (the hints); watch is a top-level screen, so it never quits.
  if (key.escape) return 'back';
  return letters[input.toLowerCase()];
}
