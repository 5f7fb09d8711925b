/**
 * What commands share, created on first use: the course, the progress store, the workspace
 * and the engine. Keeps start-up cheap for commands that need only some of them.
 */
import { join } from 'node:path';
import { judge, withPortabilityNote } from '../checker/judge.js';
import { VerdictCache } from '../checker/verdict-cache.js';
import type { Verdict } from '../checker/verdict.js';
import { Course, type Lesson, type LessonEntry } from '../course/course.js';
import { claimsEngine, isSqlExercise } from '../course/kinds.js';
import type { Exercise } from '../course/format.js';
import type { Engine } from '../engines/engine.js';
import { ReferenceMemo } from '../engines/reference-memo.js';
import { chooseEngine, openEngine, type EngineChoice, type OpenOptions } from '../engines/open.js';
import { readSettings } from '../settings/settings.js';
import type { Screen } from '../render/screen.js';
import { ProgressStore } from '../progress/store.js';
import { cacheDir, dataDir, fixturesDir, lessonsDir, workspaceDir } from '../util/paths.js';
import { UsageError } from './errors.js';
import { screenFor, type Io } from './io.js';

export interface GlobalOptions {
  engine?: string;
  color?: boolean;
  workspace?: string;
  debug?: boolean;
  pager?: boolean;
}

const DEFAULT_TIMEOUT_MS = 5000;

export class Context {
  readonly screen: Screen;
  readonly workspace: string;
  private coursePromise: Promise<Course> | undefined;
  private store: ProgressStore | undefined;
  private engineInstance: Engine | undefined;
  private enginePromise: Promise<Engine> | undefined;
  private engineName: EngineChoice['name'] | undefined;
  private readonly reported = new Set<string>();
  private verdicts: VerdictCache | undefined;
  private longLived = false;

  constructor(readonly io: Io, readonly options: GlobalOptions) {
    this.screen = screenFor(io);
    this.workspace = options.workspace
      ? workspaceDir({ DBCOURSE_WORKSPACE: options.workspace })
      : workspaceDir(io.env);
  }

  print(text: string): void {
    this.io.stdout.write(text.endsWith('\n') ? text : text + '\n');
  }

  warn(text: string): void {
    const { style } = this.screen;
    this.io.stderr.write(style.warn(text) + '\n');
  }

  course(): Promise<Course> {
    this.coursePromise ??= Course.load(lessonsDir(this.io.env), cacheDir(this.io.env));
    return this.coursePromise;
  }

  progress(): ProgressStore {
    this.store ??= ProgressStore.open(dataDir(this.io.env), (w) => this.warn(w.message));
    return this.store;
  }

  /**
   * Marks a command that stays open and checks again and again (watch, the interactive
   * screens): SQLite then runs learners' SQL in a child process, which a runaway statement is
   * killed with, instead of a thread that would keep a core busy until the command ends.
   * Called before the engine is first used.
   */
  staysOpen(): void {
    this.longLived = true;
  }

  /** Which engine commands use: --engine, DBCOURSE_ENGINE, `db use`, or SQLite. */
  engineChoice(): EngineChoice {
    return chooseEngine(this.options.engine, this.io.env, readSettings(dataDir(this.io.env)));
  }

  engine(): Promise<Engine> {
    const open = this.io.engines
      ? this.io.engines.open.bind(this.io.engines) : openEngine;
    this.enginePromise ??= open(this.engineChoice(), this.engineOptions()).then((e) => {
      this.engineInstance = new ReferenceMemo(e, join(cacheDir(this.io.env), 'references'));
      return this.engineInstance;
    });
    return this.enginePromise;
  }

  engineOptions(): OpenOptions {
    return {
      fixtures: { dir: this.io.env.DBCOURSE_FIXTURES_DIR ?? fixturesDir() },
      cacheRoot: cacheDir(this.io.env),
      timeoutMs: Number(this.io.env.DBCOURSE_QUERY_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS,
      isolation: this.longLived ? 'process' : 'thread',
    };
  }

  /** Judges an answer, reusing a passed verdict for exactly the same inputs. */
  async judge(exercise: Exercise, answer: string): Promise<Verdict> {
    const known = await this.rememberedVerdict(exercise, answer);
    if (known) return known;

    const verdict = await judge(exercise, answer, () => this.engine());
    const engineName = isSqlExercise(exercise) ? (await this.engine()).fingerprint : 'none';
    this.verdictCache().remember(exercise, answer, engineName, verdict);
    return verdict;
  }

  /** The passed verdict of exactly this answer, when an earlier check gave it. */
  async rememberedVerdict(exercise: Exercise, answer: string): Promise<Verdict | undefined> {
    const engine = isSqlExercise(exercise) ? await this.engine() : undefined;
    return this.verdictCache().hasPassed(exercise, answer, engine?.fingerprint ?? 'none')
      ? withPortabilityNote({ exerciseId: exercise.id, passed: true, feedback: { kind: 'passed' } },
        exercise, answer, engine?.name ?? 'none')
      : undefined;
  }

  /** Where passed verdicts are kept, and what start-ahead.ts reads of the last checks. */
  verdictsDir(): string {
    return join(cacheDir(this.io.env), 'verdicts');
  }

  private verdictCache(): VerdictCache {
    this.verdicts ??= new VerdictCache(this.verdictsDir());
    return this.verdicts;
  }

  /** Ends the engine now; asked for again, it opens anew. */
  async closeEngine(): Promise<void> {
    const opening = this.enginePromise;
    this.enginePromise = undefined;
    this.engineInstance = undefined;
    await (await opening?.catch(() => undefined))?.close();
  }

  async close(): Promise<void> {
    await this.closeEngine();
  }

  async lesson(input: string): Promise<Lesson> {
    const course = await this.course();
    return course.lesson(course.find(input));
  }

  /** An exercise by id or by its number in the lesson (1, 2, ...). */
  exercise(lesson: Lesson, input: string): { exercise: Exercise; index: number } {
    const exercises = lesson.meta.exercises;
    const byNumber = /^\d+$/.test(input) ? Number(input) - 1 : -1;
    const index = byNumber >= 0 ? byNumber : exercises.findIndex((e) => e.id === input);

    if (index < 0 || index >= exercises.length) {
      const list = exercises.map((e, i) => `${i + 1}. ${e.id}`).join(', ');
      throw new UsageError(`В уроке ${lesson.entry.short} нет упражнения «${input}». ` +
        `Есть: ${list}.`);
    }

    return { exercise: exercises[index], index };
  }

  /**
   * "2-3 NULL и трёхзначная логика" for a lesson key, or the key if no lesson has it.
   * Prerequisites come before their lesson, usually just before: searched backwards from it.
   */
  async describeKey(key: string, from?: LessonEntry): Promise<string> {
    const course = await this.course();
    const start = from ? course.lessons.indexOf(from) : course.lessons.length;
    const order = [...course.lessons.slice(0, start).reverse(), ...course.lessons.slice(start)];
    for (const entry of order) {
      const lesson = await course.tryLesson(entry);
      if (!(lesson instanceof Error) && lesson.meta.key === key) {
        return `${entry.short} ${lesson.meta.title}`;
      }
    }
    return key;
  }

  /** Every lesson that parses, in course order; each broken one is reported once. */
  async readableLessons(): Promise<Lesson[]> {
    const course = await this.course();
    const lessons: Lesson[] = [];

    for (const entry of course.lessons) {
      const lesson = await course.tryLesson(entry);
      if (!(lesson instanceof Error)) {
        lessons.push(lesson);
      } else if (!this.reported.has(entry.file)) {
        this.reported.add(entry.file);
        this.warn(`${lesson.message}\nУрок ${entry.short} пропущен; остальные доступны.`);
      }
    }

    return lessons;
  }

  /**
   * The exercises a lesson needs passed on the engine in use: one that only MySQL can check
   * does not hold a learner on SQLite back.
   */
  requiredExercises(lesson: Lesson): Exercise[] {
    this.engineName ??= this.engineChoice().name;
    const engine = this.engineName;
    return lesson.meta.exercises.filter((e) => claimsEngine(e, engine));
  }

  lessonState(lesson: Lesson): 'passed' | 'started' | 'new' {
    const progress = this.progress().lesson(lesson.meta.key);
    const required = this.requiredExercises(lesson);
    if (required.every((e) => progress.exercises[e.id]?.passed)) return 'passed';
    const touched = progress.openedAt !== undefined || Object.keys(progress.exercises).length > 0;
    return touched ? 'started' : 'new';
  }
}
