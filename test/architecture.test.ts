// Start-up stays cheap only if the heavy parsers load on demand: pin that in the code.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
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

  it('loads yaml, zod, marked and mysql2 nowhere at the top of the CLI entry', () => {
    const main = readFileSync(join(root, 'src', 'cli', 'main.ts'), 'utf8');
    expect(main).not.toMatch(/from '(yaml|zod|marked|mysql2[^']*|commander)'/);
    // The context (course, progress, engines) is imported when a command runs, not for --help.
    expect(main).not.toMatch(/^import (?!type)[^;]*from '\.\/context\.js'/m);
  });

  it('keeps Ink and React in src/ui, loaded only when a screen opens', () => {
    const files = sources(join(root, 'src'));
    const text = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));
    const inUi = (file: string) => relative(join(root, 'src'), file).startsWith(`ui${sep}`);
    const staticImports = (file: string) => [...text.get(file)!
      .matchAll(/^import (?!type)[^;]*from '(\.[^']*)\.js'/gm)]
      .map((m) => resolve(dirname(file), m[1]))
      .flatMap((base) => [`${base}.ts`, `${base}.tsx`].filter((f) => text.has(f)));

    // Every module that loads Ink or React, directly or through its static imports.
    const screens = new Set(files.filter((file) =>
      /^import (?!type)[^;]*from '(?:ink|react)(?:\/[^']*)?'/m.test(text.get(file)!)));
    expect(screens.size).toBeGreaterThan(0);
    for (let grown = true; grown;) {
      grown = false;
      for (const file of files) {
        if (!screens.has(file) && staticImports(file).some((f) => screens.has(f))) {
          screens.add(file);
          grown = true;
        }
      }
    }

    expect([...screens].filter((file) => !inUi(file)).map((f) => relative(root, f)))
      .toEqual([]);
  });
});

