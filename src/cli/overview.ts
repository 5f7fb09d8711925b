/**
 * The course as the learner stands in it: every chapter, topic and lesson with its state and
 * exercise counts. One source for `list`, `progress` (text and --json) and the course map.
 */
import type { ChapterNode, Lesson, LessonEntry, TopicNode } from '../course/course.js';
import type { LessonState } from '../render/screen.js';
import type { Context } from './context.js';

export interface LessonSummary {
  entry: LessonEntry;
  /** Absent when the lesson file does not parse (the reason was already reported). */
  lesson?: Lesson;
  state: LessonState | 'unreadable';
  exercises: {
    /** Passed exercises of the lesson, on any engine. */
    passed: number;
    total: number;
    /** The exercises the engine in use checks: all of them must pass for the lesson. */
    required: number;
  };
  hints: number;
  gaveUp: number;
}

export interface TopicSummary {
  topic: TopicNode;
  lessons: LessonSummary[];
}

export interface ChapterSummary {
  chapter: ChapterNode;
  topics: TopicSummary[];
  /** Lessons passed and readable lessons in the chapter. */
  passed: number;
  readable: number;
  /** Every lesson of the chapter, readable or not. */
  total: number;
}

export interface CourseOverview {
  chapters: ChapterSummary[];
  /** Every lesson in course order. */
  lessons: LessonSummary[];
  passed: number;
  /** The first readable lesson not passed yet: where "continue" leads. */
  next?: LessonSummary;
}

function summarize(ctx: Context, entry: LessonEntry, lesson: Lesson | undefined):
  LessonSummary {
  if (!lesson) {
    return { entry, state: 'unreadable', exercises: { passed: 0, total: 0, required: 0 },
      hints: 0, gaveUp: 0 };
  }

  const progress = ctx.progress().lesson(lesson.meta.key);
  const exercises = lesson.meta.exercises.map((e) => progress.exercises[e.id]);
  return {
    entry,
    lesson,
    state: ctx.lessonState(lesson),
    exercises: {
      passed: exercises.filter((p) => p?.passed).length,
      total: exercises.length,
      required: ctx.requiredExercises(lesson).length,
    },
    hints: exercises.reduce((n, p) => n + (p?.hintsShown ?? 0), 0),
    gaveUp: exercises.filter((p) => p?.gaveUp).length,
  };
}

export async function courseOverview(ctx: Context): Promise<CourseOverview> {
  const course = await ctx.course();
  const readable = new Map((await ctx.readableLessons()).map((l) => [l.entry.file, l]));
  const lessons: LessonSummary[] = [];

  const chapters = course.chapters.map((chapter): ChapterSummary => {
    const topics = chapter.topics.map((topic): TopicSummary => ({
      topic,
      lessons: topic.lessons.map((entry) => summarize(ctx, entry, readable.get(entry.file))),
    }));
    const inChapter = topics.flatMap((t) => t.lessons);
    lessons.push(...inChapter);

    return {
      chapter,
      topics,
      passed: inChapter.filter((l) => l.state === 'passed').length,
      readable: inChapter.filter((l) => l.state !== 'unreadable').length,
      total: inChapter.length,
    };
  });

  return {
    chapters,
    lessons,
    passed: lessons.filter((l) => l.state === 'passed').length,
    next: lessons.find((l) => l.state === 'started' || l.state === 'new'),
  };
}
