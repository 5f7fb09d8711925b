/**
 * MySQL's and MariaDB's catalog (information_schema COLUMNS, STATISTICS, KEY_COLUMN_USAGE,
 * REFERENTIAL_CONSTRAINTS, TABLE_CONSTRAINTS, CHECK_CONSTRAINTS) read into the
 * engine-neutral description of engines/catalog.ts.
 */
import type { Connection } from 'mysql2/promise';
import {
  checkColumns, normaliseAction, normaliseDefault, normaliseType, type Catalog, type TableInfo,
} from '../catalog.js';
import type { Flavor } from './driver.js';

type Row = (string | number | null)[];

async function rows(connection: Connection, sql: string, params: unknown[]): Promise<Row[]> {
  const [result] = await connection.query(sql, params) as unknown as [Row[]];
  return result;
}

const text = (cell: string | number | null) => (cell === null ? null : String(cell));
const lower = (cell: string | number | null) => String(cell ?? '').toLowerCase();

const NUMERIC_TYPES = new RegExp('^(tinyint|smallint|mediumint|int|integer|bigint|decimal|' +
  'numeric|float|double|real|bit|year)$', 'i');

/**
 * The default as SQL text. MariaDB already reports it so ('ru' quoted, NULL as the word);
 * MySQL gives the bare value and marks expressions with DEFAULT_GENERATED in EXTRA.
 */
function defaultSql(flavor: Flavor, value: string | null, dataType: string,
  extra: string): string | null {
  if (value === null || flavor === 'mariadb') return value;
  if (/DEFAULT_GENERATED/i.test(extra) || NUMERIC_TYPES.test(dataType)) return value;
  return `'${value.replace(/'/g, "''")}'`;
}

function emptyTable(name: string): TableInfo {
  return { name, columns: [], primaryKey: [], foreignKeys: [], uniques: [], indexes: [],
    checks: [] };
}

async function readColumns(connection: Connection, schema: string, flavor: Flavor,
  tables: Map<string, TableInfo>): Promise<void> {
  const found = await rows(connection, 'SELECT table_name, column_name, column_type, ' +
    'is_nullable, column_default, extra, data_type FROM information_schema.columns ' +
    'WHERE table_schema = ? ORDER BY table_name, ordinal_position', [schema]);

  for (const [table, column, type, nullable, value, extra, dataType] of found) {
    const info = tables.get(lower(table));
    if (!info) continue;
    info.columns.push({
      name: lower(column),
      type: normaliseType(String(type)),
      nullable: nullable === 'YES',
      default: normaliseDefault(defaultSql(flavor, text(value), String(dataType),
        String(extra ?? ''))),
      autoIncrement: /auto_increment/i.test(String(extra ?? '')),
    });
  }
}

async function readIndexes(connection: Connection, schema: string,
  tables: Map<string, TableInfo>): Promise<void> {
  const found = await rows(connection, 'SELECT table_name, index_name, non_unique, ' +
    'column_name FROM information_schema.statistics WHERE table_schema = ? ' +
    'ORDER BY table_name, index_name, seq_in_index', [schema]);
  const indexes = new Map<string, { table: TableInfo; unique: boolean; columns: string[];
    primary: boolean }>();

  for (const [table, index, nonUnique, column] of found) {
    const info = tables.get(lower(table));
    if (!info) continue;
    const key = `${lower(table)}\0${String(index)}`;
    const entry = indexes.get(key) ?? { table: info, unique: Number(nonUnique) === 0,
      columns: [], primary: index === 'PRIMARY' };
    // A functional index (MySQL 8.0.13+) has no column name.
    entry.columns.push(column === null ? '(expression)' : lower(column));
    indexes.set(key, entry);
  }

  for (const { table, unique, columns, primary } of indexes.values()) {
    if (primary) table.primaryKey = columns;
    else (unique ? table.uniques : table.indexes).push({ columns });
  }
}

async function readForeignKeys(connection: Connection, schema: string,
  tables: Map<string, TableInfo>): Promise<void> {
  const found = await rows(connection, 'SELECT k.table_name, k.constraint_name, ' +
    'k.column_name, k.referenced_table_name, k.referenced_column_name, r.delete_rule, ' +
    'r.update_rule FROM information_schema.key_column_usage k ' +
    'JOIN information_schema.referential_constraints r ON r.constraint_schema = ' +
    'k.constraint_schema AND r.constraint_name = k.constraint_name AND r.table_name = ' +
    'k.table_name WHERE k.table_schema = ? AND k.referenced_table_name IS NOT NULL ' +
    'ORDER BY k.table_name, k.constraint_name, k.ordinal_position', [schema]);
  const keys = new Map<string, { table: TableInfo; key: TableInfo['foreignKeys'][number] }>();

  for (const [table, name, column, parent, parentColumn, onDelete, onUpdate] of found) {
    const info = tables.get(lower(table));
    if (!info) continue;
    const id = `${lower(table)}\0${String(name)}`;
    const entry = keys.get(id) ?? { table: info, key: { columns: [], table: lower(parent),
      references: [], onDelete: normaliseAction(text(onDelete)),
      onUpdate: normaliseAction(text(onUpdate)) } };
    entry.key.columns.push(lower(column));
    entry.key.references.push(lower(parentColumn));
    keys.set(id, entry);
  }

  for (const { table, key } of keys.values()) table.foreignKeys.push(key);

  // InnoDB needs an index led by a foreign key's columns and makes one itself when the
  // table has none: an index on exactly those columns is part of the key, present however
  // the DDL was written (another primary key order leaves the key without a covering one).
  for (const table of tables.values()) {
    const keyColumns = new Set(table.foreignKeys.map((k) => k.columns.join(',')));
    table.indexes = table.indexes.filter((i) => !keyColumns.has(i.columns.join(',')));
  }
}

async function readChecks(connection: Connection, schema: string, flavor: Flavor,
  tables: Map<string, TableInfo>): Promise<void> {
  // MariaDB names CHECK constraints per table and lists the table beside them; MySQL names
  // them per schema, and the table comes from TABLE_CONSTRAINTS (where NOT ENFORCED shows).
  const found = flavor === 'mariadb'
    ? await rows(connection, 'SELECT table_name, check_clause FROM ' +
      'information_schema.check_constraints WHERE constraint_schema = ?', [schema])
    : await rows(connection, 'SELECT t.table_name, c.check_clause FROM ' +
      'information_schema.table_constraints t JOIN information_schema.check_constraints c ' +
      'ON c.constraint_schema = t.constraint_schema AND c.constraint_name = ' +
      "t.constraint_name WHERE t.table_schema = ? AND t.constraint_type = 'CHECK' " +
      "AND t.enforced = 'YES'", [schema]);

  for (const [table, clause] of found) {
    const info = tables.get(lower(table));
    if (!info) continue;
    const condition = String(clause);
    info.checks.push({ text: condition,
      columns: checkColumns(condition, info.columns.map((c) => c.name)) });
  }
}

/** The catalog of `names` (lower case) in `schema`; a table that does not exist is absent. */
export async function readCatalog(connection: Connection, schema: string, flavor: Flavor,
  names: string[]): Promise<Catalog> {
  const existing = await rows(connection, 'SELECT table_name FROM information_schema.tables ' +
    "WHERE table_schema = ? AND table_type = 'BASE TABLE'", [schema]);
  const tables = new Map<string, TableInfo>();
  for (const [table] of existing) {
    if (names.includes(lower(table))) tables.set(lower(table), emptyTable(lower(table)));
  }
  if (tables.size === 0) return {};

  await readColumns(connection, schema, flavor, tables);
  await readIndexes(connection, schema, tables);
  await readForeignKeys(connection, schema, tables);
  // Columns first: a check's columns are found among them.
  await readChecks(connection, schema, flavor, tables);

  return Object.fromEntries(tables);
}
