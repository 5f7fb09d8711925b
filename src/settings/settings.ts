/**
 * The learner's settings (which engine, the MySQL URL), kept beside the progress in the data
 * directory. The URL holds the course user's password, so the file is private (0600).
 */
import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { EngineName } from '../course/format.js';
import { writeFileAtomic } from '../util/fs.js';

export interface Settings {
  engine?: EngineName;
  mysqlUrl?: string;
}

const ENGINES: unknown[] = ['sqlite', 'mysql'] satisfies EngineName[];

export function settingsPath(dataDir: string): string {
  return join(dataDir, 'settings.json');
}

export function readSettings(dataDir: string): Settings {
  const path = settingsPath(dataDir);
  if (!existsSync(path)) return {};
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as Settings;
    if (typeof data !== 'object' || data === null) return {};
    // An engine the course does not have (a hand edit) is no choice: SQLite, the default,
    // rather than MySQL at the default address with nobody set up there.
    if (data.engine !== undefined && !ENGINES.includes(data.engine)) {
      const { engine: _unknown, ...rest } = data;
      return rest;
    }
    return data;
  } catch {
    // A damaged settings file only loses the engine choice: SQLite is the default.
    return {};
  }
}

export function writeSettings(dataDir: string, settings: Settings): void {
  const path = settingsPath(dataDir);
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic(path, JSON.stringify(settings, null, 2) + '\n');
  chmodSync(path, 0o600);
}
