/**
 * Whether the built dbcourse is older than the lesson format in its own sources: after a
 * `git pull` without `npm install`, new lessons may use fields the old build rejects. Asked
 * only when a lesson fails validation, so it costs nothing otherwise.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../util/paths.js';

declare const __DBCOURSE_FORMAT_HASH__: string | undefined;

export function buildOlderThanSources(): boolean {
  if (typeof __DBCOURSE_FORMAT_HASH__ !== 'string') return false;
  try {
    const source = readFileSync(join(packageRoot(), 'src', 'course', 'format.ts'));
    return createHash('sha1').update(source).digest('hex') !== __DBCOURSE_FORMAT_HASH__;
  } catch {
    // An installed package without sources: nothing to compare with.
    return false;
  }
}

export const STALE_BUILD_NOTE = 'Похоже, сборка dbcourse старше его исходников (например, после ' +
  'git pull): выполните npm install в папке курса и повторите.';
