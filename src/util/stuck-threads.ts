/**
 * Threads left running a query that overran its time limit. Node cannot end a process while
 * such a thread runs native code, so the entry point ends it hard when this is not zero.
 */
let stuck = 0;

export function markThreadStuck(): void {
  stuck += 1;
}

export function stuckThreads(): number {
  return stuck;
}
