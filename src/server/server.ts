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
import { chmodSync, mkdirSync, statSync, unlinkSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { Context } from '../cli/context.js';
import type { Io, Output } from '../cli/io.js';
import { run, type RunResult } from '../cli/run.js';
import { isCheck } from './address.js';
import { EngineLender } from './engine-lender.js';
import {
  isRequest, lineReader, type OutputShape, type ServerMessage, type ServerRequest,
} from './protocol.js';

const IDLE_MS = Number(process.env.DBCOURSE_SERVER_IDLE_MS) || 10 * 60_000;
/** How often it looks whether its socket file is still its own. */
const WATCH_MS = 2_000;

const address = process.argv[2];
const lender = new EngineLender();
let idleTimer: NodeJS.Timeout | undefined;
let socketIdentity: string | undefined;
let queue: Promise<void> = Promise.resolve();

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

async function serve(socket: Socket, request: ServerRequest): Promise<void> {
  // A client that waited too long in the queue has run its check itself.
  if (socket.destroyed || !socket.writable) return;
  clearTimeout(idleTimer);
  const send = (message: ServerMessage) => {
    // The learner may have pressed Ctrl-C: the check still finishes and records progress.
    if (!socket.destroyed) socket.write(JSON.stringify(message) + '\n');
  };
  send({ accepted: true });
  let result: RunResult;
  if (!isCheck(request.argv)) {
    send({ err: 'Фоновый процесс dbcourse выполняет только dbcourse check.\n' });
    send({ code: 2 });
    socket.end();
    return;
  }
  try {
    process.chdir(request.cwd);
  } catch {
    // The learner's folder is gone; paths given relative to it cannot be found either way.
  }
  try {
    result = await run(request.argv, ioFor(request, send));
  } catch (error) {
    send({ err: `Внутренняя ошибка фонового процесса dbcourse: ${String(error)}\n` +
      'Повторите с DBCOURSE_SERVER=0, чтобы проверка шла без него.\n' });
    result = { code: 1, hardExit: false };
  }
  send({ code: result.code });
  socket.end();
  // Cannot happen with the child-process sandbox; if it ever does, a fresh server is better.
  if (result.hardExit) await shutdown();
  idleTimer = setTimeout(() => void shutdown(), IDLE_MS);
}

function accept(socket: Socket): void {
  socket.setEncoding('utf8');
  socket.on('error', () => undefined);
  let taken = false;
  socket.on('data', lineReader((message) => {
    if (taken) return;
    taken = true;
    if (isRequest(message)) queue = queue.then(() => serve(socket, message));
    else socket.destroy();
  }));
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
  try {
    return socketOurs() && identity(script) === scriptIdentity;
  } catch {
    return false;
  }
}

/** Whether the socket file is still the one this server made (not removed, not taken over). */
function socketOurs(): boolean {
  try {
    return identity(address) === socketIdentity;
  } catch {
    return false;
  }
}

let ending = false;

async function shutdown(): Promise<never> {
  if (!ending) {
    ending = true;
    // Its own socket file goes with it, also when a new build ended it: that build listens
    // at an address of its own, and this file would stay behind for good.
    if (socketOurs()) {
      try {
        unlinkSync(address);
      } catch {
        // Gone already.
      }
    }
    await lender.closeAll().catch(() => undefined);
  }
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
  chmodSync(dirname(address), 0o700);

  const server = createServer(accept);
  if (!(await listen(server))) process.exit(0);
  chmodSync(address, 0o600);
  socketIdentity = identity(address);

  setInterval(() => {
    if (!stillOurs()) void shutdown();
  }, WATCH_MS).unref();
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    process.on(signal, () => void shutdown());
  }
  // A bug of ours must not leave a socket that nobody answers: clients would wait for it.
  process.on('uncaughtException', () => void shutdown());
  process.on('unhandledRejection', () => void shutdown());
  idleTimer = setTimeout(() => void shutdown(), IDLE_MS);
  await warmUp().catch(() => undefined);
}

start().catch(() => process.exit(1));
