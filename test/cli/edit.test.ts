// `dbcourse edit`: the answer file in the learner's editor, here a script that records its call.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { learnerEnv, root, spawnCli, tempDir } from '../helpers.js';

beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'main.js'))) throw new Error('run npm run build first');
});

/** An editor that writes its arguments to a log and appends `typed` to the file it edits. */
function fakeEditor(typed = '', code = 0): { command: string; log: string } {
  const dir = tempDir('dbcourse-editor-');
  const log = join(dir, 'calls.log');
  const script = join(dir, 'fake editor');
  writeFileSync(script, '#!/bin/sh\n' +
    `printf '%s|' "$@" >> "${log}"\nprintf '\\n' >> "${log}"\n` +
    // The file is the last argument; options such as --wait come before it.
    `for last; do :; done\nprintf '%s' '${typed}' >> "$last"\nexit ${code}\n`);
  chmodSync(script, 0o755);
  return { command: `'${script}'`, log };
}

const answer = (env: Record<string, string>) =>
  join(env.DBCOURSE_WORKSPACE, 'two-queries', 'cheap-books.sql');

describe('dbcourse edit', () => {
  it('creates the answer file with the task, opens it in $EDITOR and keeps what was typed',
    () => {
      const editor = fakeEditor('SELECT 1;');
      const env = learnerEnv({ EDITOR: `${editor.command} --wait` });
      const run = spawnCli(['edit', '1-1', 'cheap-books'], env);

      expect(run.status).toBe(0);
      expect(readFileSync(editor.log, 'utf8')).toBe(`--wait|${answer(env)}|\n`);
      const text = readFileSync(answer(env), 'utf8');
      expect(text).toMatch(/^-- Урок 1-1, упражнение 1: Дешёвые книги \(cheap-books\)/);
      expect(text.endsWith('SELECT 1;')).toBe(true);
      expect(run.stdout).toContain('Создан файл ответа');
      expect(run.stdout).toContain('Проверить: dbcourse check 1-1 cheap-books');
    });

  it('prefers $VISUAL, takes the exercise by number and never rewrites an existing file', () => {
    const visual = fakeEditor(' -- правка');
    const other = fakeEditor();
    const env = learnerEnv({ VISUAL: visual.command, EDITOR: other.command });
    spawnCli(['edit', '1-1', '1'], env);
    const run = spawnCli(['edit', '1-1', 'cheap-books'], env);

    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('Создан файл ответа');
    expect(readFileSync(visual.log, 'utf8').split('\n').filter(Boolean)).toHaveLength(2);
    expect(existsSync(other.log)).toBe(false);
    expect(readFileSync(answer(env), 'utf8').endsWith(' -- правка -- правка')).toBe(true);
  });

  it('without an editor, says how to set EDITOR and where the file is', () => {
    const env = learnerEnv({ EDITOR: '', VISUAL: '' });
    const run = spawnCli(['edit', '1-1', 'cheap-books'], env);

    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Редактор не задан');
    expect(run.stderr).toContain('export EDITOR=nano');
    expect(run.stderr).toContain(answer(env));
    expect(existsSync(answer(env))).toBe(true);
  });

  it('says clearly when the editor cannot be started or fails', () => {
    const missing = spawnCli(['edit', '1-1', 'cheap-books'],
      learnerEnv({ EDITOR: 'no-such-editor-dbcourse' }));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('Редактор «no-such-editor-dbcourse» не запустился: ' +
      'такой команды нет.');
    expect(missing.stderr).not.toMatch(/at .*\.(ts|js):\d+/);

    const failing = fakeEditor('', 3);
    const env = learnerEnv({ EDITOR: failing.command });
    const failed = spawnCli(['edit', '1-1', 'cheap-books'], env);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('завершился с ошибкой (код 3)');
    expect(failed.stderr).toContain(answer(env));
  });

  it('opens no editor on a folder where the answer file should be, and says what to do', () => {
    const editor = fakeEditor();
    const env = learnerEnv({ EDITOR: editor.command });
    mkdirSync(answer(env), { recursive: true });
    const run = spawnCli(['edit', '1-1', 'cheap-books'], env);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('папка или другой не обычный файл');
    expect(existsSync(editor.log)).toBe(false);
  });

  it('refuses an exercise the lesson does not have', () => {
    const run = spawnCli(['edit', '1-1', 'nope'], learnerEnv({ EDITOR: 'true' }));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('нет упражнения «nope»');
  });
});
