/**
 * The quick path of `check`: hand the command to the check server of this build, which keeps
 * the command line, the course and the SQLite sandbox loaded between checks, and print what it
 * answers. No server (or a server that fails before saying anything): the caller runs the
 * command itself and then starts one for the next check.
 */
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Io, Output } from '../cli/io.js';
import type { RunResult } from '../cli/run.js';
import { isPrivateDir } from './address.js';
import { lineReader, type ClientGo, type OutputShape, type ServerRequest } from './protocol.js';

/** How long a server may take to start on this check before it runs here instead. */
const ACCEPT_WAIT_MS = 3_000;

function shape(output: Output): OutputShape {
  return { isTTY: Boolean(output.isTTY), columns: output.columns, rows: output.rows };
}

/**
 * Runs the command on the server at `address`. Undefined when there is no server to answer
 * (the caller then runs it here); a server that ended mid-answer is reported as a failure.
 */
export function runOnServer(argv: string[], io: Io, address: string):
  Promise<RunResult | undefined> {
  // Someone else's folder (a cache folder in a shared place): no server of ours is there.
  if (!isPrivateDir(dirname(address))) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const request: ServerRequest = { argv, env: io.env, cwd: process.cwd(),
      stdout: shape(io.stdout), stderr: shape(io.stderr) };
    let said = false;
    let done = false;
    const socket = connect(address);
    // A server busy for long with other checks (or stuck): this check runs here instead.
    const patience = setTimeout(() => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve(undefined);
    }, ACCEPT_WAIT_MS);
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(JSON.stringify(request) + '\n'));
    socket.on('data', lineReader((message) => {
      const m = (message ?? {}) as { accepted?: boolean; out?: string; err?: string;
        code?: number };
      if (m.accepted && !done) {
        clearTimeout(patience);
        const go: ClientGo = { go: true };
        socket.write(JSON.stringify(go) + '\n');
      }
      if (typeof m.out === 'string') io.stdout.write(m.out);
      if (typeof m.err === 'string') io.stderr.write(m.err);
      said ||= m.out !== undefined || m.err !== undefined;
      if (typeof m.code === 'number' && !done) {
        done = true;
        socket.destroy();
        resolve({ code: m.code, hardExit: false });
      }
    }));
    const ended = () => {
      clearTimeout(patience);
      if (done) return;
      done = true;
      if (!said) {
        resolve(undefined);
        return;
      }
      const message = 'Проверка прервалась: фоновый процесс dbcourse завершился раньше ' +
        'времени. Запустите её ещё раз; если повторится — DBCOURSE_SERVER=0 dbcourse check ...';
      void (async () => {
        // Wrapped at words on a terminal, as the check's own messages are.
        const width = io.stderr.isTTY ? io.stderr.columns : undefined;
        const lines = width
          ? (await import('../render/wrap.js')).wrapText(message, width) : [message];
        io.stderr.write(`\n${lines.join('\n')}\n`);
        resolve({ code: 1, hardExit: false });
      })();
    };
    socket.on('error', ended);
    socket.on('close', ended);
  });
}

/** dist/server.js, seen from this module's place in dist/ (its own chunk, or inlined). */
function serverScript(): string {
  const here = fileURLToPath(import.meta.url);
  return join(dirname(here), basename(dirname(here)) === 'chunks' ? '..' : '.', 'server.js');
}

/**
 * Starts a server for the next checks, detached: it outlives this command and ends by itself
 * after some idle minutes. Failing to start it only costs the next check its speed.
 */
export function startServer(io: Io, address: string): void {
  try {
    const { spawn } = createRequire(import.meta.url)('node:child_process') as
      typeof import('node:child_process');
    const script = serverScript();
    const child = spawn(process.execPath, [script, address], {
      detached: true,
      stdio: 'ignore',
      env: io.env as NodeJS.ProcessEnv,
      cwd: '/',
    });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // Nothing to do: checks still run in their own process.
  }
}
