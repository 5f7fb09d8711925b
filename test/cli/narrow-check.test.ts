// In a narrow terminal, a check's verdict lines wrap where dbcourse decides: the title hangs
// under itself and the answer path breaks after a folder, never cut mid-word by the terminal.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/render/width.js';
import { fixtureCourse, learnerEnv, runCli, tempDir } from '../helpers.js';

describe('check in a narrow terminal', () => {
  it('keeps every line within the width', async () => {
    // A deep workspace, so that the answer path cannot fit on one 44-column line.
    const env = learnerEnv({ DBCOURSE_WORKSPACE: join(tempDir(), 'a-rather-long-folder',
      'answers') });
    const run = await runCli(['check', '1-1'], env, { tty: true, columns: 44 });
    const lines = run.stdout.split('\n');
    expect(lines.filter((l) => displayWidth(l) > 44)).toEqual([]);
    // The path is still whole once its pieces are joined.
    const plain = lines.map((l) => l.replace(/\u001b\[[0-9;]*m/g, ''));
    const start = plain.findIndex((l) => l.includes('Файл:'));
    const end = plain.findIndex((l, i) => i > start && l.trim() === '');
    const path = [plain[start].replace(/^.*Файл:\s*/, ''),
      ...plain.slice(start + 1, end).map((l) => l.trim())].join('');
    expect(end - start).toBeGreaterThan(1);
    expect(path).toBe(join(env.DBCOURSE_WORKSPACE, 'two-queries', 'cheap-books.sql'));
    // A wrapped title's next line is indented under it.
    const wrapped = plain.findIndex((l) => /Книги по языкам/.test(l));
    expect(plain[wrapped]).not.toMatch(/не зачтено/);
    expect(plain[wrapped + 1]).toMatch(/^ {2}\S/);
  });

  it('wraps a lesson title wider than the terminal, and keeps it whole in a pipe', async () => {
    const course = join(tempDir(), 'course');
    cpSync(fixtureCourse, course, { recursive: true });
    const file = join(course, '01-basics', '01-first', '01-passes-with-reference-answers.md');
    const title = 'Две задачи на запросы, длинное название урока, шире узкого окна терминала';
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: ${title}`));
    const env = learnerEnv({ DBCOURSE_LESSONS_DIR: course });
    const run = await runCli(['check', '1-1'], env, { tty: true, columns: 44 });
    expect(run.stdout).toContain('Две задачи на запросы');
    expect(run.stdout.split('\n').filter((l) => displayWidth(l) > 44)).toEqual([]);
    const piped = await runCli(['check', '1-1'], { ...env, COLUMNS: '44' });
    expect(piped.stderr).toBe('');
    expect(piped.stdout).toContain(`Урок 1-1. ${title}\n`);
  });

  it('run breaks the path of an empty answer after a folder too', async () => {
    const env = learnerEnv({ DBCOURSE_WORKSPACE: join(tempDir(), 'a-rather-long-folder',
      'answers') });
    const run = await runCli(['run', '1-1', 'cheap-books'], env, { tty: true, columns: 44 });
    expect(run.stdout).toContain('Файл:');
    expect(run.stdout.split('\n').filter((l) => displayWidth(l) > 44)).toEqual([]);
    const piped = await runCli(['run', '1-1', 'cheap-books'], { ...env, COLUMNS: '44' });
    expect(piped.stdout).toContain(`Файл: ${join(env.DBCOURSE_WORKSPACE, 'two-queries',
      'cheap-books.sql')}`);
  });

  it('keeps a path whole on its line in a pipe, for what reads the output', async () => {
    const env = learnerEnv({ DBCOURSE_WORKSPACE: join(tempDir(), 'a-rather-long-folder',
      'answers') });
    const run = await runCli(['check', '1-1'], { ...env, COLUMNS: '44' });
    expect(run.stdout).toContain(`Файл: ${join(env.DBCOURSE_WORKSPACE, 'two-queries',
      'cheap-books.sql')}\n`);
  });

  it('keeps the hint command within the width, its last line too', async () => {
    const env = learnerEnv();
    for (let i = 0; i < 3; i++) {
      const run = await runCli(['hint', '1-1', 'books-per-language'], env,
        { tty: true, columns: 40 });
      expect(run.code).toBe(0);
      expect(run.stdout.split('\n').filter((l) => displayWidth(l) > 40)).toEqual([]);
    }
  });
});
