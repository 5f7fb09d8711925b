/**
 * The course map as rows: chapters, topics and lessons that pass the filter and the search.
 * Pure, so that navigation can be tested without a terminal.
 */
import type { ChapterSummary, CourseOverview, LessonSummary } from '../../cli/overview.js';
import type { TopicNode } from '../../course/course.js';
import { fold } from '../text.js';

export type Filter = 'all' | 'done' | 'pending';

export const filters: { key: Filter; label: string }[] = [
  { key: 'all', label: 'Все' },
  { key: 'done', label: 'Пройденные' },
  { key: 'pending', label: 'Непройденные' },
];

export type MapRow =
  | { kind: 'chapter'; chapter: ChapterSummary }
  | { kind: 'topic'; topic: TopicNode }
  | { kind: 'lesson'; lesson: LessonSummary };

function passesFilter(lesson: LessonSummary, filter: Filter): boolean {
  if (filter === 'done') return lesson.state === 'passed';
  if (filter === 'pending') return lesson.state !== 'passed';
  return true;
}

/** A lesson matches by its number, its title, or the title of its topic or chapter. */
export function matchesQuery(lesson: LessonSummary, query: string): boolean {
  const wanted = fold(query.trim());
  if (wanted === '') return true;
  const { entry } = lesson;
  const haystack = [entry.short, entry.id, lesson.lesson?.meta.title ?? '', entry.topic.title,
    entry.topic.chapter.title].join(' | ');
  return fold(haystack).includes(wanted);
}

export function mapRows(overview: CourseOverview, filter: Filter, query: string): MapRow[] {
  const rows: MapRow[] = [];

  for (const chapter of overview.chapters) {
    const chapterRows: MapRow[] = [];
    for (const { topic, lessons } of chapter.topics) {
      const shown = lessons.filter((l) => passesFilter(l, filter) && matchesQuery(l, query));
      if (shown.length === 0) continue;
      chapterRows.push({ kind: 'topic', topic },
        ...shown.map((lesson): MapRow => ({ kind: 'lesson', lesson })));
    }
    if (chapterRows.length > 0) rows.push({ kind: 'chapter', chapter }, ...chapterRows);
  }

  return rows;
}

/** Row indexes of lessons: the places the cursor can stand. */
export function lessonRows(rows: MapRow[]): number[] {
  return rows.flatMap((row, i) => (row.kind === 'lesson' ? [i] : []));
}

/** The row of the lesson with this id, or the first lesson row (-1 when there is none). */
export function rowOf(rows: MapRow[], lessonId: string | undefined): number {
  const found = rows.findIndex((r) => r.kind === 'lesson' && r.lesson.entry.id === lessonId);
  return found >= 0 ? found : lessonRows(rows)[0] ?? -1;
}

/** The lesson row `step` lessons away from `row` (stops at either end). */
export function moveBy(rows: MapRow[], row: number, step: number): number {
  const places = lessonRows(rows);
  if (places.length === 0) return -1;
  const at = Math.max(0, places.indexOf(row));
  return places[Math.max(0, Math.min(places.length - 1, at + step))];
}
