/**
 * Notices when answer files are saved. Watches their folder, not the files: editors that save
 * through a temporary file and a rename (vim, JetBrains) replace the file, and a watch on the
 * old file would go quiet. Events are debounced per file, and a file whose content did not
 * change is not reported, so an editor that writes twice gives one check.
 *
 * Where change events cannot be trusted (network and virtual-machine shares, or fs.watch
 * failing) the folder is polled instead; with events, a slow poll still catches a missed one.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

export type WatchMode = 'events' | 'poll';

export interface FileWatcherOptions {
  mode: WatchMode;
  /** Quiet time after the last event of a file before it is reported. */
  debounceMs?: number;
  /** How often files are compared in poll mode. */
  pollMs?: number;
  /** How often files are compared alongside events, for an event the system lost. */
  safetyPollMs?: number;
  /** Told once when events fail and the watcher falls back to polling. */
  onFallback?: (reason: string) => void;
  /** fs.watch, replaceable so that tests can make it fail. */
  watchFolder?: typeof watch;
}

export const DEBOUNCE_MS = 40;
export const POLL_MS = 250;
const SAFETY_POLL_MS = 1000;

/** Answer files are small; a bigger one is told apart by its size and time alone. */
const HASHED_BYTES = 1024 * 1024;

/**
 * What tells one saved version of a file from the next; '' while the file is missing. The
 * content, not the time: some file systems keep whole seconds, and an edit such as `>` to `<`
 * keeps the size.
 */
function signature(path: string): string {
  try {
    const stat = statSync(path);
    if (stat.size > HASHED_BYTES) return `${stat.size}:${stat.mtimeMs}`;
    return createHash('sha1').update(readFileSync(path)).digest('hex');
  } catch {
    return '';
  }
}

/** Keeps the process alive until closed: watching is what `dbcourse watch` waits on. */
export class FileWatcher {
  private readonly seen = new Map<string, string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly watchers: FSWatcher[] = [];
  private poller: NodeJS.Timeout | undefined;
  private closed = false;
  private currentMode: WatchMode;

  constructor(private readonly files: string[], private readonly onSaved: (path: string) => void,
    private readonly options: FileWatcherOptions) {
    this.currentMode = options.mode;
    for (const file of files) this.seen.set(file, signature(file));
  }

  get mode(): WatchMode {
    return this.currentMode;
  }

  start(): void {
    if (this.currentMode === 'events') {
      try {
        this.watchFolders();
      } catch (error) {
        this.fallBack((error as NodeJS.ErrnoException).code ?? String(error));
        return;
      }
    }
    this.startPolling();
  }

  close(): void {
    this.closed = true;
    for (const watcher of this.watchers.splice(0)) watcher.close();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    clearInterval(this.poller);
  }

  /** The file was judged as it is now: a later event with the same state is not a save. */
  markSeen(path: string): void {
    this.seen.set(path, signature(path));
  }

  private watchFolders(): void {
    const byFolder = new Map<string, string[]>();
    for (const file of this.files) {
      byFolder.set(dirname(file), [...byFolder.get(dirname(file)) ?? [], file]);
    }

    const watchFolder = this.options.watchFolder ?? watch;
    for (const [folder, files] of byFolder) {
      const watcher = watchFolder(folder, (_event, name) => {
        // Some systems give no name: then any of the folder's files may have changed.
        const touched = name ? files.filter((f) => basename(f) === String(name)) : files;
        for (const file of touched) this.schedule(file);
      });
      watcher.on('error', (error: NodeJS.ErrnoException) => this.fallBack(error.code ?? 'error'));
      this.watchers.push(watcher);
    }
  }

  private fallBack(reason: string): void {
    if (this.closed || this.currentMode === 'poll') return;
    for (const watcher of this.watchers.splice(0)) watcher.close();
    this.currentMode = 'poll';
    this.options.onFallback?.(reason);
    this.startPolling();
  }

  private startPolling(): void {
    clearInterval(this.poller);
    const every = this.currentMode === 'poll'
      ? this.options.pollMs ?? POLL_MS
      : this.options.safetyPollMs ?? SAFETY_POLL_MS;
    this.poller = setInterval(() => {
      for (const file of this.files) {
        if (signature(file) !== this.seen.get(file)) this.schedule(file);
      }
    }, every);
  }

  private schedule(file: string): void {
    if (this.closed) return;
    clearTimeout(this.timers.get(file));
    this.timers.set(file, setTimeout(() => {
      this.timers.delete(file);
      this.report(file);
    }, this.options.debounceMs ?? DEBOUNCE_MS));
  }

  private report(file: string): void {
    const now = signature(file);
    // Unchanged, or gone in the middle of a rename save (the new file's event follows).
    if (this.closed || now === this.seen.get(file) || now === '') return;
    this.seen.set(file, now);
    this.onSaved(file);
  }
}
