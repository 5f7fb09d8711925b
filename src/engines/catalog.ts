/**
 * One engine-neutral description of a schema, read from each engine's catalog (SQLite's
 * PRAGMAs, MySQL's information_schema) and compared by the schema checker. Names are lower
 * case; types and defaults are normalised here, by one rule for both engines, so that the
 * same DDL written differently reads the same.
 */

/** A column type reduced to what a schema exercise judges (see `normaliseType`). */
export interface ColumnType {
  /** What is compared: `DECIMAL(10,2)`, `VARCHAR(200)`, `INTEGER`, `FLOAT`, `TEXT`. */
  key: string;
  /** The type as declared, upper case, for messages: `FLOAT`, `SMALLINT`, `NUMERIC(8,2)`. */
  shown: string;
}

export interface ColumnInfo {
  name: string;
  type: ColumnType;
  nullable: boolean;
  /** The default as a canonical SQL literal (`0`, `'ru'`, `CURRENT_TIMESTAMP`), or null. */
  default: string | null;
  /** MySQL AUTO_INCREMENT, SQLite INTEGER PRIMARY KEY (a rowid alias) or AUTOINCREMENT. */
  autoIncrement: boolean;
}

export type ReferentialAction = 'CASCADE' | 'SET NULL' | 'SET DEFAULT' | 'RESTRICT' | 'NO ACTION';

export interface ForeignKeyInfo {
  /** Referencing columns, in the order of the key's column pairs. */
  columns: string[];
  table: string;
  /** Referenced columns, paired with `columns`. */
  references: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

export interface IndexInfo {
  /** Key columns in index order; an expression is `(expression)`. */
  columns: string[];
}

export interface CheckInfo {
  /** The table's columns the condition mentions, sorted. */
  columns: string[];
  /** The condition as the engine keeps it, for messages. */
  text: string;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  /** Primary key columns in key order; empty when the table has none. */
  primaryKey: string[];
  foreignKeys: ForeignKeyInfo[];
  /** UNIQUE constraints and unique indexes (the primary key excluded). */
  uniques: IndexInfo[];
  /** Non-unique indexes. */
  indexes: IndexInfo[];
  checks: CheckInfo[];
}

/** The tables an exercise asked about, by lower-case name; absent tables are missing. */
export type Catalog = Record<string, TableInfo>;

const INTEGER = new RegExp('^(TINYINT|SMALLINT|MEDIUMINT|INT|INTEGER|BIGINT|INT2|INT4|INT8|' +
  'BOOL|BOOLEAN|SERIAL)$');
const DECIMAL = /^(DECIMAL|NUMERIC|DEC|FIXED)$/;
const FLOAT = /^(FLOAT|DOUBLE|DOUBLE PRECISION|REAL|FLOAT4|FLOAT8)$/;
const VARCHAR = new RegExp('^(VARCHAR|CHARACTER VARYING|CHAR VARYING|NVARCHAR|' +
  'NATIONAL VARCHAR|VARCHAR2|VARYING CHARACTER|NATIVE CHARACTER)$');
const CHAR = /^(CHAR|CHARACTER|NCHAR|NATIONAL CHAR|NATIONAL CHARACTER)$/;
const TEXT = /^(TEXT|TINYTEXT|MEDIUMTEXT|LONGTEXT|CLOB|LONG|LONG VARCHAR)$/;
const BLOB = /^(BLOB|TINYBLOB|MEDIUMBLOB|LONGBLOB)$/;

/**
 * A declared type (SQLite keeps the text as written) or MySQL's COLUMN_TYPE, reduced to what
 * the course judges. Synonyms are one type (INTEGER = INT, NUMERIC = DECIMAL, REAL = DOUBLE,
 * DECIMAL = DECIMAL(10,0)); integer sizes, display widths and UNSIGNED are one "integer"
 * (a range that matters is a behaviour probe); DECIMAL keeps precision and scale, CHAR and
 * VARCHAR their length, date and time types stay apart. SQLite would store any of these by
 * its type affinity, but the course teaches MySQL types, so the declared name is what counts.
 */
export function normaliseType(declared: string): ColumnType {
  const shown = declared.trim().toUpperCase().replace(/\s+/g, ' ').replace(/\s*([(),])\s*/g, '$1')
    .replace(/\)(?=\S)/, ') ');
  const text = shown.replace(/ (UNSIGNED|SIGNED|ZEROFILL)\b/g, '').trim();
  const match = /^([A-Z][A-Z0-9_ ]*?)(?:\((.*)\))?$/.exec(text);
  if (!match) return { key: text, shown };

  const base = match[1].trim();
  const params = match[2]?.split(',').map((p) => p.trim()) ?? [];
  const key = (() => {
    if (base === '') return 'NONE';
    if (INTEGER.test(base)) return 'INTEGER';
    if (DECIMAL.test(base)) return `DECIMAL(${params[0] ?? '10'},${params[1] ?? '0'})`;
    if (FLOAT.test(base)) return 'FLOAT';
    if (VARCHAR.test(base)) return `VARCHAR(${params[0] ?? ''})`;
    if (CHAR.test(base)) return `CHAR(${params[0] ?? '1'})`;
    if (TEXT.test(base)) return 'TEXT';
    if (BLOB.test(base)) return 'BLOB';
    if (base === 'DATETIME' || base === 'TIMESTAMP' || base === 'TIME') {
      return params[0] && params[0] !== '0' ? `${base}(${params[0]})` : base;
    }
    return params.length > 0 ? `${base}(${params.join(',')})` : base;
  })();

  return { key, shown };
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

function canonicalNumber(text: string): string {
  return String(Number(text));
}

/**
 * A column default as one canonical SQL literal: `NULL` and no default are both null;
 * numbers by value (`0.00` = `0`, also when written as the string '0'); strings quoted;
 * CURRENT_TIMESTAMP however it is spelt; other expressions lower case without spaces.
 * `raw` is the default as SQL text (SQLite's dflt_value, MariaDB's COLUMN_DEFAULT).
 */
export function normaliseDefault(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  let text = raw.trim();
  // (expression) and ((expression)): the parentheses MySQL and SQLite require around them.
  while (/^\(.*\)$/s.test(text) && balanced(text.slice(1, -1))) text = text.slice(1, -1).trim();

  if (/^null$/i.test(text) || text === '') return null;
  if (NUMBER.test(text)) return canonicalNumber(text);
  if (/^true$/i.test(text)) return '1';
  if (/^false$/i.test(text)) return '0';

  const quoted = /^(?:_\w+)?'((?:[^']|'')*)'$/s.exec(text);
  if (quoted) {
    const value = quoted[1].replace(/''/g, "'");
    return NUMBER.test(value.trim()) ? canonicalNumber(value.trim()) : `'${value}'`;
  }

  const expression = text.toLowerCase().replace(/[`"\s]/g, '');
  if (/^(current_timestamp|now|localtimestamp|localtime)(\(\d*\))?$/.test(expression)) {
    return 'CURRENT_TIMESTAMP';
  }
  if (/^(current_date|curdate)(\(\))?$/.test(expression)) return 'CURRENT_DATE';
  return expression;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '(') depth += 1;
    if (c === ')') depth -= 1;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/** ON DELETE / ON UPDATE as the engines report it, upper case with one space. */
export function normaliseAction(raw: string | null | undefined): ReferentialAction {
  const text = (raw ?? '').trim().toUpperCase().replace(/[\s_]+/g, ' ');
  if (text === 'CASCADE' || text === 'SET NULL' || text === 'SET DEFAULT' ||
    text === 'RESTRICT') return text;
  return 'NO ACTION';
}

/**
 * Whether two actions behave alike. RESTRICT and NO ACTION differ only for deferred checks,
 * which neither InnoDB nor the course uses: InnoDB treats them as one, and so does the course.
 */
export function sameAction(a: ReferentialAction, b: ReferentialAction): boolean {
  const plain = (x: ReferentialAction) => (x === 'NO ACTION' ? 'RESTRICT' : x);
  return plain(a) === plain(b);
}

/**
 * The columns of `columns` that a CHECK condition mentions: identifiers outside string
 * literals, bare, `quoted` or "quoted", compared in lower case.
 */
export function checkColumns(condition: string, columns: string[]): string[] {
  const known = new Set(columns.map((c) => c.toLowerCase()));
  const text = condition.replace(/'(?:[^'\\]|''|\\.)*'/g, ' ');
  const found = new Set<string>();
  for (const m of text.matchAll(/`([^`]+)`|"([^"]+)"|\[([^\]]+)\]|([A-Za-z_][A-Za-z0-9_$]*)/g)) {
    const name = (m[1] ?? m[2] ?? m[3] ?? m[4]).toLowerCase();
    if (known.has(name)) found.add(name);
  }
  return [...found].sort();
}
