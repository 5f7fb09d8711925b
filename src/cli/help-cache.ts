/**
 * The top-level help, kept as text in the cache directory once printed, so that
 * `dbcourse --help` answers without loading the command-line library at all.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildStamp } from '../util/build.js';
import { writeFileAtomic } from '../util/fs.js';
import { cacheDir } from '../util/paths.js';
import type { Io } from './io.js';
import { textWidth } from './terminal.js';

function helpFile(argv: string[], io: Io): string | undefined {
  // Only in a build (the help changes with the code) and only for the bare top-level help.
  if (!buildStamp) return undefined;
  if (argv.length !== 1 || (argv[0] !== '--help' && argv[0] !== '-h')) return undefined;
  return join(cacheDir(io.env), `help-${buildStamp}-${textWidth(io)}.txt`);
}

export function cachedHelp(argv: string[], io: Io): string | undefined {
  const file = helpFile(argv, io);
  if (!file) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export function rememberHelp(argv: string[], io: Io, text: string): void {
  const file = helpFile(argv, io);
  if (!file || text === '') return;
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileAtomic(file, text);
  } catch {
    // A read-only cache only costs speed.
  }
}
