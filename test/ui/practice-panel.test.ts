// The reader's practice panel at small heights: the list and the blank lines give way, a long
// task is shown a window at a time, and the answer path stays whole.
import { describe, expect, it } from 'vitest';
import type { Exercise } from '../../src/course/format.js';
import type { PracticeItem } from '../../src/render/lesson.js';
import { createStyle } from '../../src/render/style.js';
import { displayWidth } from '../../src/render/width.js';
import { practicePanel, taskScrolls } from '../../src/ui/reader/practice.js';

const screen = { width: 60, style: createStyle(false) };
const workspace = '/home/learner/.local/share/dbcourse';
const longTask = Array.from({ length: 12 }, (_, i) => `Шаг ${i + 1}: выведите нужные ` +
  'столбцы и отсортируйте строки, как сказано.').join(' ');

function item(id: string, task: string): PracticeItem {
  const exercise = { id, kind: 'query', title: `Задача ${id}`, task, hints: ['Подумайте.'] };
  return { exercise: exercise as unknown as Exercise,
    path: `${workspace}/aggregates-group-by/${id}.sql`,
    progress: { passed: false, attempts: 0, hintsShown: 0 } };
}

const items = [item('short-one', 'Выведите все книги.'), item('long-one', longTask),
  item('third', 'Посчитайте заказы.')];

/** The path as the panel shows it, its lines joined back. */
function shownPath(lines: string[]): string {
  const from = lines.findIndex((line) => line.startsWith('  Папка ответов:'));
  const file = lines.findIndex((line) => line.startsWith('  Файл в ней:'));
  const rest = lines.slice(file + 1).filter((line) => /^ {10,}\S/.test(line));
  const strip = (line: string) => line.replace(/^ +(Папка ответов:|Файл в ней:)? */, '');
  return `${lines.slice(from, file).map(strip).join('')}/` +
    [lines[file], ...rest].map(strip).join('');
}

describe('practice panel', () => {
  it('shows a short task whole, with the list, the advice and blank lines', () => {
    const panel = practicePanel(items, 0, screen, 30, workspace);
    expect(taskScrolls(panel)).toBe(false);
    expect(panel.lines).toContain('  Выведите все книги.');
    expect(panel.lines.filter((line) => /^[> ] \[ \] \d\./.test(line))).toHaveLength(3);
    expect(panel.lines.join('\n')).toContain('Сохраните ответ в файле');
  });

  it('pages a long task in a short window and keeps the answer path whole', () => {
    for (const height of [7, 9, 12]) {
      const first = practicePanel(items, 1, screen, height, workspace);
      expect(first.lines.length).toBeLessThanOrEqual(height);
      expect(taskScrolls(first)).toBe(true);
      expect(first.lines).toContain(`  … условие: строки 1–${first.taskShown} из ` +
        `${first.taskLength}`);
      expect(first.lines.join('\n')).toContain('2. Задача long-one (long-one)');
      expect(shownPath(first.lines)).toBe(`${workspace}/aggregates-group-by/long-one.sql`);
      for (const line of first.lines) expect(displayWidth(line)).toBeLessThanOrEqual(60);

      // Scrolled to the end: the last words of the task are on screen, the path still is.
      const last = practicePanel(items, 1, screen, height, workspace, 1000);
      expect(last.taskTop).toBe(last.taskLength - last.taskShown);
      expect(last.lines).toContain('  столбцы и отсортируйте строки, как сказано.');
      expect(last.lines.length).toBeLessThanOrEqual(height);
      expect(shownPath(last.lines)).toBe(`${workspace}/aggregates-group-by/long-one.sql`);
    }
  });

  it('gives the list\'s rows to the task before paging it, the state going to its heading',
    () => {
      const medium = [...items, item('medium', longTask.slice(0, 200))];
      const whole = practicePanel(medium, 3, screen, 12, workspace);
      expect(taskScrolls(whole)).toBe(false);
      expect(whole.lines.filter((line) => /^[> ] \[ \] \d\./.test(line)))
        .toEqual([expect.stringContaining('4. Задача medium — не решено')]);
      expect(whole.lines.join('\n')).not.toContain('Сохраните ответ');

      const paged = practicePanel(items, 1, screen, 12, workspace);
      expect(taskScrolls(paged)).toBe(true);
      expect(paged.lines.filter((line) => /^[> ] \[ \] \d\./.test(line))).toEqual([]);
      expect(paged.lines).toContain('2. Задача long-one (long-one) — не решено');
    });
});
