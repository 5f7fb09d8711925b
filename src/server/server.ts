/**
 * The check server: a background process that `check` starts after it ran on its own, so
 * that the next checks find the command line, the course code and the SQLite sandbox already
 * loaded (a check then costs about a Node start-up plus the learner's queries). One per build,
 * user and cache directory (address.ts); it serves one check at a time and ends by itself when
 * idle for ten minutes, when its socket file is removed or taken over by a newer server, or
 * when a new build replaced its code.
 * Learners' SQL runs in the sandbox's child process, killed and replaced on overrun, so a
 * runaway query never stays behind in here. DBCOURSE_SERVER=0 keeps every check in its own
 * process.
 */
import { chmodSync, lstatSync, mkdirSync, statSync, unlinkSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { Context } from '../cli/context.js';
import type { Io, Output } from '../cli/io.js';
import { run, type RunResult } from '../cli/run.js';
import { FOLDER_GONE, isCheck } from './address.js';
import { EngineLender } from './engine-lender.js';
import {
  isRequest, lineReader, type OutputShape, type ServerMessage, type ServerRequest,
} from './protocol.js';

const IDLE_MS = Number(process.env.DBCOURSE_SERVER_IDLE_MS) || 10 * 60_000;
/** How often it looks whether its socket file is still its own. */
const WATCH_MS = 2_000;
/** A client sends its request as soon as it connects; it is a few kilobytes. */
const REQUEST_WAIT_MS = 10_000;
const MAX_REQUEST_BYTES = 8 * 1024 * 1024;
/** A client answers `accepted` with `go` at once, unless it gave up waiting and checks itself. */
const GO_WAIT_MS = 3_000;

const address = process.argv[2];
const lender = new EngineLender();
let idleTimer: NodeJS.Timeout | undefined;
let socketIdentity: string | undefined;
let queue: Promise<void> = Promise.resolve();
/** Set when the server is ending: checks still queued are not served. */
let ending = false;

function output(shape: OutputShape, write: (text: string) => void): Output {
  return { write, isTTY: shape.isTTY, columns: shape.columns, rows: shape.rows };
}

function ioFor(request: Pick<ServerRequest, 'env' | 'stdout' | 'stderr'>,
  send: (message: ServerMessage) => void): Io {
  const stdin = Object.assign(Readable.from([]), { isTTY: false });
  return {
    stdout: output(request.stdout, (out) => send({ out: String(out) })),
    stderr: output(request.stderr, (err) => send({ err: String(err) })),
    stdin,
    env: request.env,
    engines: lender,
  };
}

async function serve(socket: Socket, request: ServerRequest, go: Promise<boolean>):
  Promise<void> {
  // A client that waited too long in the queue has run its check itself; one that is still
  // waiting when the server ends hears nothing and runs it itself too.
  if (ending) socket.destroy();
  if (socket.destroyed || !socket.writable) return;
  clearTimeout(idleTimer);
  const send = (message: ServerMessage) => {
    // The learner may have pressed Ctrl-C: the check still finishes and records progress.
    if (!socket.destroyed) socket.write(JSON.stringify(message) + '\n');
  };
  send({ accepted: true });
  // The client may have given up an instant ago, and its socket's end not been read yet: a
  // check run here too would be counted twice. It confirms it is still waiting.
  if (!(await go)) {
    socket.destroy();
    startIdleTimer();
    return;
  }
  let result: RunResult;
  if (!isCheck(request.argv)) {
    send({ err: 'Фоновый процесс dbcourse выполняет только dbcourse check.\n' });
    send({ code: 2 });
    socket.end();
    startIdleTimer();
    return;
  }
  try {
    process.chdir(request.cwd);
  } catch {
    // The learner's folder is gone: the folder of an earlier check must not stand in for it
    // (a relative --workspace would be created there).
    send({ err: `${FOLDER_GONE}\n` });
    send({ code: 1 });
    socket.end();
    startIdleTimer();
    return;
  }
  try {
    result = await run(request.argv, ioFor(request, send));
  } catch (error) {
    send({ err: `Внутренняя ошибка фонового процесса dbcourse: ${String(error)}\n` +
      'Повторите с DBCOURSE_SERVER=0, чтобы проверка шла без него.\n' });
    result = { code: 1, hardExit: false };
  }
  // Not kept in the learner's folder for the idle minutes: it could not be unmounted.
  process.chdir('/');
  send({ code: result.code });
  socket.end();
  // Cannot happen with the child-process sandbox; if it ever does, a fresh server is better.
  if (result.hardExit) void shutdown();
  startIdleTimer();
}

function startIdleTimer(): void {
  clearTimeout(idleTimer);
  if (!ending) idleTimer = setTimeout(() => void shutdown(), IDLE_MS);
}

function accept(socket: Socket): void {
  // Ending: the client hears nothing and runs its check itself. (Closing the listener instead
  // would unlink the socket path, which may be a newer server's by now.)
  if (ending) {
    socket.destroy();
    return;
  }
  socket.setEncoding('utf8');
  socket.on('error', () => undefined);
  let taken = false;
  let received = 0;
  let goes: (go: boolean) => void = () => undefined;
  const go = new Promise<boolean>((resolve) => {
    goes = resolve;
  });
  // A connection that says nothing, or never ends its line, is not kept open for ever.
  const wait = setTimeout(() => socket.destroy(), REQUEST_WAIT_MS);
  const read = lineReader((message) => {
    if (taken) {
      if ((message as { go?: unknown } | undefined)?.go === true) goes(true);
      return;
    }
    taken = true;
    clearTimeout(wait);
    if (!isRequest(message)) {
      socket.destroy();
      return;
    }
    queue = queue.then(() => {
      // From now on the client has GO_WAIT_MS to say it still waits.
      const timer = setTimeout(() => goes(false), GO_WAIT_MS);
      return serve(socket, message, go).finally(() => clearTimeout(timer));
    });
  });
  socket.on('data', (chunk: string) => {
    received += Buffer.byteLength(chunk);
    if (received > MAX_REQUEST_BYTES) {
      clearTimeout(wait);
      socket.destroy();
      return;
    }
    read(chunk);
  });
  socket.on('close', () => {
    clearTimeout(wait);
    goes(false);
  });
}

/** Listens at the address; false when another server already answers there. */
function listen(server: Server): Promise<boolean> {
  return new Promise((resolve) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE') {
        resolve(false);
        return;
      }
      // A live server, or the socket file of one that died.
      const probe = connect(address);
      probe.on('connect', () => {
        probe.destroy();
        resolve(false);
      });
      probe.on('error', () => {
        try {
          unlinkSync(address);
        } catch {
          // Someone else removed it first.
        }
        server.once('error', () => resolve(false));
        server.listen(address, () => resolve(true));
      });
    });
    server.listen(address, () => resolve(true));
  });
}

/** A file's identity: a rebuilt or recreated file may get the inode number of the old one. */
function identity(path: string): string {
  const { ino, mtimeMs, ctimeMs } = statSync(path);
  return `${ino}:${mtimeMs}:${ctimeMs}`;
}

/** This server's own script, as it was when the server started. */
const script = process.argv[1];
const scriptIdentity = identity(script);

/**
 * Whether the socket file is still this server's and its code still there: `npm run build`
 * replaces dist/, which this server loads modules from as checks first need them.
 */
function stillOurs(): boolean {
  return socketOurs() && same(script, scriptIdentity);
}

/** Whether the socket file is the one this server made (not removed, nor a newer server's). */
function socketOurs(): boolean {
  return same(address, socketIdentity);
}

function same(path: string, known: string | undefined): boolean {
  try {
    return identity(path) === known;
  } catch {
    return false;
  }
}

/**
 * Ends the server. `now`: at once (a signal, a bug of ours); otherwise the check being served
 * is finished first, so that removing the socket folder or rebuilding dbcourse mid-check does
 * not cut it off (clients that connect meanwhile are turned away and check on their own).
 */
async function shutdown(now = false): Promise<void> {
  const first = !ending;
  ending = true;
  if (first) {
    clearTimeout(idleTimer);
    // Also when a new build replaced the code: its socket, named by the old build's stamp,
    // would otherwise stay in the folder for good.
    if (socketOurs()) {
      try {
        unlinkSync(address);
      } catch {
        // Gone already.
      }
    }
  }
  if (!now) {
    if (!first) return;
    await queue.catch(() => undefined);
  }
  await lender.closeAll().catch(() => undefined);
  process.exit(0);
}

/** Starts the sandbox for the engine the learner uses, before the first check asks for it. */
async function warmUp(): Promise<void> {
  const ctx = new Context(ioFor({ env: process.env, stdout: { isTTY: false },
    stderr: { isTTY: false } }, () => undefined), {});
  if (ctx.engineChoice().name === 'sqlite') (await ctx.engine()).warmUp();
}

async function start(): Promise<void> {
  if (!address) process.exit(2);
  mkdirSync(dirname(address), { recursive: true, mode: 0o700 });
  // Someone else's folder (a cache folder in a shared place): no place for this user's socket.
  const folder = lstatSync(dirname(address));
  if (!folder.isDirectory() || (process.getuid && folder.uid !== process.getuid())) {
    process.exit(0);
  }
  chmodSync(dirname(address), 0o700);

  const server = createServer(accept);
  if (!(await listen(server))) process.exit(0);
  chmodSync(address, 0o600);
  socketIdentity = identity(address);

  setInterval(() => {
    if (!stillOurs()) void shutdown();
  }, WATCH_MS).unref();
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    process.on(signal, () => void shutdown(true));
  }
  // A bug of ours must not leave a socket that nobody answers: clients would wait for it.
  process.on('uncaughtException', () => void shutdown(true));
  process.on('unhandledRejection', () => void shutdown(true));
  startIdleTimer();
  await warmUp().catch(() => undefined);
}

start().catch(() => process.exit(1));
