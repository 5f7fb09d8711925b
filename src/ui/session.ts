/**
 * What the screens do to the course, without React: open a lesson, check, hint, solution.
 * The same functions the plain commands use, so a screen and a command never disagree.
 */
import { checkExercises, checkSummary, chosenExercises } from '../cli/checking.js';
import { solutionUnlocked } from '../cli/commands/solution.js';
import type { Context } from '../cli/context.js';
import { UserError } from '../cli/errors.js';
import { lessonView, practiceItems } from '../cli/lesson-page.js';
import { courseOverview, type CourseOverview } from '../cli/overview.js';
import { welcomeText } from '../cli/texts.js';
import type { Lesson, LessonEntry } from '../course/course.js';
import { renderHints } from '../render/hints.js';
import { lessonSections, type LessonView, type PracticeItem } from '../render/lesson.js';
import type { RenderedSection } from '../render/markdown.js';
import type { Screen } from '../render/screen.js';
import { renderSolution } from '../render/solution.js';
import { renderVerdict } from '../render/verdict.js';

export interface OpenLesson {
  lesson: Lesson;
  view: LessonView;
}

export interface CheckReport {
  text: string;
  /** Every checked exercise passed. */
  passed: boolean;
}

export type SolutionReply = { locked: true } | { locked: false; text: string };

/** An error as the learner should see it on a screen: our messages as they are. */
export function problemText(error: unknown): string {
  if (error instanceof UserError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `Внутренняя ошибка dbcourse: ${message}. Ваши ответы и прогресс не затронуты; ` +
    'подробности покажет та же команда в обычном режиме с --debug.';
}

export class Session {
  /** The learner had no progress at all when dbcourse started: the welcome comes first. */
  readonly firstVisit: boolean;

  constructor(readonly ctx: Context) {
    // The check key judges in this process, which lives until the learner quits.
    ctx.staysOpen();
    this.firstVisit = !ctx.progress().hasAnyProgress();
  }

  /** The renderers' screen at the width the terminal has now. */
  screen(width: number): Screen {
    return { width, style: this.ctx.screen.style };
  }

  overview(): Promise<CourseOverview> {
    this.ctx.progress().refresh();
    return courseOverview(this.ctx);
  }

  welcome(width: number): string {
    return welcomeText(this.ctx, this.screen(width));
  }

  async open(entry: LessonEntry): Promise<OpenLesson> {
    const lesson = await (await this.ctx.course()).lesson(entry);
    return { lesson, view: await lessonView(this.ctx, lesson) };
  }

  /** The lesson's sections with the practice as it stands now. */
  sections(open: OpenLesson, width: number): RenderedSection[] {
    const view = { ...open.view, practice: this.practice(open.lesson) };
    return lessonSections(open.lesson, view, this.screen(width));
  }

  practice(lesson: Lesson): PracticeItem[] {
    this.ctx.progress().refresh();
    return practiceItems(this.ctx, lesson);
  }

  /** The lesson after this one in course order. */
  async following(entry: LessonEntry): Promise<LessonEntry | undefined> {
    const { lessons } = await this.ctx.course();
    return lessons[lessons.indexOf(entry) + 1];
  }

  /** Checks one exercise (by its index) or all; the text is what `dbcourse check` prints. */
  async check(lesson: Lesson, index: number | undefined, width: number): Promise<CheckReport> {
    const screen = this.screen(width);
    const single = index === undefined ? undefined : String(index + 1);
    const { results, failed } = await checkExercises(this.ctx, lesson,
      chosenExercises(this.ctx, lesson, single));

    const verdicts = results.map(({ verdict, exercise, index: i, file }) =>
      renderVerdict(verdict, exercise, i, screen) +
      (verdict.passed ? '' : '\n    ' + screen.style.dim(`Файл: ${file.path}`)));
    const passedLesson = this.ctx.lessonState(lesson) === 'passed';
    return {
      text: [...verdicts, '', checkSummary(this.ctx, lesson, single !== undefined, failed, screen),
        ...(passedLesson ? [screen.style.dim('Здесь: n — следующий урок, q — карта курса.')] : []),
      ].join('\n'),
      passed: failed === 0,
    };
  }

  /** One more hint, as `dbcourse hint` gives it. */
  hint(lesson: Lesson, index: number, width: number): string {
    const exercise = lesson.meta.exercises[index];
    const store = this.ctx.progress();
    const before = store.exercise(lesson.meta.key, exercise.id).hintsShown;
    const shown = store.recordHint(lesson.meta.key, exercise.id, exercise.hints.length);
    const screen = this.screen(width);

    return renderHints(exercise, shown, before < shown, screen) + '\n\n' + screen.style.dim(
      shown < exercise.hints.length ? 'Ещё подсказка — снова h.'
        : 'Подсказок больше нет. Решение с разбором — s.');
  }

  /** The solution under the rule of `dbcourse solution`: passed, or given up explicitly. */
  solution(lesson: Lesson, index: number, giveUp: boolean, width: number): SolutionReply {
    const exercise = lesson.meta.exercises[index];
    const store = this.ctx.progress();
    store.refresh();
    const progress = store.exercise(lesson.meta.key, exercise.id);

    if (!solutionUnlocked(progress) && !giveUp) return { locked: true };
    if (!progress.passed) store.recordGaveUp(lesson.meta.key, exercise.id);
    return { locked: false, text: renderSolution(exercise, this.ctx.engineChoice().name,
      progress.passed, lesson.entry.short, this.screen(width)) };
  }
}
