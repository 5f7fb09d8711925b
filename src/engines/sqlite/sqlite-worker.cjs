'use strict';
/*
 * Runs SQL for the SQLite engine: learners' SQL on a worker thread (one-shot commands) or in a
 * child process (long-lived ones: watch, the map), and the course's own reference solutions
 * required on the main thread. better-sqlite3 cannot be interrupted: the main thread gives up
 * on a thread whose query overruns, and kills a child. Plain CommonJS so that it runs
 * unchanged from src/ (tests) and from dist/ (the bundle).
 */
const { isMainThread, parentPort, workerData } = require('node:worker_threads');
const { readdirSync, readFileSync, statSync } = require('node:fs');
const { dirname, join } = require('node:path');
const Database = require('better-sqlite3');

// Loaded by its path, as the thread starts: better-sqlite3 would otherwise search a dozen
// folders for its addon, and only when the first database opens.
const nativeBinding = require(join(dirname(require.resolve('better-sqlite3/package.json')),
  'build', 'Release', 'better_sqlite3.node'));

const connections = new Map();
/** The file each connection was opened on (inode), for openDatasets. */
const opened = new Map();

function connection(path) {
  let db = connections.get(path);
  if (!db) {
    opened.set(path, statSync(path).ino);
    db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding });
    db.pragma('query_only = ON');
    // The schema is read once per connection, at the first statement: here, not in a check.
    db.prepare('SELECT 1 FROM sqlite_master LIMIT 0').get();
    connections.set(path, db);
  }
  return db;
}

/**
 * The engine's datasets, opened if not yet; one opened early from a file replaced since (a
 * dataset built again) is opened again, so that no check reads a stale copy.
 */
function openDatasets(paths) {
  for (const path of paths) {
    const db = connections.get(path);
    if (db && opened.get(path) !== statSync(path, { throwIfNoEntry: false })?.ino) {
      db.close();
      connections.delete(path);
    }
    connection(path);
  }
}

/**
 * Opens the datasets of the newest build in the cache: a thread started before the engine
 * knows its datasets gets them ready meanwhile. Any error only means nothing is ready early.
 */
function openNewestDatasets(cacheRoot) {
  try {
    const root = join(cacheRoot, 'sqlite');
    const newest = readdirSync(root).map((name) => join(root, name))
      .map((dir) => ({ dir, at: statSync(dir).mtimeMs }))
      .sort((a, b) => b.at - a.at)[0];
    if (!newest) return;
    for (const name of readdirSync(newest.dir)) {
      if (name.endsWith('.db')) connection(join(newest.dir, name));
    }
  } catch {
    // No cache yet, or one being built: the engine's own list comes with its first request.
  }
}

/** `sql`: the text that failed, kept with an engine error to point at a syntax mistake. */
function classify(error, sql) {
  const message = String(error && error.message ? error.message : error);
  if (/contains more than one statement/.test(message)) return { kind: 'multiple-statements' };
  if (/contains no statements/.test(message)) return { kind: 'empty' };
  return sql === undefined ? { kind: 'engine-error', message }
    : { kind: 'engine-error', message, statement: sql };
}

function run(request, maxRows) {
  let statement;
  try {
    statement = connection(request.path).prepare(request.sql);
  } catch (error) {
    return { ok: false, failure: classify(error, request.sql) };
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
      if (rows.length > maxRows) {
        return { ok: false, failure: { kind: 'too-many-rows', limit: maxRows } };
      }
    }
    return { ok: true, result: { columns, rows } };
  } catch (error) {
    return { ok: false, failure: classify(error) };
  }
}

/** A private in-memory copy of a dataset file, foreign keys on; the file is only read. */
function privateCopy(path) {
  const db = new Database(readFileSync(path), { nativeBinding });
  db.pragma('foreign_keys = ON');
  return db;
}

/**
 * Runs the learner's statements on a private in-memory copy of the dataset file, then `read`
 * on that copy (a failing statement is the answer instead); the copy is closed either way.
 */
function onCopy(request, read) {
  const db = privateCopy(request.path);
  try {
    try {
      db.exec(request.sql);
    } catch (error) {
      return { ok: false, failure: classify(error, request.sql) };
    }
    return read(db);
  } finally {
    db.close();
  }
}

/**
 * Change statements on a private in-memory copy of the dataset file; returns every table's
 * rows afterwards. The file itself is never opened for writing.
 */
function change(request, maxRows) {
  return onCopy(request, (db) => {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' " +
      "AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
    const state = {};
    for (const table of tables) {
      const statement = db.prepare(`SELECT * FROM "${table}"`);
      const rows = statement.raw(true).all();
      if (rows.length > maxRows) {
        return { ok: false, failure: { kind: 'too-many-rows', limit: maxRows } };
      }
      state[table] = { columns: statement.columns().map((c) => c.name), rows };
    }
    return { ok: true, state };
  });
}

function readAll(db, sql, maxRows) {
  try {
    const statement = db.prepare(sql);
    const rows = statement.raw(true).all().map((row) => row.map((cell) =>
      (typeof cell === 'bigint' ? Number(cell) : cell)));
    if (rows.length > maxRows) {
      return { ok: false, failure: { kind: 'too-many-rows', limit: maxRows } };
    }
    return { ok: true, result: { columns: statement.columns().map((c) => c.name), rows } };
  } catch (error) {
    return { ok: false, failure: classify(error) };
  }
}

/** What the catalog says about one table, as SQLite's PRAGMAs give it (see catalog.ts). */
function tableCatalog(db, name) {
  const found = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' " +
    'AND name = ? COLLATE NOCASE').get(name);
  if (!found) return undefined;
  const quoted = `"${found.name.replace(/"/g, '""')}"`;
  const indexes = db.prepare(`PRAGMA index_list(${quoted})`).all().map((index) => ({
    ...index,
    columns: db.prepare(`PRAGMA index_xinfo("${index.name.replace(/"/g, '""')}")`).all()
      .filter((c) => c.key === 1),
  }));
  return {
    name: found.name,
    sql: found.sql,
    columns: db.prepare(`PRAGMA table_xinfo(${quoted})`).all(),
    foreignKeys: db.prepare(`PRAGMA foreign_key_list(${quoted})`).all().map((fk) => {
      if (fk.to !== null) return fk;
      // REFERENCES books without columns: the parent's primary key, column by column.
      const parent = db.prepare(`PRAGMA table_info("${fk.table.replace(/"/g, '""')}")`).all()
        .filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
      return { ...fk, to: parent[fk.seq] ? parent[fk.seq].name : null };
    }),
    indexes,
  };
}

/**
 * DDL on a private in-memory copy of the dataset file, then the catalog of the tables asked
 * for, the views' rows and the probes, each probe rolled back to a savepoint.
 */
function schema(request, maxRows) {
  return onCopy(request, (db) => {
    if (db.inTransaction) return { ok: false, failure: { kind: 'engine-error',
      message: 'cannot leave a transaction open' } };

    const { tables, views, probes } = request.schema;
    const catalog = {};
    for (const table of tables) {
      const raw = tableCatalog(db, table);
      if (raw) catalog[table] = raw;
    }

    const viewRows = {};
    for (const view of views) viewRows[view] = readAll(db, `SELECT * FROM "${view}"`, maxRows);

    const probeOutcomes = probes.map((probe) => {
      const outcome = {};
      db.exec('SAVEPOINT dbcourse_probe');
      try {
        db.exec(probe.sql);
      } catch (error) {
        outcome.error = String(error && error.message ? error.message : error);
      }
      if (probe.query) outcome.after = readAll(db, probe.query, maxRows);
      db.exec('ROLLBACK TO dbcourse_probe; RELEASE dbcourse_probe');
      return outcome;
    });

    return { ok: true, state: { catalog, views: viewRows, probes: probeOutcomes } };
  });
}

/** What the plan needs from the catalog: objects by root page, index columns, rowid keys. */
function catalog(db) {
  const objects = db.prepare("SELECT type, name, tbl_name, rootpage FROM sqlite_master " +
    "WHERE type IN ('table', 'index')").raw(true).all();
  const indexes = [];
  const rowidKeys = {};
  for (const [type, table] of objects.map((o) => [o[0], o[1]])) {
    if (type !== 'table' || table.startsWith('sqlite_')) continue;
    const key = db.pragma(`table_info("${table}")`).filter((c) => c.pk > 0);
    // Only a lone INTEGER PRIMARY KEY column is the rowid itself.
    rowidKeys[table] = key.length === 1 && /^integer$/i.test(key[0].type) ? key[0].name : null;
    for (const index of db.pragma(`index_list("${table}")`)) {
      const columns = db.pragma(`index_info("${index.name}")`).map((c) => c.name);
      indexes.push({ name: index.name, table, columns, origin: index.origin });
    }
  }
  return { objects, indexes, rowidKeys };
}

/** Opcodes the plan reader needs: opening cursors, positioning them, and Explain. */
const PLAN_OPCODES =
  /^(Open|Reopen|Rewind$|Last$|SeekRowid$|NotExists$|Seek(GE|GT|LE|LT)$|Explain$)/;

/**
 * The raw plan of a SELECT: EXPLAIN QUERY PLAN rows, the bytecode ops that tell which table
 * each plan row reads (its name may be an alias), and the catalog. With CREATE INDEX
 * statements, on a private in-memory copy of the dataset.
 */
function plan(request) {
  const copy = request.indexes.length > 0;
  const db = copy ? privateCopy(request.path) : connection(request.path);
  try {
    for (const [i, sql] of request.indexes.entries()) {
      try {
        db.prepare(sql).run();
      } catch (error) {
        return { ok: false, failure: classify(error, sql), statement: i };
      }
    }
    try {
      const rows = db.prepare(`EXPLAIN QUERY PLAN ${request.select}`).raw(true).all();
      const program = db.prepare(`EXPLAIN ${request.select}`).raw(true).all()
        .filter((op) => PLAN_OPCODES.test(op[1]))
        .map((op) => [op[0], op[1], op[2], op[3], op[5]]);
      return { ok: true, raw: { rows, program, catalog: catalog(db) } };
    } catch (error) {
      return { ok: false, failure: classify(error, request.select) };
    }
  } finally {
    if (copy) db.close();
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

/** One request of the sandbox protocol, answered by its mode. */
function answer(request, maxRows) {
  switch (request.mode) {
    case 'tables':
      return readsTables(request);
    case 'change':
      return change(request, maxRows);
    case 'schema':
      return schema(request, maxRows);
    case 'plan':
      return plan(request);
    default:
      return run(request, maxRows);
  }
}

if (!isMainThread) {
  // Opened while the main thread is still reading the lesson and the answers.
  if (workerData.cacheRoot) openNewestDatasets(workerData.cacheRoot);
  for (const path of workerData.paths ?? []) connection(path);
  parentPort.on('message', (request) => {
    // Sent once to a thread started before the datasets were known; needs no answer.
    if (request.mode === 'open') {
      openDatasets(request.paths);
      return;
    }
    parentPort.postMessage(answer(request, workerData.maxRows));
  });
} else if (require.main === module && process.send) {
  // A child process: the same protocol over its IPC channel; the settings come as argv.
  const settings = JSON.parse(process.argv[2]);
  require('./parent-watchdog.cjs').watchParent(settings.parent);
  // Ctrl+C in a terminal reaches the whole process group: dbcourse decides when this ends.
  process.on('SIGINT', () => undefined);
  for (const path of settings.paths ?? []) connection(path);
  process.on('message', (request) => {
    process.send(answer(request, settings.maxRows));
  });
  process.on('disconnect', () => process.exit(0));
} else {
  module.exports = { run, readsTables, change, schema, plan };
}
