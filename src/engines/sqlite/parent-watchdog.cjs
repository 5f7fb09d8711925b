'use strict';
/*
 * For the SQLite child processes (sqlite-worker.cjs as a child, console-child.cjs): a child
 * must not outlive the dbcourse process that started it. An idle child exits when its IPC
 * channel closes, but one busy in a runaway statement runs no JavaScript and never sees that.
 * So a small thread beside it checks the parent's id and kills the process once it has
 * changed (the parent died and another process adopted the child). Plain CommonJS, copied
 * into dist/ by the build.
 */
const { Worker } = require('node:worker_threads');

const CHECK_MS = 250;

function watchParent(parent) {
  if (!Number.isInteger(parent)) throw new Error(`parent process id ${parent}`);
  const watchdog = new Worker(`const { workerData } = require('node:worker_threads');
    setInterval(() => {
      if (process.ppid !== workerData.parent) process.kill(process.pid, 'SIGKILL');
    }, workerData.every);`, { eval: true, workerData: { parent, every: CHECK_MS } });
  // Never holds the child: it exits as before when its channel closes.
  watchdog.unref();
}

module.exports = { watchParent };
