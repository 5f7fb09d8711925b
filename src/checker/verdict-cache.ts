/**
 * Remembers passed verdicts, so that re-checking a lesson after fixing one answer does not
 * re-run the answers that already passed. A verdict is reused only for the same answer text,
 * the same exercise (reference, options), the same engine and datasets and the same build of
 * dbcourse: exactly the inputs that decide it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheBuildKey } from '../util/build.js';
import type { Exercise } from '../course/format.js';
import type { Verdict } from './verdict.js';

const build = cacheBuildKey;

export class VerdictCache {
  constructor(private readonly dir: string) {}

  private path(exercise: Exercise, answer: string, engine: string): string {
    const key = createHash('sha256')
      .update(JSON.stringify([build, engine, exercise, answer]))
      .digest('hex');
    return join(this.dir, key.slice(0, 2), key.slice(2, 40));
  }

  hasPassed(exercise: Exercise, answer: string, engine: string): boolean {
    return existsSync(this.path(exercise, answer, engine));
  }

  remember(exercise: Exercise, answer: string, engine: string, verdict: Verdict): void {
    if (!verdict.passed) return;
    const path = this.path(exercise, answer, engine);
    try {
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, '');
    } catch {
      // A read-only cache only costs speed.
    }
  }
}
