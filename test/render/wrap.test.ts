// Wrapped list items hang under their text; paths are broken after a "/" and never cut.
import { describe, expect, it } from 'vitest';
import type { Exercise } from '../../src/course/format.js';
import { renderHints } from '../../src/render/hints.js';
import { exerciseTask } from '../../src/render/lesson.js';
import { pathLines } from '../../src/render/path-lines.js';
import { createStyle } from '../../src/render/style.js';
import { displayWidth } from '../../src/render/width.js';
import { wrapText } from '../../src/render/wrap.js';
import { runCli, learnerEnv, root } from '../helpers.js';

const long = 'Чем отличается WHERE от HAVING и почему условие на агрегат нельзя написать в WHERE?';

describe('wrapped list items', () => {
  it('hang under the text after a number, a bullet or an option letter', () => {
    expect(wrapText(`12. ${long}`, 30).slice(1).every((l) => l.startsWith('    ') &&
      !l.startsWith('     '))).toBe(true);
    expect(wrapText(`- ${long}`, 30).slice(1).every((l) => /^ {2}\S/.test(l))).toBe(true);
    expect(wrapText(`b) ${long}`, 30).slice(1).every((l) => /^ {3}\S/.test(l))).toBe(true);
    for (const line of wrapText(`1. ${long}`, 30)) expect(displayWidth(line)).toBeLessThan(31);
    // A plain paragraph keeps its lines at the margin.
    expect(wrapText(long, 30)[1]).toMatch(/^\S/);
  });

  it('hang in hints and in a task\'s options', () => {
    const screen = { width: 40, style: createStyle(false) };
    const exercise = {
      id: 'x', kind: 'choice', title: 'Вопрос', question: long, multiple: false,
      options: [{ key: 'a', text: long }, { key: 'b', text: 'Коротко.' }], answer: ['a'],
      hints: [long],
    } as unknown as Exercise;

    const hints = renderHints(exercise, 1, true, screen).split('\n').slice(1);
    expect(hints[0]).toMatch(/^ {2}1\. /);
    expect(hints.slice(1).every((l) => /^ {5}\S/.test(l))).toBe(true);

    const task = exerciseTask(exercise, 40, '    ').split('\n');
    const option = task.slice(task.findIndex((l) => l.startsWith('      a) ')));
    expect(option[1]).toMatch(/^ {9}\S/);
    for (const line of task) expect(displayWidth(line)).toBeLessThanOrEqual(40);
  });

  it('hang in the interview questions of `dbcourse show`', async () => {
    const env = learnerEnv({ DBCOURSE_LESSONS_DIR: `${root}/lessons` });
    const run = await runCli(['show', '2-4'], env, { tty: true, columns: 60 });
    const text = run.stdout.replace(/\u001b\[[0-9;]*m/g, '');
    const interview = text.slice(text.indexOf('ВОПРОСЫ С СОБЕСЕДОВАНИЙ'),
      text.indexOf('ЧТО ПОЧИТАТЬ'));
    const lines = interview.split('\n').slice(2).filter((l) => l !== '');
    expect(lines.length).toBeGreaterThan(4);
    // Each question's own lines start with its number; every other line hangs under the text.
    for (const line of lines) expect(line).toMatch(/^(\d+\. \S|   \S)/);
  });
});

describe('a lesson on a 60-column terminal', () => {
  it('wraps every line but code, links and paths, which are never cut', async () => {
    const env = learnerEnv({ DBCOURSE_LESSONS_DIR: `${root}/lessons` });
    const run = await runCli(['show', '2-4'], env, { tty: true, columns: 60 });
    const lines = run.stdout.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
    const long = lines.filter((line) => displayWidth(line) > 60);
    expect(long.length).toBeGreaterThan(0);
    for (const line of long) expect(line).toMatch(/^ {4}|https?:\/\/|Файл ответа: /);
    // Titles, definitions, resources and the commands under the practice are wrapped.
    expect(lines).toContain('Урок 2-4. Агрегатные функции, GROUP BY, HAVING и логический');
    expect(lines).toContain('Проверить:  dbcourse check 2-4');
  });
});

describe('path lines', () => {
  const path = '/home/learner/dbcourse/aggregates-group-by/count-books-and-pages.sql';

  it('stay on one line when the path fits', () => {
    expect(pathLines('Файл: ', path, 100)).toEqual([`Файл: ${path}`]);
  });

  it('break after a "/" under the path, keeping every character', () => {
    const lines = pathLines('  Файл ответа: ', path, 40);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(40);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/\/$/);
    expect(lines.slice(1).every((l) => l.startsWith(' '.repeat(15)))).toBe(true);
    expect(lines.map((l) => l.trim().replace(/^Файл ответа: /, '')).join('')).toBe(path);
  });

  it('break a folder name longer than a line inside it', () => {
    const lines = pathLines('> ', `/${'x'.repeat(50)}/y.sql`, 20);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(20);
    expect(lines.map((l) => l.replace(/^(> | {2})/, '')).join('')).toBe(`/${'x'.repeat(50)}/y.sql`);
  });
});
