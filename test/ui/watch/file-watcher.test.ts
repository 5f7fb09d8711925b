// The answer-file watcher: editor save styles, debouncing, polling and the fallback to it.
import { EventEmitter } from 'node:events';
import { renameSync, writeFileSync, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FileWatcher } from '../../../src/ui/watch/file-watcher.js';
import { chooseWatchMode } from '../../../src/ui/watch/watch-mode.js';
import { tempDir } from '../../helpers.js';

let watcher: FileWatcher | undefined;

afterEach(() => {
  watcher?.close();
  watcher = undefined;
  vi.useRealTimers();
});

/** A folder with one answer file, and the saves a watcher on it reports. */
function answerFolder() {
  const dir = tempDir('dbcourse-watch-');
  const file = join(dir, 'cheap-books.sql');
  writeFileSync(file, '-- задание\n');
  const saves: string[] = [];
  let waiting: (() => void) | undefined;
  const onSaved = (path: string) => {
    saves.push(path);
    waiting?.();
  };
  /** Resolves when the watcher has reported `count` saves in all. */
  const saved = (count: number) => new Promise<void>((resolve) => {
    waiting = () => {
      if (saves.length >= count) resolve();
    };
    waiting();
  });
  return { dir, file, saves, onSaved, saved };
}

/** How vim and JetBrains save: a new file written beside, then renamed over the old one. */
function renameSave(file: string, text: string): void {
  writeFileSync(`${file}.tmp~`, text);
  renameSync(`${file}.tmp~`, file);
}

describe('with file system events', () => {
  it('reports a save made through a temporary file and a rename', async () => {
    const folder = answerFolder();
    watcher = new FileWatcher([folder.file], folder.onSaved, { mode: 'events' });
    watcher.start();

    renameSave(folder.file, 'SELECT 1\n');
    await folder.saved(1);
    renameSave(folder.file, 'SELECT 2\n');
    await folder.saved(2);
    expect(folder.saves).toEqual([folder.file, folder.file]);
    expect(watcher.mode).toBe('events');
  });

  it('reports an editor that writes twice as one save', async () => {
    const folder = answerFolder();
    watcher = new FileWatcher([folder.file], folder.onSaved, { mode: 'events',
      debounceMs: 100 });
    watcher.start();

    writeFileSync(folder.file, '');
    writeFileSync(folder.file, 'SELECT title FROM books\n');
    await folder.saved(1);
    writeFileSync(folder.file, 'SELECT price FROM books\n');
    await folder.saved(2);
    expect(folder.saves).toHaveLength(2);
  });

  it('ignores other files in the folder (swap files, backups)', async () => {
    const folder = answerFolder();
    const other = join(folder.dir, 'other.sql');
    writeFileSync(other, '');
    watcher = new FileWatcher([other], folder.onSaved, { mode: 'events' });
    watcher.start();

    writeFileSync(join(folder.dir, '.cheap-books.sql.swp'), 'x');
    writeFileSync(folder.file, 'SELECT 1');
    writeFileSync(other, 'SELECT 2');
    await folder.saved(1);
    expect(folder.saves).toEqual([other]);
  });
});

describe('polling', () => {
  it('finds a save at the next poll, once, and not an unchanged rewrite', async () => {
    vi.useFakeTimers();
    const folder = answerFolder();
    watcher = new FileWatcher([folder.file], folder.onSaved, { mode: 'poll', pollMs: 200,
      debounceMs: 40 });
    watcher.start();

    renameSave(folder.file, 'SELECT 1\n');
    await vi.advanceTimersByTimeAsync(100);
    expect(folder.saves).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(folder.saves).toEqual([folder.file]);

    writeFileSync(folder.file, 'SELECT 1\n');
    await vi.advanceTimersByTimeAsync(1000);
    expect(folder.saves).toHaveLength(1);

    // Same size, different text: seen by the content, not by the size or the time.
    writeFileSync(folder.file, 'SELECT 2\n');
    await vi.advanceTimersByTimeAsync(300);
    expect(folder.saves).toHaveLength(2);
  });

  it('waits for a file removed in the middle of a save to come back', async () => {
    vi.useFakeTimers();
    const folder = answerFolder();
    watcher = new FileWatcher([folder.file], folder.onSaved, { mode: 'poll', pollMs: 100 });
    watcher.start();

    renameSync(folder.file, `${folder.file}~`);
    await vi.advanceTimersByTimeAsync(500);
    expect(folder.saves).toEqual([]);
    writeFileSync(folder.file, 'SELECT 3\n');
    await vi.advanceTimersByTimeAsync(200);
    expect(folder.saves).toEqual([folder.file]);
  });

  it('takes over when fs.watch throws', async () => {
    vi.useFakeTimers();
    const folder = answerFolder();
    const reasons: string[] = [];
    const failing = (() => {
      throw Object.assign(new Error('no watches left'), { code: 'ENOSPC' });
    }) as never;
    watcher = new FileWatcher([folder.file], folder.onSaved, { mode: 'events', pollMs: 100,
      watchFolder: failing, onFallback: (reason) => reasons.push(reason) });
    watcher.start();
    expect(watcher.mode).toBe('poll');
    expect(reasons).toEqual(['ENOSPC']);

    writeFileSync(folder.file, 'SELECT 4\n');
    await vi.advanceTimersByTimeAsync(200);
    expect(folder.saves).toEqual([folder.file]);
  });

  it('takes over when the folder watch fails later', () => {
    const folder = answerFolder();
    const fake = new EventEmitter() as EventEmitter & { close(): void };
    fake.close = () => undefined;
    const reasons: string[] = [];
    watcher = new FileWatcher([folder.file], folder.onSaved, { mode: 'events',
      watchFolder: (() => fake as unknown as FSWatcher) as never,
      onFallback: (reason) => reasons.push(reason) });
    watcher.start();
    expect(watcher.mode).toBe('events');

    fake.emit('error', Object.assign(new Error('gone'), { code: 'EPERM' }));
    expect(watcher.mode).toBe('poll');
    expect(reasons).toEqual(['EPERM']);
  });
});

describe('choosing events or polling', () => {
  const typed = (type: number) => () => ({ type });

  it('polls network and virtual-machine shares, says why, and watches local disks', () => {
    expect(chooseWatchMode('/x', false, typed(0x6969), 'linux'))
      .toEqual({ mode: 'poll', reason: expect.stringContaining('NFS') });
    expect(chooseWatchMode('/x', false, typed(0x01021997), 'linux').reason).toContain('9p');
    expect(chooseWatchMode('/x', false, typed(0xff534d42), 'linux').reason).toContain('CIFS');
    expect(chooseWatchMode('/x', false, typed(0xef53), 'linux')).toEqual({ mode: 'events' });
  });

  it('polls when asked, and watches when the file system cannot be told', () => {
    expect(chooseWatchMode('/x', true, typed(0xef53), 'linux').mode).toBe('poll');
    expect(chooseWatchMode('/x', false, typed(0x6969), 'darwin').mode).toBe('events');
    const unknown = () => {
      throw new Error('ENOSYS');
    };
    expect(chooseWatchMode('/x', false, unknown, 'linux').mode).toBe('events');
  });
});
