// The pure parts of the screens: the map's rows, filters and search; the reader's page.
import { afterAll, describe, expect, it } from 'vitest';
import { courseOverview } from '../../src/cli/overview.js';
import { keyLines } from '../../src/ui/frame.js';
import { lessonRows, mapRows, moveBy, rowOf } from '../../src/ui/map/tree.js';
import { layoutPage, sectionAt } from '../../src/ui/reader/page.js';
import { repeated } from '../../src/ui/scroll.js';
import { fit } from '../../src/ui/text.js';
import { learner } from './screens.js';

const ctx = learner();
afterAll(() => ctx.close());

function lessonIds(rows: ReturnType<typeof mapRows>): string[] {
  return rows.flatMap((r) => (r.kind === 'lesson' ? [r.lesson.entry.short] : []));
}

describe('map rows', () => {
  it('list chapters, topics and lessons in course order, and search by title or number',
    async () => {
      const overview = await courseOverview(ctx);
      const all = mapRows(overview, 'all', '');
      expect(all.map((r) => r.kind)).toEqual(['chapter', 'topic', 'lesson', 'lesson', 'topic',
        'lesson', 'chapter', 'topic', 'lesson']);

      expect(lessonIds(mapRows(overview, 'all', 'null'))).toEqual(['1-2']);
      expect(lessonIds(mapRows(overview, 'all', 'Трёхзначная'))).toEqual(['1-2']);
      expect(lessonIds(mapRows(overview, 'all', 'трехзначная'))).toEqual(['1-2']);
      expect(lessonIds(mapRows(overview, 'all', '2-1'))).toEqual(['2-1']);
      // A chapter's title finds all its lessons; nothing found means no rows at all.
      expect(lessonIds(mapRows(overview, 'all', 'соединения'))).toEqual(['2-1']);
      expect(mapRows(overview, 'all', 'нет такого')).toEqual([]);
    });

  it('filter by state and keep the cursor on lessons only', async () => {
    ctx.progress().recordAttempt('group-by', 'group-question', true);
    const overview = await courseOverview(ctx);
    expect(lessonIds(mapRows(overview, 'done', ''))).toEqual(['1-3']);
    expect(lessonIds(mapRows(overview, 'pending', ''))).toEqual(['1-1', '1-2', '2-1']);

    const rows = mapRows(overview, 'all', '');
    const first = rowOf(rows, undefined);
    expect(first).toBe(lessonRows(rows)[0]);
    expect(moveBy(rows, first, -1)).toBe(first);
    expect(moveBy(rows, first, 2)).toBe(rowOf(rows, 'lesson-1-3'));
    expect(moveBy(rows, first, 99)).toBe(rowOf(rows, 'lesson-2-1'));
  });
});

describe('reader page', () => {
  it('records where each section starts, and which section a line belongs to', () => {
    const page = layoutPage([
      { title: '', depth: 0, text: 'a\nb' },
      { title: 'Теория', depth: 2, text: 'ТЕОРИЯ\n\nc' },
      { title: 'Практика', depth: 2, text: 'd' },
    ]);
    expect(page.lines).toEqual(['a', 'b', '', 'ТЕОРИЯ', '', 'c', '', 'd']);
    expect(page.toc.map((t) => [t.title, t.line])).toEqual([['Начало', 0], ['Теория', 3],
      ['Практика', 7]]);
    expect(sectionAt(page, 2)).toBe(0);
    expect(sectionAt(page, 5)).toBe(1);
    expect(sectionAt(page, 7)).toBe(2);
  });
});

describe('screen text', () => {
  it('packs key help into lines without breaking a key, and fits titles with an ellipsis',
    () => {
      expect(keyLines(['↑↓ выбрать', 'Enter открыть', 'q выход'], 30))
        .toEqual(['↑↓ выбрать   Enter открыть', 'q выход']);
      expect(fit('Агрегатные функции', 10)).toBe('Агрегатны…');
      expect(fit('SQL', 6, true)).toBe('SQL   ');
    });

  it('reads "jjj" typed faster than a frame as three presses of j', () => {
    expect(repeated('jjj')).toEqual({ input: 'j', count: 3 });
    expect(repeated('jk')).toEqual({ input: 'jk', count: 1 });
    expect(repeated('q')).toEqual({ input: 'q', count: 1 });
  });
});
