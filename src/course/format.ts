/**
 * The lesson file format: YAML front matter validated here, Markdown body after it.
 * Documented field by field in docs/authoring.md; bump FORMAT_VERSION on breaking changes.
 */
import { z } from 'zod';

export const FORMAT_VERSION = 1;

const key = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'латиница, цифры и дефисы: select-where');
const text = z.string().trim().min(1, 'не может быть пустым');
const sql = z.string().trim().min(1, 'нужен SQL');

export const engineName = z.enum(['sqlite', 'mysql']);
export type EngineName = z.infer<typeof engineName>;

const definition = z.strictObject({
  term: text,
  en: text.optional(),
  official: z.strictObject({ text, source: text }),
  interview: text,
});

const orderKey = z.strictObject({
  column: z.number().int().min(1),
  desc: z.boolean().default(false),
});

const exerciseBase = {
  id: key,
  title: text,
  hints: z.array(text).min(1, 'нужна хотя бы одна подсказка'),
  explanation: text,
};

/** What every exercise answered in SQL has: the task, the reference, the engines. */
const sqlAnswerBase = {
  ...exerciseBase,
  task: text,
  solution: sql,
  /** A different reference per engine where dialects differ (date functions, ...). */
  engineSolutions: z.partialRecord(engineName, sql).optional(),
  /** Engines the exercise claims; all of them when absent. */
  engines: z.array(engineName).min(1).optional(),
};

/**
 * Query, plan and change exercises. `course:check --mutants` mutates the SELECT of query and
 * plan references; known shortcoming: a change's statements are not mutated (yet).
 */
const sqlExerciseBase = {
  ...sqlAnswerBase,
  /**
   * Mutants of the solution (course:check --mutants) that no dataset tells apart, each with
   * the reason it is acceptable: an equivalent query, not a hole.
   */
  mutants: z.array(z.strictObject({ mutation: text, reason: text })).optional(),
};

/**
 * A hidden dataset of an exercise's own: the visible bookstore after `changes`
 * (INSERT/UPDATE/DELETE), for a case no shared dataset has; `property` is said when an answer
 * fails on it. Query, plan and change exercises.
 */
const ownDataset = z.strictObject({ property: text, changes: sql }).optional();

/** How a SELECT's result is compared with the reference's (query and plan exercises). */
const resultRules = {
  /** Columns of the expected result the rows must be sorted by; no order when absent. */
  orderBy: z.array(orderKey).min(1).optional(),
  /** Whether the learner's column names must equal the reference's. */
  columnNames: z.boolean().default(false),
  /** Decimal places numbers are compared at, when the task asks for rounding. */
  decimals: z.number().int().min(0).max(6).optional(),
  dataset: ownDataset,
};

const queryExercise = z.strictObject({
  ...sqlExerciseBase,
  kind: z.literal('query'),
  ...resultRules,
});

const tableName = z.string().regex(/^[a-z_]+$/, 'имя таблицы: books, order_items');
const columnName = z.string().regex(/^[a-z_][a-z0-9_]*$/, 'имя столбца: customer_id');

/** One property the plan of the final SELECT must have; see docs/authoring.md. */
const planProperty = z.union([
  /** Some index of the table whose leading columns are exactly these, in order, is used. */
  z.strictObject({ usesIndex: z.strictObject({ table: tableName,
    columns: z.array(columnName).min(1) }) }),
  /**
   * As usesIndex, and the engine narrows the search by every one of these columns: none of
   * them is only checked row by row after the index found the rows.
   */
  z.strictObject({ seeks: z.strictObject({ table: tableName,
    columns: z.array(columnName).min(1) }) }),
  /** The table is not read whole: neither a table scan nor a scan of a whole index. */
  z.strictObject({ noFullScan: tableName }),
  /** No sort of rows (filesort, USE TEMP B-TREE FOR ORDER BY / GROUP BY). */
  z.strictObject({ noSort: z.literal(true) }),
  /** The table is read from an index alone. */
  z.strictObject({ covering: tableName }),
], { error: 'свойство плана: usesIndex, seeks, noFullScan, noSort или covering' });

/**
 * A plan: CREATE INDEX statements (optional), then one SELECT whose result is judged as a
 * query's and whose plan on the base dataset must have every declared property.
 */
const planExercise = z.strictObject({
  ...sqlExerciseBase,
  kind: z.literal('plan'),
  ...resultRules,
  plan: z.array(planProperty).min(1, 'нужно хотя бы одно свойство плана'),
});

/**
 * A change: INSERT/UPDATE/DELETE statements, judged by the state they leave in every table
 * compared with the reference's, on every dataset.
 */
const changeExercise = z.strictObject({
  ...sqlExerciseBase,
  kind: z.literal('change'),
  /** The tables the task is about: named first in feedback. Every table is compared. */
  tables: z.array(tableName).min(1),
  dataset: ownDataset,
});

/** What a schema exercise compares in a table's catalog; every aspect when not given. */
export const schemaAspects = ['columns', 'types', 'nullability', 'defaults', 'primary-key',
  'foreign-keys', 'unique', 'checks', 'indexes'] as const;

const schemaTable = z.union([
  tableName.transform((name) => ({ name, aspects: [...schemaAspects] })),
  z.strictObject({
    name: tableName,
    aspects: z.array(z.enum(schemaAspects)).min(1).default([...schemaAspects]),
  }),
]);

/**
 * A behaviour probe: a statement run on the learner's schema and on the reference's (each on
 * its own copy, rolled back afterwards); it must fail or succeed as on the reference, and the
 * optional query must then return what it returns on the reference.
 */
const schemaProbe = z.strictObject({
  /** What the probe does, in Russian, as the feedback names it: «вставка отрицательной цены». */
  title: text,
  sql,
  /** What the reference does with it; course:check verifies this. */
  expect: z.enum(['error', 'success']),
  query: sql.optional(),
});

/**
 * A schema: CREATE/ALTER TABLE, CREATE INDEX, CREATE VIEW statements, judged by the catalog
 * of the tables named (the aspects asked), the rows of the views named and the probes.
 */
const schemaExercise = z.strictObject({
  ...sqlAnswerBase,
  kind: z.literal('schema'),
  /** May be empty when the exercise is about views only (CREATE VIEW over the bookstore). */
  tables: z.array(schemaTable).default([]),
  /** Views compared by their rows (and column names) on every dataset. */
  views: z.array(tableName).optional(),
  probes: z.array(schemaProbe).optional(),
}).refine((e) => e.tables.length + (e.views?.length ?? 0) > 0, {
  message: 'нужна хотя бы одна таблица (tables) или представление (views)',
  path: ['tables'],
});

const option = z.strictObject({
  key: z.string().regex(/^[a-z]$/, 'одна латинская буква: a, b, c'),
  text,
  correct: z.boolean().default(false),
  /** Why this option is right or wrong: shown when the learner picks it wrongly. */
  why: text.optional(),
});

const choiceExercise = z.strictObject({
  ...exerciseBase,
  kind: z.literal('choice'),
  question: text,
  multiple: z.boolean().default(false),
  options: z.array(option).min(2),
});

const orderingExercise = z.strictObject({
  ...exerciseBase,
  kind: z.literal('ordering'),
  question: text,
  options: z.array(option.omit({ correct: true })).min(2),
  /** Option keys in the right order. */
  answer: z.array(z.string()).min(2),
});

const shortExercise = z.strictObject({
  ...exerciseBase,
  kind: z.literal('short'),
  question: text,
  /** Accepted answers; compared ignoring case, Ё/Е, spaces and punctuation around. */
  accept: z.array(text).min(1),
});

export const exercise = z.discriminatedUnion('kind', [
  queryExercise,
  changeExercise,
  schemaExercise,
  planExercise,
  choiceExercise,
  orderingExercise,
  shortExercise,
]);

const resource = z.strictObject({
  title: text,
  url: z.url({ protocol: /^https?$/ }),
  kind: z.enum(['docs', 'book', 'article', 'course', 'video', 'paper', 'tool']),
  lang: z.enum(['ru', 'en']),
  note: text,
});

const interviewQuestion = z.strictObject({ question: text, answer: text });

export const lessonFrontMatter = z.strictObject({
  format: z.number().int(),
  key,
  title: text,
  goal: text,
  prerequisites: z.array(key).default([]),
  definitions: z.array(definition).min(1),
  exercises: z.array(exercise).min(1),
  interview: z.array(interviewQuestion).min(3).max(8),
  resources: z.array(resource).min(3),
});

export const chapterMeta = z.strictObject({ key, title: text });
export const topicMeta = z.strictObject({ key, title: text });

export type LessonFrontMatter = z.infer<typeof lessonFrontMatter>;
export type Exercise = z.infer<typeof exercise>;
export type QueryExercise = z.infer<typeof queryExercise>;
export type ChangeExercise = z.infer<typeof changeExercise>;
export type SchemaExercise = z.infer<typeof schemaExercise>;
export type SchemaAspect = (typeof schemaAspects)[number];
export type PlanExercise = z.infer<typeof planExercise>;
export type PlanProperty = z.infer<typeof planProperty>;
export type ExerciseDataset = NonNullable<QueryExercise['dataset']>;
export type ChoiceExercise = z.infer<typeof choiceExercise>;
export type OrderingExercise = z.infer<typeof orderingExercise>;
export type ShortExercise = z.infer<typeof shortExercise>;
export type Definition = z.infer<typeof definition>;
export type Resource = z.infer<typeof resource>;
export type InterviewQuestion = z.infer<typeof interviewQuestion>;
