// Start-up stays cheap only if the heavy parsers load on demand: pin that in the code.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(path) ? [path] : [];
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

  it('loads ink and react only in screens under src/ui, and src/ui only on demand', () => {
    const outside = sources(join(root, 'src'))
      .filter((file) => !relative(join(root, 'src'), file).startsWith(`ui${sep}`));
    const offenders = outside
      .filter((file) => /^import (?!type)[^;]*from '(?:ink|react)(?:\/[^']*)?'/m
        .test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(offenders).toEqual([]);

    const eager = outside
      .filter((file) => /^import (?!type)[^;]*from '[^']*\/ui\//m.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(eager).toEqual([]);
  });

  it('loads yaml, zod, marked and mysql2 nowhere at the top of the CLI entry', () => {
    const main = readFileSync(join(root, 'src', 'cli', 'main.ts'), 'utf8');
    expect(main).not.toMatch(/from '(yaml|zod|marked|mysql2[^']*|commander)'/);
    // The context (course, progress, engines) is imported when a command runs, not for --help.
    expect(main).not.toMatch(/^import (?!type)[^;]*from '\.\/context\.js'/m);
  });

  it('keeps Ink and React in src/ui, which commands load only when a screen opens', () => {
    const files = sources(join(root, 'src'));
    const inUi = (file: string) => relative(root, file).startsWith(join('src', 'ui'));
    const ink = files.filter((file) => /^import (?!type)[^;]*from '(ink|react)'/m
      .test(readFileSync(file, 'utf8')));
    expect(ink.filter((file) => !inUi(file)).map((file) => relative(root, file))).toEqual([]);
    expect(ink.length).toBeGreaterThan(0);

    const staticUi = files.filter((file) => !inUi(file) &&
      /^import (?!type)[^;]*from '[./]*ui\//m.test(readFileSync(file, 'utf8')));
    expect(staticUi.map((file) => relative(root, file))).toEqual([]);
  });
});
