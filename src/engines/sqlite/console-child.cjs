'use strict';
/*
 * The SQLite side of `dbcourse sql`: a child process holding a private in-memory copy of the
 * bookstore. A child, not a thread, because a runaway statement cannot be interrupted inside
 * better-sqlite3: the parent kills this process and starts another from the last snapshot.
 * After every change that is not inside an open transaction, the database is sent back
 * serialised, so a killed child loses nothing that was finished. Plain CommonJS so that it
 * runs unchanged from src/ (tests) and from dist/ (the bundle).
 */
const { readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const Database = require('better-sqlite3');

const nativeBinding = join(dirname(require.resolve('better-sqlite3/package.json')), 'build',
  'Release', 'better_sqlite3.node');

// The parent's process id comes as the first argument.
require('./parent-watchdog.cjs').watchParent(Number(process.argv[2]));

let db;
let dirty = false;

function cell(value) {
  if (value instanceof Uint8Array) return `x'${Buffer.from(value).toString('hex')}'`;
  return typeof value === 'bigint' ? Number(value) : value;
}

function quote(name) {
  return `"${String(name).replace(/"/g, '""')}"`;
}

function run(sql, keep, limit) {
  let statement;
  try {
    statement = db.prepare(sql);
  } catch (error) {
    return { kind: 'error', message: error.message };
  }

  try {
    if (!statement.readonly) dirty = true;
    if (!statement.reader) return { kind: 'done', count: statement.run().changes };

    const columns = statement.columns().map((c) => c.name);
    const rows = [];
    let total = 0;
    for (const row of statement.raw(true).iterate()) {
      if (total === limit) return { kind: 'rows', columns, rows, total, overLimit: true };
      total += 1;
      if (rows.length < keep) rows.push(row.map(cell));
    }
    return { kind: 'rows', columns, rows, total, overLimit: false };
  } catch (error) {
    return { kind: 'error', message: error.message };
  }
}

const SCHEMA = "SELECT name, type FROM (SELECT name, type FROM sqlite_schema UNION ALL " +
  "SELECT name, type FROM sqlite_temp_schema) WHERE type IN ('table', 'view') " +
  "AND name NOT LIKE 'sqlite_%'";

function tables() {
  return db.prepare(`${SCHEMA} ORDER BY name`).raw().all().map(([name, kind]) => ({
    name, kind, rows: cell(db.prepare(`SELECT COUNT(*) FROM ${quote(name)}`).pluck().get()),
  }));
}

function describe(wanted) {
  const found = db.prepare(`${SCHEMA} AND lower(name) = lower(?)`).raw().get(wanted);
  if (!found) return null;
  const [name, kind] = found;

  const columns = db.prepare('SELECT name, type, "notnull", dflt_value, pk ' +
    'FROM pragma_table_info(?) ORDER BY cid').raw().all(name);
  const keys = db.prepare('SELECT id, "table", "from", "to", on_delete, on_update ' +
    'FROM pragma_foreign_key_list(?) ORDER BY id, seq').raw().all(name);
  const foreignKeys = [];
  for (const [id, table, from, to, onDelete, onUpdate] of keys) {
    let key = foreignKeys.find((k) => k.id === id);
    if (!key) {
      key = { id, columns: [], table, references: [], onDelete, onUpdate };
      foreignKeys.push(key);
    }
    key.columns.push(from);
    key.references.push(to);
  }

  const indexes = db.prepare('SELECT name, "unique", origin FROM pragma_index_list(?) ' +
    "WHERE origin <> 'pk' ORDER BY name").raw().all(name).map(([index, unique, origin]) => ({
    // Indexes behind UNIQUE constraints get generated names that tell nothing.
    name: origin === 'u' ? '' : index,
    unique: unique === 1,
    columns: db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').pluck()
      .all(index),
  }));

  const referencedBy = [];
  for (const [other] of db.prepare(`${SCHEMA} AND type = 'table' ORDER BY name`).raw().all()) {
    for (const [from] of db.prepare('SELECT "from" FROM pragma_foreign_key_list(?) ' +
      'WHERE lower("table") = lower(?)').raw().all(other, name)) {
      referencedBy.push(`${other}.${from}`);
    }
  }

  return {
    name,
    kind,
    columns: columns.map(([column, type, notNull, defaultValue, pk]) => ({
      name: column, type, nullable: notNull === 0 && pk === 0, defaultValue, primaryKey: pk > 0,
    })),
    primaryKey: columns.filter((c) => c[4] > 0).sort((a, b) => a[4] - b[4]).map((c) => c[0]),
    foreignKeys: foreignKeys.map(({ id, ...key }) => key),
    referencedBy,
    indexes,
  };
}

function answer(request) {
  switch (request.type) {
    case 'run':
      return run(request.sql, request.keep, request.limit);
    case 'tables':
      return tables();
    case 'describe':
      return describe(request.table);
    default:
      throw new Error(`unknown request ${request.type}`);
  }
}

process.on('message', (request) => {
  if (request.type === 'open') {
    try {
      const source = request.snapshot ? Buffer.from(request.snapshot)
        : readFileSync(request.path);
      db = new Database(source, { nativeBinding });
      db.pragma('foreign_keys = ON');
      process.send({ type: 'ready' });
    } catch (error) {
      process.send({ type: 'failed', message: error.message });
    }
    return;
  }

  let result;
  try {
    result = answer(request);
  } catch (error) {
    result = { kind: 'error', message: error.message };
  }

  // A finished change is kept by the parent; an open transaction is not finished.
  let snapshot;
  if (dirty && !db.inTransaction) {
    snapshot = db.serialize();
    dirty = false;
  }
  process.send({ id: request.id, result, snapshot, inTransaction: db.inTransaction });
});

process.on('disconnect', () => process.exit(0));
