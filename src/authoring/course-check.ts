/**
 * Validates the course for authors (`npm run course:check`, also run by the tests): every
 * lesson parses, every reference solution runs on every dataset and passes its own check,
 * and the answers that must fail (empty, SELECT 1) do fail.
 */
import type { Course, Lesson } from '../course/course.js';
import type {
  ChangeExercise, Exercise, ExerciseDataset, PlanExercise, QueryExercise, SchemaExercise,
} from '../course/format.js';
import type { CompareOptions } from '../checker/compare.js';
import type { Feedback } from '../checker/verdict.js';
import { schemaRequest } from '../checker/schema.js';
import {
  forbiddenSchemaStatement, forbiddenStatement, planStatements,
} from '../checker/statements.js';
import type { DatasetInfo, Engine } from '../engines/engine.js';
import { judge } from '../checker/judge.js';
import { claimsEngine, referenceFor, type SqlExercise } from '../course/kinds.js';
import { rowKey } from '../checker/values.js';

export interface Problem {
  lesson: string;
  exercise?: string;
  /** Errors fail the check; warnings are printed only. */
  severity: 'error' | 'warning';
  message: string;
}

const MIN_BODY_WORDS = 1200;
const REQUIRED_SECTIONS = ['## Теория', '## Примеры', '## Типичные ошибки'];

function words(markdown: string): number {
  return markdown.split(/\s+/).filter(Boolean).length;
}

function lessonProblems(lesson: Lesson, earlierKeys: Set<string>): Problem[] {
  const at = lesson.entry.relativeFile;
  const problems: Problem[] = [];
  const error = (message: string) => problems.push({ lesson: at, severity: 'error', message });

  for (const section of REQUIRED_SECTIONS) {
    if (!lesson.body.split('\n').some((line) => line.trim() === section)) {
      error(`в тексте нет раздела «${section}»`);
    }
  }

  const count = words(lesson.body);
  if (count < MIN_BODY_WORDS) error(`в тексте ${count} слов, нужно не меньше ${MIN_BODY_WORDS}`);

  for (const key of lesson.meta.prerequisites) {
    if (!earlierKeys.has(key)) error(`prerequisites: урока «${key}» нет среди предыдущих`);
  }

  return problems;
}

function questionProblems(exercise: Exercise): string[] {
  const problems: string[] = [];

  if (exercise.kind === 'choice') {
    const correct = exercise.options.filter((o) => o.correct).length;
    if (correct === 0) problems.push('ни один вариант не отмечен верным');
    if (!exercise.multiple && correct > 1) {
      problems.push('один вариант (multiple: false), а верных несколько');
    }
  }

  if (exercise.kind === 'ordering') {
    const keys = exercise.options.map((o) => o.key).sort().join();
    if ([...exercise.answer].sort().join() !== keys) {
      problems.push('answer должен содержать каждый ключ options ровно один раз');
    }
    // Options are shown in the file's order: if that is already the answer, the learner
    // passes by copying the letters down.
    if (exercise.answer.join() === exercise.options.map((o) => o.key).join()) {
      problems.push('варианты в файле уже стоят в верном порядке — перемешайте их');
    }
  }

  if (exercise.kind === 'choice' || exercise.kind === 'ordering') {
    const keys = exercise.options.map((o) => o.key);
    if (new Set(keys).size !== keys.length) problems.push('ключи вариантов повторяются');
  }

  return problems;
}

/** The solution without its final LIMIT clause, or undefined when it has none at the end. */
function withoutFinalLimit(sql: string):
  { sql: string; limit: number; offset: number } | undefined {
  const match = /\s+LIMIT\s+(\d+)(?:\s*,\s*(\d+)|\s+OFFSET\s+(\d+))?\s*;?\s*$/i.exec(sql);
  if (!match) return undefined;
  const [first, second, offset] = [match[1], match[2], match[3]].map((v) =>
    (v === undefined ? undefined : Number(v)));
  // MySQL's LIMIT offset, count form.
  return second !== undefined
    ? { sql: sql.slice(0, match.index), limit: second, offset: first! }
    : { sql: sql.slice(0, match.index), limit: first!, offset: offset ?? 0 };
}

async function limitProblems(engine: Engine, exercise: CompareOptions,
  reference: string): Promise<string[]> {
  if (!/\bLIMIT\b/i.test(reference)) return [];
  if (!exercise.orderBy) return ['LIMIT без orderBy: какие строки попадут в ответ, не определено'];

  const cut = withoutFinalLimit(reference);
  if (!cut) return [];

  const problems: string[] = [];
  for (const dataset of engine.datasets) {
    const outcome = await engine.query(dataset.name, cut.sql);
    if (!outcome.ok) continue;
    const rows = outcome.result.rows;
    const end = cut.offset + cut.limit;
    const keyOf = (i: number) =>
      rowKey(exercise.orderBy!.map((k) => rows[i][k.column - 1]), exercise.decimals);

    const ambiguous = (i: number) => i > 0 && i < rows.length && keyOf(i - 1) === keyOf(i);
    if (ambiguous(end) || ambiguous(cut.offset)) {
      problems.push(`на наборе «${dataset.name}» LIMIT режет группу строк с равными ключами ` +
        'orderBy: добавьте в задание и решение правило при равенстве');
    }
  }
  return problems;
}

function feedbackDetail(feedback: Feedback): string {
  if (feedback.kind === 'plan-shortfall') {
    const { shortfall } = feedback;
    const table = 'table' in shortfall ? ` ${shortfall.table}` : '';
    return `${feedback.kind}: нет свойства ${shortfall.property}${table}`;
  }
  if (feedback.kind === 'failure' || feedback.kind === 'index-failed') {
    return `${feedback.kind}: ${JSON.stringify(feedback.failure)}`;
  }
  return feedback.kind;
}

/** The reference passes its own check, and answers that must fail do fail. */
async function selfCheckProblems(engine: Engine, exercise: SqlExercise, reference: string,
  mustFail: string[]): Promise<string[]> {
  const problems: string[] = [];
  const own = await judge(exercise, reference, async () => engine);
  if (!own.passed) {
    problems.push(`эталон не проходит собственную проверку: ${feedbackDetail(own.feedback)}`);
  }

  for (const wrong of mustFail) {
    const verdict = await judge(exercise, wrong, async () => engine);
    if (verdict.passed) problems.push(`ответ «${wrong || '(пусто)'}» проходит проверку`);
  }
  return problems;
}

/**
 * The shared datasets with distinct rows, then the exercise's own if it has one; or what is
 * wrong with its changes.
 */
async function checkedDatasets(engine: Engine, own: ExerciseDataset | undefined):
  Promise<DatasetInfo[] | string> {
  const datasets = engine.datasets.filter((d) => !d.sameRowsAs);
  if (!own) return datasets;
  const refused = forbiddenStatement(own.changes);
  if (refused) return `dataset.changes: «${refused}» — здесь только INSERT, UPDATE и DELETE`;
  try {
    return [...datasets, await engine.exerciseDataset(own)];
  } catch (error) {
    return `dataset.changes не выполняются: ${(error as Error).message}`;
  }
}

/**
 * A query's or a plan's reference SELECT on every dataset: it runs, gives rows on the base,
 * and the answers that must fail do; its LIMIT cuts unambiguously.
 */
async function resultProblems(engine: Engine,
  exercise: SqlExercise & CompareOptions & { dataset?: ExerciseDataset },
  reference: string, select: string): Promise<string[]> {
  const problems: string[] = [];
  const results: string[] = [];
  const datasets = await checkedDatasets(engine, exercise.dataset);
  if (typeof datasets === 'string') return [datasets];

  for (const dataset of datasets) {
    const outcome = await engine.query(dataset.name, select);
    if (!outcome.ok) {
      problems.push(`эталон не выполняется на наборе «${dataset.name}»: ` +
        JSON.stringify(outcome.failure));
      return problems;
    }
    if (dataset.name === 'base' && outcome.result.rows.length === 0) {
      problems.push('эталон возвращает пустой результат на основной базе');
    }
    results.push(JSON.stringify(outcome.result.rows.map((r) => rowKey(r)).sort()));
  }

  problems.push(...await selfCheckProblems(engine, exercise, reference,
    ['', '-- только комментарий', 'SELECT 1']));

  problems.push(...await limitProblems(engine, exercise, select));

  if (new Set(results).size === 1) {
    problems.push('warning: результат эталона одинаков на всех наборах данных — ответ, ' +
      'подогнанный под основную базу, не отличить от верного');
  }

  return problems;
}

async function queryProblems(engine: Engine, exercise: SqlExercise & CompareOptions):
  Promise<string[]> {
  if (!claimsEngine(exercise, engine.name)) return [];
  const reference = referenceFor(exercise, engine.name);
  return resultProblems(engine, exercise, reference, reference);
}

/**
 * A plan exercise: its reference is CREATE INDEX statements and one SELECT, passes on every
 * dataset and has every plan property; and the same SELECT without those indexes must not
 * have them all, or the exercise teaches nothing.
 */
async function planProblems(engine: Engine, exercise: PlanExercise): Promise<string[]> {
  if (!claimsEngine(exercise, engine.name)) return [];

  const reference = referenceFor(exercise, engine.name);
  const screen = planStatements(reference);
  if (!screen.ok) {
    return [`эталон должен состоять из CREATE INDEX и одного SELECT в конце: ${screen.reason} ` +
      `(${screen.statement})`];
  }

  const problems = await resultProblems(engine, exercise, reference, screen.select);
  if (screen.indexes.length > 0) {
    const bare = await judge(exercise, screen.select, async () => engine);
    if (bare.passed) {
      problems.push('тот же SELECT без CREATE INDEX из эталона уже проходит проверку плана: ' +
        'упражнение ничему не учит. Выберите запрос, которому нужен новый индекс (большая ' +
        'таблица, избирательное условие)');
    }
  }
  return problems;
}

async function changeProblems(engine: Engine, exercise: ChangeExercise): Promise<string[]> {
  if (!claimsEngine(exercise, engine.name)) return [];

  const reference = referenceFor(exercise, engine.name);
  const problems: string[] = [];
  const forbidden = forbiddenStatement(reference);
  if (forbidden) problems.push(`эталон содержит недопустимый оператор: ${forbidden}`);

  const datasets = await checkedDatasets(engine, exercise.dataset);
  if (typeof datasets === 'string') return [...problems, datasets];
  for (const dataset of datasets) {
    const outcome = await engine.change(dataset.name, reference);
    if (!outcome.ok) {
      problems.push(`эталон не выполняется на наборе «${dataset.name}»: ` +
        JSON.stringify(outcome.failure));
      return problems;
    }
    for (const table of exercise.tables) {
      if (!outcome.state[table]) problems.push(`tables: таблицы ${table} нет в базе`);
    }
  }

  problems.push(...await selfCheckProblems(engine, exercise, reference, ['', 'SELECT 1']));

  return problems;
}

/** An error a probe may meet on the reference's schema: a rule of the schema, not a typo. */
const CONSTRAINT_ERROR = new RegExp('constraint|cannot be null|duplicate entry|out of range|' +
  // MySQL in strict mode: an INSERT leaves out a NOT NULL column that has no default.
  "data too long|incorrect .* value|truncated|doesn't have a default value", 'i');

async function schemaProblems(engine: Engine, exercise: SchemaExercise): Promise<string[]> {
  if (!claimsEngine(exercise, engine.name)) return [];

  const reference = referenceFor(exercise, engine.name);
  const problems: string[] = [];
  const forbidden = forbiddenSchemaStatement(reference);
  if (forbidden) problems.push(`эталон содержит недопустимый оператор: ${forbidden}`);
  for (const [i, probe] of (exercise.probes ?? []).entries()) {
    const refused = forbiddenStatement(probe.sql);
    if (refused) problems.push(`probes[${i}].sql: только INSERT, UPDATE, DELETE, а не ${refused}`);
  }
  if (problems.length > 0) return problems;

  const base = engine.datasets[0].name;
  const outcome = await engine.schema(base, reference, schemaRequest(exercise));
  if (!outcome.ok) {
    return [`эталон не выполняется на наборе «${base}»: ${JSON.stringify(outcome.failure)}`];
  }

  const { catalog, views, probes } = outcome.state;
  for (const table of exercise.tables) {
    if (!catalog[table.name]) problems.push(`tables: таблицы ${table.name} нет после эталона`);
  }
  for (const view of exercise.views ?? []) {
    const rows = views[view];
    if (!rows.ok) problems.push(`views: ${view} не читается: ${JSON.stringify(rows.failure)}`);
    else if (rows.result.rows.length === 0) problems.push(`views: ${view} пусто на основной базе`);
  }
  for (const [i, probe] of (exercise.probes ?? []).entries()) {
    const { error, after } = probes[i];
    const at = `probes[${i}] «${probe.title}»`;
    if (probe.expect === 'error' && !error) {
      problems.push(`${at}: на эталоне выполнилась без ошибки`);
    }
    if (probe.expect === 'success' && error) problems.push(`${at}: на эталоне ошибка: ${error}`);
    if (probe.expect === 'error' && error && !CONSTRAINT_ERROR.test(error)) {
      problems.push(`${at}: ошибка не от ограничения схемы, а ${error}`);
    }
    if (after && !after.ok) {
      problems.push(`${at}: query не выполняется: ${JSON.stringify(after.failure)}`);
    }
  }

  problems.push(...await selfCheckProblems(engine, exercise, reference, ['', 'SELECT 1']));
  return problems;
}

export async function checkCourse(course: Course, engine: Engine,
  only?: string): Promise<Problem[]> {
  const problems: Problem[] = [];
  const keys = new Map<string, string>();

  for (const entry of course.lessons) {
    const lesson = await course.tryLesson(entry);
    if (lesson instanceof Error) {
      problems.push({ lesson: entry.relativeFile, severity: 'error', message: lesson.message });
      continue;
    }

    const earlier = new Set(keys.keys());
    const duplicate = keys.get(lesson.meta.key);
    if (duplicate) {
      problems.push({ lesson: entry.relativeFile, severity: 'error',
        message: `key «${lesson.meta.key}» уже занят уроком ${duplicate}` });
    }
    keys.set(lesson.meta.key, entry.relativeFile);

    if (only && entry.short !== only && entry.id !== only) continue;

    problems.push(...lessonProblems(lesson, earlier));

    for (const exercise of lesson.meta.exercises) {
      const found = exercise.kind === 'query' ? await queryProblems(engine, exercise)
        : exercise.kind === 'change' ? await changeProblems(engine, exercise)
          : exercise.kind === 'schema' ? await schemaProblems(engine, exercise)
          : exercise.kind === 'plan' ? await planProblems(engine, exercise)
            : questionProblems(exercise);
      for (const message of found) {
        const warning = message.startsWith('warning: ');
        problems.push({ lesson: entry.relativeFile, exercise: exercise.id,
          severity: warning ? 'warning' : 'error',
          message: warning ? message.slice('warning: '.length) : message });
      }
    }
  }

  return problems;
}
