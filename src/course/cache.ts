/**
 * Parsed lesson files kept as JSON in the cache directory, so that most commands start without
 * loading the YAML parser and zod. An entry is used only while the file's size and mtime and
 * the program's build are the same as when it was written; anything else re-parses.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cacheBuildKey } from '../util/build.js';
import { writeFileAtomic } from '../util/fs.js';

const build = cacheBuildKey;

interface Entry<T> {
  build: string;
  size: number;
  mtimeMs: number;
  value: T;
}

export async function cachedParse<T>(
  cacheRoot: string | undefined,
  file: string,
  parse: (source: string) => Promise<T>,
): Promise<T> {
  const stat = statSync(file);
  const name = createHash('sha1').update(file).digest('hex').slice(0, 16) + '.json';
  const path = cacheRoot ? join(cacheRoot, 'parsed', name) : undefined;

  if (path) {
    try {
      const entry = JSON.parse(readFileSync(path, 'utf8')) as Entry<T>;
      if (entry.build === build && entry.size === stat.size && entry.mtimeMs === stat.mtimeMs) {
        return entry.value;
      }
    } catch {
      // No entry yet, or an unreadable one: parse the file.
    }
  }

  const value = await parse(readFileSync(file, 'utf8'));

  if (path) {
    try {
      mkdirSync(join(cacheRoot!, 'parsed'), { recursive: true });
      const entry: Entry<T> = { build, size: stat.size, mtimeMs: stat.mtimeMs, value };
      writeFileAtomic(path, JSON.stringify(entry));
    } catch {
      // A read-only cache directory only costs speed.
    }
  }

  return value;
}
