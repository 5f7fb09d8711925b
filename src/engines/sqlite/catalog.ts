/**
 * SQLite's catalog (PRAGMA table_xinfo, foreign_key_list, index_list, index_xinfo and the
 * CREATE TABLE text in sqlite_master, as sqlite-worker.cjs reads them) turned into the
 * engine-neutral description of engines/catalog.ts.
 */
import { blankLiterals } from '../../checker/statements.js';
import type { QueryFailure, SchemaState } from '../engine.js';
import {
  checkColumns, normaliseAction, normaliseDefault, normaliseType, type Catalog, type CheckInfo,
  type ColumnInfo, type IndexInfo, type TableInfo,
} from '../catalog.js';

interface RawColumn {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
  hidden: number;
}

interface RawForeignKey {
  id: number;
  seq: number;
  table: string;
  from: string;
  to: string | null;
  on_update: string;
  on_delete: string;
}

interface RawIndex {
  name: string;
  unique: number;
  origin: 'c' | 'u' | 'pk';
  partial: number;
  columns: { name: string | null; cid: number }[];
}

export interface RawTable {
  name: string;
  sql: string;
  columns: RawColumn[];
  foreignKeys: RawForeignKey[];
  indexes: RawIndex[];
}

/** What the worker returns for a schema request: the catalog still in PRAGMA rows. */
export type RawSchemaOutcome =
  | { ok: true; state: Omit<SchemaState, 'catalog'> & { catalog: Record<string, RawTable> } }
  | { ok: false; failure: QueryFailure };

/** The CHECK conditions of a CREATE TABLE statement, column and table constraints alike. */
export function checkConditions(createTable: string): string[] {
  const blank = blankLiterals(createTable);
  const found: string[] = [];

  for (const match of blank.matchAll(/\bcheck\s*\(/gi)) {
    const open = match.index + match[0].length - 1;
    let depth = 0;
    for (let i = open; i < blank.length; i++) {
      if (blank[i] === '(') depth += 1;
      if (blank[i] === ')') depth -= 1;
      if (depth === 0) {
        found.push(createTable.slice(open + 1, i).trim());
        break;
      }
    }
  }

  return found;
}

function indexColumns(index: RawIndex): string[] {
  return index.columns.map((c) => (c.name === null ? '(expression)' : c.name.toLowerCase()));
}

function foreignKeys(raw: RawTable) {
  const byId = new Map<number, RawForeignKey[]>();
  for (const row of raw.foreignKeys) byId.set(row.id, [...(byId.get(row.id) ?? []), row]);

  return [...byId.values()].map((rows) => {
    rows.sort((a, b) => a.seq - b.seq);
    return {
      columns: rows.map((r) => r.from.toLowerCase()),
      table: rows[0].table.toLowerCase(),
      // The worker has put the parent's primary key where REFERENCES named no columns.
      references: rows.map((r) => (r.to ?? '?').toLowerCase()),
      onDelete: normaliseAction(rows[0].on_delete),
      onUpdate: normaliseAction(rows[0].on_update),
    };
  });
}

export function sqliteTable(raw: RawTable): TableInfo {
  const visible = raw.columns.filter((c) => c.hidden !== 1);
  const primaryKey = visible.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk)
    .map((c) => c.name.toLowerCase());
  // INTEGER PRIMARY KEY (exactly that type name) is the rowid: it numbers new rows itself.
  const rowidAlias = primaryKey.length === 1 && !/\bwithout\s+rowid\b/i.test(raw.sql)
    ? visible.find((c) => c.pk === 1 && c.type.trim().toUpperCase() === 'INTEGER')
    : undefined;

  const columns: ColumnInfo[] = visible.map((c) => ({
    name: c.name.toLowerCase(),
    type: normaliseType(c.type),
    // SQLite lets NULL into a primary key that is not the rowid (a legacy quirk); the
    // standard and MySQL do not, and the course judges by the standard.
    nullable: c.notnull === 0 && c.pk === 0,
    default: normaliseDefault(c.dflt_value),
    autoIncrement: c === rowidAlias,
  }));

  const names = columns.map((c) => c.name);
  const checks: CheckInfo[] = checkConditions(raw.sql).map((text) =>
    ({ columns: checkColumns(text, names), text }));
  const uniques: IndexInfo[] = [];
  const indexes: IndexInfo[] = [];
  for (const index of raw.indexes) {
    if (index.origin === 'pk') continue;
    (index.unique ? uniques : indexes).push({ columns: indexColumns(index) });
  }

  return { name: raw.name.toLowerCase(), columns, primaryKey,
    foreignKeys: foreignKeys(raw), uniques, indexes, checks };
}

/** The raw catalog of the worker as the neutral one, by the names the exercise asked. */
export function sqliteCatalog(raw: Record<string, RawTable>): Catalog {
  const catalog: Catalog = {};
  for (const [name, table] of Object.entries(raw)) catalog[name.toLowerCase()] = sqliteTable(table);
  return catalog;
}
