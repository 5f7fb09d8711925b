// One dataset cache for the whole run: the bookstore is built into SQLite files once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'dbcourse-test-cache-'));
  process.env.DBCOURSE_TEST_CACHE = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
