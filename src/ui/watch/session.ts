/**
 * What `dbcourse watch` does, apart from how it is shown: one lesson's exercises, each with its
 * answer file and latest verdict, judged again when the file is saved and recorded in the
 * progress as `dbcourse check` records it. The Ink screen and the plain output both read its
 * snapshots; the plain output also listens to each finished check.
 */
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Context } from '../../cli/context.js';
import { countsAsAttempt, readFor } from '../../cli/checking.js';
import { UserError } from '../../cli/errors.js';
import type { Lesson } from '../../course/course.js';
import type { Exercise } from '../../course/format.js';
import { isSqlExercise } from '../../course/kinds.js';
import type { Verdict } from '../../checker/verdict.js';
import { ensureAnswerFiles } from '../../workspace/answers.js';
import { FileWatcher, POLL_MS, type WatchMode } from './file-watcher.js';
import { chooseWatchMode } from './watch-mode.js';
import { texts } from './texts.js';

/** Ink draws at most one frame per 32 ms. */
const FRAME_MS = 40;

/** Why a check ran: the session opened, a file was saved, or the learner asked. */
export type CheckCause = 'start' | 'save' | 'manual';

export interface ExerciseView {
  exercise: Exercise;
  index: number;
  path: string;
  /** The latest verdict of this session. */
  verdict?: Verdict;
  checking: boolean;
  checkedAt?: Date;
  /** What started the latest check. */
  cause?: CheckCause;
  /** Why the latest check could not judge the answer (no file, no engine), in Russian. */
  problem?: string;
  /** Passed according to the progress, now or earlier. */
  passed: boolean;
  /** Counts for the lesson on the engine in use. */
  required: boolean;
  hintsShown: number;
}

export interface WatchSnapshot {
  lesson: Lesson;
  folder: string;
  /** The engine the answers are checked on. */
  engine: 'sqlite' | 'mysql';
  mode: WatchMode;
  /** Why the answers are polled instead of watched, in Russian. */
  pollReason?: string;
  pollMs: number;
  exercises: ExerciseView[];
  lessonPassed: boolean;
  /** Where to go once the lesson is passed; undefined when every lesson is passed. */
  nextLesson?: Lesson;
}

export interface CheckEvent {
  view: ExerciseView;
  cause: CheckCause;
  snapshot: WatchSnapshot;
}

export interface SessionOptions {
  poll: boolean;
  /** Polling period, for tests and slow shares; the default suits an answer file. */
  pollMs?: number;
}

/** The first lesson not passed yet, as `dbcourse next` picks it. */
/**
 * The lesson the learner is working on: of the lessons started and not passed, the one
 * opened last; with none started, the first one not passed (as `next` picks).
 */
export async function currentLesson(ctx: Context): Promise<Lesson | undefined> {
  const lessons = await ctx.readableLessons();
  const opened = (l: Lesson) => ctx.progress().lesson(l.meta.key).openedAt ?? '';
  const started = lessons.filter((l) => ctx.lessonState(l) === 'started')
    .sort((a, b) => opened(b).localeCompare(opened(a)));
  return started[0] ?? lessons.find((l) => ctx.lessonState(l) !== 'passed');
}

/** The next lesson not passed yet after `lesson`, wrapping round to the ones before it. */
async function lessonAfter(ctx: Context, lesson: Lesson): Promise<Lesson | undefined> {
  const lessons = await ctx.readableLessons();
  const at = lessons.findIndex((l) => l.entry.id === lesson.entry.id);
  return [...lessons.slice(at + 1), ...lessons.slice(0, Math.max(at, 0))]
    .find((l) => ctx.lessonState(l) !== 'passed');
}

export class WatchSession {
  private state: WatchSnapshot;
  private watcher: FileWatcher | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly checkListeners = new Set<(event: CheckEvent) => void>();
  private readonly running = new Map<number, Promise<void>>();
  /** A save or a request that came while the exercise was being checked: check again. */
  private readonly again = new Map<number, CheckCause>();
  /** Bumped when the lesson changes, so that a late verdict of the old one is dropped. */
  private generation = 0;
  /** The lesson after this one was looked for (once it is passed). */
  private nextLookedUp = false;

  constructor(private readonly ctx: Context, lesson: Lesson,
    private readonly options: SessionOptions) {
    // Checks again at every save until the learner quits: a runaway must not outlive its check.
    ctx.staysOpen();
    this.state = this.prepare(lesson);
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): WatchSnapshot => this.state;

  onCheck(listener: (event: CheckEvent) => void): () => void {
    this.checkListeners.add(listener);
    return () => this.checkListeners.delete(listener);
  }

  /** Starts watching and judges every answer once; resolves when those checks are done. */
  async start(): Promise<void> {
    const { folder, exercises } = this.state;
    const choice = chooseWatchMode(folder, this.options.poll);
    const pollMs = this.options.pollMs ?? POLL_MS;
    this.watcher = new FileWatcher(exercises.map((v) => v.path), (path) => this.saved(path), {
      mode: choice.mode,
      pollMs,
      onFallback: (code) => this.update({ mode: 'poll', pollReason: texts.eventsFailed(code) }),
    });
    this.watcher.start();
    // A watcher that fell back to polling as it started has said why already.
    this.update(this.watcher.mode === choice.mode
      ? { mode: choice.mode, pollReason: choice.reason, pollMs } : { pollMs });

    // A lesson passed before offers the next one from the start.
    await this.settleLesson(this.generation);
    await this.warmUp();
    await Promise.all(exercises.map((v) => this.check(v.index, 'start')));
  }

  /**
   * Starts the SQL engine ahead of the first check; a failure is told by each check. Opening
   * it may build the datasets, which holds the thread for a second the first time: the
   * exercises show "checking" first, and the screen gets a frame's time to draw it.
   */
  private async warmUp(): Promise<void> {
    if (!this.state.exercises.some((v) => isSqlExercise(v.exercise))) return;
    this.update({ exercises: this.state.exercises.map((v) => ({ ...v, checking: true })) });
    await new Promise((resolve) => setTimeout(resolve, FRAME_MS));
    try {
      (await this.ctx.engine()).warmUp();
    } catch {
      // Each SQL exercise's check reports why the engine cannot be used.
    }
  }

  close(): void {
    this.watcher?.close();
    this.watcher = undefined;
    this.generation += 1;
  }

  /** Judges one exercise now (the "check now" key). */
  check(index: number, cause: CheckCause): Promise<void> {
    const running = this.running.get(index);
    if (running) {
      // A save beats the start-up check: it is recorded as an attempt.
      if (this.again.get(index) !== 'save') this.again.set(index, cause);
      return running;
    }

    const run = this.checkUntilSettled(index, cause).finally(() => this.running.delete(index));
    this.running.set(index, run);
    return run;
  }

  /** Shows one more hint of an exercise, as `dbcourse hint` does; returns how many are shown. */
  hint(index: number): number {
    const view = this.state.exercises[index];
    const { key } = this.state.lesson.meta;
    const shown = this.ctx.progress().recordHint(key, view.exercise.id,
      view.exercise.hints.length);
    this.updateExercise(index, { hintsShown: shown });
    return shown;
  }

  /** Leaves this lesson for another: new files, new watcher, every answer judged once. */
  async moveTo(lesson: Lesson): Promise<void> {
    this.close();
    this.again.clear();
    this.state = this.prepare(lesson);
    this.notify();
    await this.start();
  }

  private prepare(lesson: Lesson): WatchSnapshot {
    const { meta, entry } = lesson;
    const files = ensureAnswerFiles(this.ctx.workspace, entry, meta.key, meta.exercises);
    const store = this.ctx.progress();
    store.markOpened(meta.key);
    const required = new Set(this.ctx.requiredExercises(lesson).map((e) => e.id));

    const exercises = files.map((file, index): ExerciseView => {
      const progress = store.exercise(meta.key, file.exercise.id);
      return { exercise: file.exercise, index, path: file.path, checking: false,
        passed: progress.passed, required: required.has(file.exercise.id),
        hintsShown: progress.hintsShown };
    });

    this.nextLookedUp = false;
    return { lesson, folder: dirname(files[0].path), engine: this.ctx.engineChoice().name,
      mode: 'events', pollMs: POLL_MS,
      exercises, lessonPassed: this.ctx.lessonState(lesson) === 'passed' };
  }

  private saved(path: string): void {
    const view = this.state.exercises.find((v) => v.path === path);
    if (view) void this.check(view.index, 'save');
  }

  private async checkUntilSettled(index: number, first: CheckCause): Promise<void> {
    let cause: CheckCause | undefined = first;
    while (cause) {
      await this.checkOnce(index, cause);
      cause = this.again.get(index);
      this.again.delete(index);
    }
  }

  private async checkOnce(index: number, cause: CheckCause): Promise<void> {
    const generation = this.generation;
    const view = this.state.exercises[index];
    this.updateExercise(index, { checking: true });

    let verdict: Verdict | undefined;
    let problem: string | undefined;
    try {
      verdict = await this.judge(view);
    } catch (error) {
      // The screen stays up: the learner can fix the cause and save again.
      problem = error instanceof UserError ? error.message
        : texts.internalError(error instanceof Error ? error.message : String(error));
    }
    if (generation !== this.generation) return;

    if (verdict) this.record(view.exercise, verdict, cause);
    this.watcher?.markSeen(view.path);
    const { key } = this.state.lesson.meta;
    this.updateExercise(index, { checking: false, verdict, problem, checkedAt: new Date(), cause,
      passed: this.ctx.progress().exercise(key, view.exercise.id).passed });
    await this.settleLesson(generation);
    if (generation !== this.generation) return;

    const event = { view: this.state.exercises[index], cause, snapshot: this.state };
    for (const listener of this.checkListeners) listener(event);
  }

  private async judge(view: ExerciseView): Promise<Verdict> {
    if (!existsSync(view.path)) {
      throw new UserError(texts.fileMissing(view.path, this.state.lesson.entry.short,
        view.exercise.id));
    }
    const answer = readFor(view.exercise, { exercise: view.exercise, path: view.path,
      created: false });
    if (typeof answer !== 'string') return answer;
    if (isSqlExercise(view.exercise)) await this.engine();
    // Known shortcoming: a runaway query's thread stays busy until watch ends (see
    // docs/architecture.md); a reusable sandbox process would stop it at once.
    return this.ctx.judge(view.exercise, answer);
  }

  /**
   * The engine, or why it cannot be used. The context keeps the first failure for the rest
   * of the run, so the learner is told to start watch again once the cause is fixed.
   */
  private async engine(): Promise<void> {
    try {
      await this.ctx.engine();
    } catch (error) {
      if (error instanceof UserError) throw new UserError(`${error.message}\n${texts.restart}`);
      throw error;
    }
  }

  /**
   * Saves and "check now" count as attempts, as `check` counts them. The start-up check only
   * records a pass the progress does not know yet: the files did not change, nobody tried.
   */
  private record(exercise: Exercise, verdict: Verdict, cause: CheckCause): void {
    const store = this.ctx.progress();
    const { key } = this.state.lesson.meta;
    const counts = cause === 'start'
      ? verdict.passed && !store.exercise(key, exercise.id).passed
      : countsAsAttempt(verdict);
    if (counts) store.recordAttempt(key, exercise.id, verdict.passed);
  }

  private async settleLesson(generation: number): Promise<void> {
    const { lesson } = this.state;
    const lessonPassed = this.ctx.lessonState(lesson) === 'passed';
    if (lessonPassed === this.state.lessonPassed && (!lessonPassed || this.nextLookedUp)) return;

    this.nextLookedUp = lessonPassed;
    const nextLesson = lessonPassed ? await lessonAfter(this.ctx, lesson) : undefined;
    if (generation === this.generation) this.update({ lessonPassed, nextLesson });
  }

  private updateExercise(index: number, patch: Partial<ExerciseView>): void {
    const exercises = [...this.state.exercises];
    exercises[index] = { ...exercises[index], ...patch };
    this.update({ exercises });
  }

  private update(patch: Partial<WatchSnapshot>): void {
    this.state = { ...this.state, ...patch };
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
