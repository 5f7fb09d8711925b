/**
 * Where the check server of this build listens, for one user's directories. The socket sits
 * in the cache directory (only its owner can reach it) and its name carries the build stamp,
 * so a rebuilt dbcourse never talks to a server of the code it replaced.
 */
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { commandWords } from '../cli/argv.js';
import { buildStamp } from '../util/build.js';
import { cacheDir, type Env } from '../util/paths.js';

/** Unix socket paths longer than this fail to bind on Linux and macOS. */
const MAX_SOCKET_PATH = 100;

/** A short, stable hash (FNV-1a) without loading node:crypto on the quick path. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The folder the learner runs dbcourse in was deleted (or cannot be read). */
export const FOLDER_GONE = 'Папки, в которой запущен dbcourse, больше нет (или она недоступна). ' +
  'Перейдите в существующую папку, например cd ~, и повторите команду.';

/** Whether the command is `check` (the first word that is no option nor an option's value). */
export function isCheck(argv: string[]): boolean {
  return commandWords(argv).words[0] === 'check';
}

/** Whether `check` may go through the server at all: in a build, on a Unix system, not off. */
export function serverAllowed(env: Env): boolean {
  const setting = (env.DBCOURSE_SERVER ?? '').toLowerCase();
  if (['0', 'off', 'no', 'false'].includes(setting)) return false;
  return buildStamp !== undefined && process.platform !== 'win32';
}

export function serverDir(env: Env): string {
  return join(cacheDir(env), 'server');
}

/**
 * The socket's path, or undefined when it would be too long to bind. The home directory is in
 * the name because defaults (the workspace) come from it, and the server keeps its own.
 */
export function serverAddress(env: Env): string | undefined {
  const path = join(serverDir(env), `${buildStamp}-${shortHash(process.env.HOME ?? '')}.sock`);
  return Buffer.byteLength(path) <= MAX_SOCKET_PATH ? path : undefined;
}

/**
 * Whether a folder is a real one (no link) of this user that nobody else can enter: where a
 * socket may be trusted to be this user's server. A cache folder set to a shared place could
 * hold another user's `server` folder, and a client must not send its environment there.
 */
export function isPrivateDir(dir: string): boolean {
  try {
    const stats = lstatSync(dir);
    return stats.isDirectory() && (stats.mode & 0o077) === 0 &&
      (process.getuid === undefined || stats.uid === process.getuid());
  } catch {
    return false;
  }
}
