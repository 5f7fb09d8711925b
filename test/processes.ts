// What Linux's /proc says about processes: who is whose child, CPU time, still running.
import { readdirSync, readFileSync } from 'node:fs';

interface ProcessStat {
  pid: number;
  ppid: number;
  state: string;
  /** User and system CPU time, in clock ticks (100 a second). */
  ticks: number;
}

function stat(pid: number | string): ProcessStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After the name in parentheses: state, ppid, ..., utime (12th), stime (13th).
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { pid: Number(pid), state: fields[0], ppid: Number(fields[1]),
      ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
}

function all(): ProcessStat[] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name))
    .flatMap((name) => stat(name) ?? []);
}

/** Exists and is not a zombie (a zombie has ended; only its exit status is left). */
export function running(pid: number): boolean {
  const found = stat(pid);
  return found !== undefined && found.state !== 'Z' && found.state !== 'X';
}

export function childrenOf(pid: number): number[] {
  return all().filter((p) => p.ppid === pid && p.state !== 'Z').map((p) => p.pid);
}

/** CPU time in clock ticks of a process and every process below it. */
export function treeTicks(pid: number): number {
  const stats = all();
  const tree = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const s of stats) {
      if (tree.has(s.ppid) && !tree.has(s.pid)) {
        tree.add(s.pid);
        grew = true;
      }
    }
  }
  return stats.filter((s) => tree.has(s.pid)).reduce((sum, s) => sum + s.ticks, 0);
}

/** Resolves once `condition` holds; fails when it still does not after `ms`. */
export async function within(ms: number, condition: () => boolean): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Resolves once the process tree has used less than a fifth of a core over a 300 ms window;
 * fails when no window that quiet ends within `ms`.
 */
export async function quietWithin(pid: number, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  const window = 300;
  for (;;) {
    const before = treeTicks(pid);
    await new Promise((resolve) => setTimeout(resolve, window));
    const used = (treeTicks(pid) - before) * 10;
    if (used < window / 5) return;
    if (Date.now() > deadline) throw new Error(`still ${used} ms of CPU in ${window} ms`);
  }
}
