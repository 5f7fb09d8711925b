// Guards at start-up: a lesson the build rejects says when the build is older than the
// sources (a `git pull` without `npm install`); a folder that is gone is named.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, tempDir } from '../helpers.js';

describe('a build older than its sources', () => {
  it('is named when a lesson fails validation, and only then', () => {
    const copy = tempDir('dbcourse-stale-');
    for (const name of ['package.json', 'bin', 'dist']) {
      cpSync(join(root, name), join(copy, name), { recursive: true });
    }
    for (const name of ['node_modules', 'fixtures']) symlinkSync(join(root, name), join(copy, name));
    mkdirSync(join(copy, 'src', 'course'), { recursive: true });
    cpSync(join(root, 'src', 'course', 'format.ts'), join(copy, 'src', 'course', 'format.ts'));

    const lessons = join(copy, 'lessons', '01-a', '01-b');
    mkdirSync(lessons, { recursive: true });
    writeFileSync(join(copy, 'lessons', '01-a', 'chapter.yaml'), 'key: a\ntitle: A\n');
    writeFileSync(join(lessons, 'topic.yaml'), 'key: b\ntitle: B\n');
    writeFileSync(join(lessons, '01-x.md'), '---\nformat: 1\nkey: x\nnew_field: 1\n---\n');
    const show = () => spawnSync(process.execPath, [join(copy, 'bin', 'dbcourse'), 'show', '1-1'],
      { env: { PATH: process.env.PATH ?? '', HOME: tempDir() }, encoding: 'utf8' });

    const same = show();
    expect(same.status).toBe(1);
    expect(same.stderr).toContain('оформлен неверно');
    expect(same.stderr).not.toContain('npm install');

    writeFileSync(join(copy, 'src', 'course', 'format.ts'), '// a newer lesson format\n');
    expect(show().stderr).toContain('сборка dbcourse старше его исходников');
  });
});

describe('a folder that is gone', () => {
  it('is named, with what to do, for any command started in it', () => {
    const gone = tempDir('dbcourse-gone-');
    // A shell that enters the folder, which is then removed under it.
    const run = spawnSync('sh', ['-c', `cd "${gone}" && rmdir "${gone}" && ` +
      `exec "${process.execPath}" "${join(root, 'bin', 'dbcourse')}" run 2-1 books-under-300`],
    { env: { PATH: process.env.PATH ?? '', HOME: tempDir(), DBCOURSE_SERVER: '0' },
      encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Папки, в которой запущен dbcourse, больше нет');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
