// npm run course:check [-- 2-4] [-- --engine mysql]: validates lessons and runs every
// reference solution on every dataset of the engine (SQLite by default; MySQL with
// DBCOURSE_MYSQL_URL, a user prepared by `dbcourse db setup`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCourse } from '../src/authoring/course-check.js';
import { mutatedStatement, mutants, survivingMutants } from '../src/authoring/mutants.js';
import type { Engine } from '../src/engines/engine.js';
import { UserError } from '../src/cli/errors.js';
import { Course } from '../src/course/course.js';
import { chooseEngine, openEngine } from '../src/engines/open.js';
import { fixturesDir, lessonsDir } from '../src/util/paths.js';

const args = process.argv.slice(2);

/**
 * Mutants of reference solutions (queries, and the SELECT of plans) that no dataset tells
 * apart: holes to close or explain.
 */
async function reportMutants(course: Course, engine: Engine, only?: string): Promise<void> {
  let total = 0;
  let survived = 0;
  for (const entry of course.lessons) {
    if (only && entry.short !== only) continue;
    const lesson = await course.lesson(entry);
    for (const exercise of lesson.meta.exercises) {
      if (exercise.kind !== 'query' && exercise.kind !== 'plan') continue;
      const statement = mutatedStatement(exercise, engine.name);
      if (statement === undefined) continue;
      total += mutants(statement).length;
      const explained = new Set((exercise.mutants ?? []).map((m) => m.mutation));
      for (const mutant of await survivingMutants(engine, exercise)) {
        if (explained.has(mutant.mutation)) continue;
        survived += 1;
        console.log(`mutant ${entry.short} [${exercise.id}] ${mutant.mutation}: ` +
          mutant.sql.replace(/\s+/g, ' ').trim());
      }
    }
  }
  console.log(`mutants: ${total} made, ${survived} not told apart from the reference and ` +
    'not explained in the exercise (field mutants)');
}
const engineAt = args.indexOf('--engine');
const engineName = engineAt >= 0 ? args[engineAt + 1] : undefined;
const only = args.find((a, i) => !a.startsWith('--') && (engineAt < 0 || i !== engineAt + 1));

const cache = mkdtempSync(join(tmpdir(), 'dbcourse-check-'));

try {
  const choice = chooseEngine(engineName, process.env, {});
  const fixtures = { dir: process.env.DBCOURSE_FIXTURES_DIR ?? fixturesDir() };
  const engine = await openEngine(choice, { fixtures, cacheRoot: cache,
    timeoutMs: 10_000, trustReferences: false });

  try {
    const course = await Course.load(lessonsDir(process.env));
    // A lesson that is not there (a typo, a renumbering) is an error, not an empty check.
    const lesson = only === undefined ? undefined : course.find(only).short;
    const problems = await checkCourse(course, engine, lesson);
    const errors = problems.filter((p) => p.severity === 'error');

    for (const p of problems) {
      const where = p.exercise ? `${p.lesson} [${p.exercise}]` : p.lesson;
      console.log(`${p.severity === 'error' ? 'ERROR' : 'warn '} ${where}: ${p.message}`);
    }

    console.log(`${lesson ? `lesson ${lesson}` : `${course.lessons.length} lessons`}, ` +
      `engine ${engine.name}: ${errors.length} ` +
      `errors, ${problems.length - errors.length} warnings`);

    if (args.includes('--mutants')) await reportMutants(course, engine, lesson);
    process.exitCode = errors.length > 0 ? 1 : 0;
  } finally {
    await engine.close();
  }
} catch (error) {
  if (!(error instanceof UserError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  rmSync(cache, { recursive: true, force: true });
}
