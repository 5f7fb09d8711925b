/** Where dbcourse keeps things. Every location can be moved by an environment variable. */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The user's home as os.homedir() finds it ($HOME first), without loading node:os for it. */
function homedir(): string {
  return process.env.HOME ||
    (createRequire(import.meta.url)('node:os') as typeof import('node:os')).homedir();
}

export interface Env {
  [name: string]: string | undefined;
}

function xdg(env: Env, variable: string, fallback: string[]): string {
  const base = env[variable];
  // The XDG spec says relative paths are invalid and must be ignored.
  if (base && base.startsWith('/')) return base;
  return join(homedir(), ...fallback);
}

/** Progress and settings: $XDG_DATA_HOME/dbcourse. */
export function dataDir(env: Env): string {
  return env.DBCOURSE_DATA_DIR
    ? resolve(env.DBCOURSE_DATA_DIR)
    : join(xdg(env, 'XDG_DATA_HOME', ['.local', 'share']), 'dbcourse');
}

/** Built datasets and parsed lessons, safe to delete: $XDG_CACHE_HOME/dbcourse. */
export function cacheDir(env: Env): string {
  return env.DBCOURSE_CACHE_DIR
    ? resolve(env.DBCOURSE_CACHE_DIR)
    : join(xdg(env, 'XDG_CACHE_HOME', ['.cache']), 'dbcourse');
}

/** The learner's answer files, edited in their own editor: ~/dbcourse by default. */
export function workspaceDir(env: Env): string {
  const given = env.DBCOURSE_WORKSPACE;
  if (!given) return join(homedir(), 'dbcourse');
  // A quoted '~/answers' reaches us unexpanded; expand it as the shell would have.
  return resolve(given.replace(/^~(?=$|\/)/, homedir()));
}

let root: string | undefined;

/** The installed package, where lessons/ and fixtures/ live: the nearest package.json up. */
export function packageRoot(): string {
  if (root) return root;

  // This code runs from src/util (tests) or from dist (the bundle): walk up, do not guess.
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('dbcourse: package.json not found above ' + dir);
    dir = parent;
  }

  root = dir;
  return root;
}

export function lessonsDir(env: Env): string {
  return env.DBCOURSE_LESSONS_DIR
    ? resolve(env.DBCOURSE_LESSONS_DIR)
    : join(packageRoot(), 'lessons');
}

export function fixturesDir(): string {
  return join(packageRoot(), 'fixtures', 'bookstore', 'generated');
}
