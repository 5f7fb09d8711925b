/**
 * Opens a file in the learner's editor ($VISUAL, then $EDITOR) and waits for it to close.
 * The variable is run by the shell, as git runs it, so that `code --wait` or a path with
 * arguments works as the learner wrote it.
 */
import { spawn } from 'node:child_process';
import type { Env } from '../util/paths.js';

export type EditorOutcome =
  | { kind: 'closed' }
  | { kind: 'no-editor' }
  /** The shell could not find or run the editor's program. */
  | { kind: 'not-started'; editor: string; reason: 'not-found' | 'not-executable' | string }
  | { kind: 'failed'; editor: string; code: number | null; signal: NodeJS.Signals | null };

export function chosenEditor(env: Env): string | undefined {
  return [env.VISUAL, env.EDITOR].map((value) => value?.trim()).find(Boolean);
}

export function openInEditor(path: string, env: Env): Promise<EditorOutcome> {
  const editor = chosenEditor(env);
  if (!editor) return Promise.resolve({ kind: 'no-editor' });

  // On Windows the editor line goes to cmd.exe with the path quoted; elsewhere to sh, which
  // passes the path as "$@" untouched by any quoting.
  const child = process.platform === 'win32'
    ? spawn(`${editor} "${path}"`, { shell: true, stdio: 'inherit', env: { ...env } })
    : spawn('/bin/sh', ['-c', `${editor} "$@"`, editor, path], { stdio: 'inherit',
      env: { ...env } });

  return new Promise((resolve) => {
    child.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ kind: 'not-started', editor, reason: error.code ?? error.message }));
    child.on('close', (code, signal) => {
      if (code === 0) resolve({ kind: 'closed' });
      // POSIX shells exit 127 for a command not found and 126 for one they cannot run.
      else if (code === 127) resolve({ kind: 'not-started', editor, reason: 'not-found' });
      else if (code === 126) resolve({ kind: 'not-started', editor, reason: 'not-executable' });
      else resolve({ kind: 'failed', editor, code, signal });
    });
  });
}
