// Start-up stays cheap only if the heavy parsers load on demand: pin that in the code.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('start-up path', () => {
  it('imports the zod lesson schema (course/format.ts) only as types, outside the parser',
    () => {
      const offenders = sources(join(root, 'src'))
        .filter((file) => !file.endsWith(join('course', 'parse.ts')))
        .filter((file) => /^import (?!type)[^;]*from '[./]*(?:course\/)?format\.js'/m
          .test(readFileSync(file, 'utf8')))
        .map((file) => relative(root, file));
      expect(offenders).toEqual([]);
    });

  it('loads yaml, zod, marked and mysql2 nowhere at the top of the CLI entry', () => {
    const main = readFileSync(join(root, 'src', 'cli', 'main.ts'), 'utf8');
    expect(main).not.toMatch(/from '(yaml|zod|marked|mysql2[^']*|commander)'/);
    // The context (course, progress, engines) is imported when a command runs, not for --help.
    expect(main).not.toMatch(/^import (?!type)[^;]*from '\.\/context\.js'/m);
  });

  it('keeps Ink and React inside src/ui, reached only by a dynamic import', () => {
    const outside = sources(join(root, 'src')).filter((file) => !file.includes(join('src', 'ui')));
    const offenders = outside
      .filter((file) => /^import (?!type)[^;]*from '(ink|react)(\/[^']*)?'/m
        .test(readFileSync(file, 'utf8')) ||
        /^import (?!type)[^;]*from '[./]*ui\/[^']*'/m.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(offenders).toEqual([]);
  });
});

