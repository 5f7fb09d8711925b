/**
 * `list --json` and `progress --json`: a stable shape for editors and scripts, documented in
 * docs/json.md. Add fields freely; renaming or removing one means bumping JSON_FORMAT.
 */
import type { LessonState } from '../render/screen.js';
import type { CourseOverview, LessonSummary } from './overview.js';

export const JSON_FORMAT = 1;

interface Count {
  passed: number;
  total: number;
}

export interface LessonJson {
  id: string;
  short: string;
  /** The stable key progress is kept by; null when the lesson file does not parse. */
  key: string | null;
  title: string | null;
  state: LessonState | 'unreadable';
  exercises: Count & { required: number };
}

export interface ListJson {
  format: number;
  engine: string;
  lessons: Count;
  /** Id of the first lesson not passed; null when the course is done. */
  next: string | null;
  chapters: {
    number: number;
    key: string;
    title: string;
    lessons: Count;
    topics: { key: string; title: string; lessons: LessonJson[] }[];
  }[];
}

export interface ProgressJson {
  format: number;
  engine: string;
  lessons: Count;
  exercises: Count;
  hints: number;
  gaveUp: number;
  next: { id: string; short: string; title: string } | null;
  chapters: { number: number; key: string; title: string; lessons: Count; exercises: Count }[];
  /** Where the progress file lives. */
  store: string;
}

function lessonJson(l: LessonSummary): LessonJson {
  return {
    id: l.entry.id,
    short: l.entry.short,
    key: l.lesson?.meta.key ?? null,
    title: l.lesson?.meta.title ?? null,
    state: l.state,
    exercises: { ...l.exercises },
  };
}

function exerciseCount(lessons: LessonSummary[]): Count {
  return {
    passed: lessons.reduce((n, l) => n + l.exercises.passed, 0),
    total: lessons.reduce((n, l) => n + l.exercises.total, 0),
  };
}

export function listJson(overview: CourseOverview, engine: string): ListJson {
  return {
    format: JSON_FORMAT,
    engine,
    lessons: { passed: overview.passed, total: overview.lessons.length },
    next: overview.next?.entry.id ?? null,
    chapters: overview.chapters.map((c) => ({
      number: c.chapter.number,
      key: c.chapter.key,
      title: c.chapter.title,
      lessons: { passed: c.passed, total: c.total },
      topics: c.topics.map((t) => ({
        key: t.topic.key,
        title: t.topic.title,
        lessons: t.lessons.map(lessonJson),
      })),
    })),
  };
}

export function progressJson(overview: CourseOverview, engine: string, store: string):
  ProgressJson {
  const next = overview.next;
  return {
    format: JSON_FORMAT,
    engine,
    lessons: { passed: overview.passed, total: overview.lessons.length },
    exercises: exerciseCount(overview.lessons),
    hints: overview.lessons.reduce((n, l) => n + l.hints, 0),
    gaveUp: overview.lessons.reduce((n, l) => n + l.gaveUp, 0),
    next: next?.lesson
      ? { id: next.entry.id, short: next.entry.short, title: next.lesson.meta.title } : null,
    chapters: overview.chapters.map((c) => {
      const lessons = c.topics.flatMap((t) => t.lessons);
      return {
        number: c.chapter.number,
        key: c.chapter.key,
        title: c.chapter.title,
        lessons: { passed: c.passed, total: c.total },
        exercises: exerciseCount(lessons),
      };
    }),
    store,
  };
}
