'use strict';
/*
 * The thread that runs SQL for the SQLite engine. Plain CommonJS so that it runs unchanged
 * from src/ (tests) and from dist/ (the bundle). better-sqlite3 cannot be interrupted, so the
 * main thread gives up on this thread when a query overruns and starts another.
 */
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');

const connections = new Map();

function connection(path) {
  let db = connections.get(path);
  if (!db) {
    db = new Database(path, { readonly: true, fileMustExist: true });
    db.pragma('query_only = ON');
    connections.set(path, db);
  }
  return db;
}

function classify(error) {
  const message = String(error && error.message ? error.message : error);
  if (/contains more than one statement/.test(message)) return { kind: 'multiple-statements' };
  if (/contains no statements/.test(message)) return { kind: 'empty' };
  return { kind: 'engine-error', message };
}

function run(request) {
  let statement;
  try {
    statement = connection(request.path).prepare(request.sql);
  } catch (error) {
    return { ok: false, failure: classify(error) };
  }

  if (!statement.reader || !statement.readonly) {
    return { ok: false, failure: { kind: 'not-a-query' } };
  }

  try {
    const columns = statement.columns().map((c) => c.name);
    const rows = [];
    for (const row of statement.raw(true).iterate()) {
      rows.push(row.map((cell) => (cell instanceof Uint8Array ? `x'${Buffer.from(cell)
        .toString('hex')}'` : typeof cell === 'bigint' ? Number(cell) : cell)));
      if (rows.length > workerData.maxRows) {
        return { ok: false, failure: { kind: 'too-many-rows', limit: workerData.maxRows } };
      }
    }
    return { ok: true, result: { columns, rows } };
  } catch (error) {
    return { ok: false, failure: classify(error) };
  }
}

/** Whether the statement reads any table at all: typed-in literal rows read none. */
function readsTables(request) {
  try {
    const plan = connection(request.path).prepare(`EXPLAIN ${request.sql}`).raw(true).all();
    return { ok: true, readsTables: plan.some((op) => op[1] === 'OpenRead') };
  } catch (error) {
    return { ok: false, failure: classify(error) };
  }
}

parentPort.on('message', (request) => {
  const outcome = request.mode === 'tables' ? readsTables(request) : run(request);
  parentPort.postMessage({ id: request.id, outcome });
});
