// npm run course:check [-- 2-4]: validates lessons and runs every reference solution.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCourse } from '../src/authoring/course-check.js';
import { Course } from '../src/course/course.js';
import { SqliteEngine } from '../src/engines/sqlite/engine.js';
import { fixturesDir, lessonsDir } from '../src/util/paths.js';

const only = process.argv[2];
const cache = mkdtempSync(join(tmpdir(), 'dbcourse-check-'));
const engine = new SqliteEngine({ fixtures: { dir: fixturesDir() }, cacheRoot: cache,
  timeoutMs: 10_000 });

try {
  const course = await Course.load(lessonsDir(process.env));
  const problems = await checkCourse(course, engine, only);
  const errors = problems.filter((p) => p.severity === 'error');

  for (const p of problems) {
    const where = p.exercise ? `${p.lesson} [${p.exercise}]` : p.lesson;
    console.log(`${p.severity === 'error' ? 'ERROR' : 'warn '} ${where}: ${p.message}`);
  }

  console.log(`${course.lessons.length} lessons, engine sqlite: ${errors.length} errors, ` +
    `${problems.length - errors.length} warnings`);
  process.exitCode = errors.length > 0 ? 1 : 0;
} finally {
  await engine.close();
  rmSync(cache, { recursive: true, force: true });
}
