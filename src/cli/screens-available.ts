/**
 * Whether the interactive screens can run. Apart from terminal.ts on purpose: `--help` loads
 * terminal.ts, and a module the commands also import would become one more chunk on its path.
 */
import type { Io } from './io.js';

/**
 * A terminal on both ends, and no CI variable: under CI, Ink prints only its last frame,
 * which would leave a learner with a dead screen.
 */
export function canRunScreens(io: Io): boolean {
  const ci = [io.env.CI, io.env.CONTINUOUS_INTEGRATION]
    .some((v) => v !== undefined && v !== '0' && v !== 'false');
  return Boolean(io.stdin.isTTY && io.stdout.isTTY) && io.env.TERM !== 'dumb' && !ci;
}
