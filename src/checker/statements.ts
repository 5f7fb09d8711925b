/**
 * A look at the statements of an answer before it runs. The engine still parses and runs the
 * text as a whole; this only refuses statements the exercise never needs (transaction control,
 * ATTACH, PRAGMA, dynamic SQL, other databases; DDL in a change; anything but CREATE INDEX
 * before the SELECT of a plan answer), so that nothing can reach beyond the check's own copy
 * or outlive it.
 */

/** True when the text holds nothing but comments and blanks (the server calls it OK). */
export function isBlankSql(sql: string): boolean {
  return blankLiterals(sql).replace(/;/g, ' ').trim() === '';
}

/**
 * How an engine reads the text: MySQL takes a backslash in a string as an escape, `--` as a
 * comment only before a space (`1--1` is 1 minus minus 1) and `#` as a comment; SQLite takes
 * none of that. `loose` (the default) is the lenient reading for what only needs words.
 * A screen reads the text both ways and refuses what either engine would run.
 */
export type Dialect = 'loose' | 'mysql' | 'sqlite';

/**
 * The text with string literals, quoted names and comments blanked out, keeping positions;
 * with `keepNames`, `names` and "names" stay as written (a screen must see the names used).
 * One pass from left to right, so an apostrophe inside a comment (-- O'Reilly) starts no
 * string and a -- inside a string starts no comment.
 */
export function blankLiterals(sql: string,
  options: { keepNames?: boolean; dialect?: Dialect } = {}): string {
  return scan(sql, options.keepNames ?? false, options.dialect ?? 'loose').text;
}

/** Whether the text has a MySQL executable comment, /*! ... *\/ or /*M! ... *\/. */
export function hasExecutableComment(sql: string): boolean {
  return scan(sql, false, 'loose').executable || scan(sql, false, 'mysql').executable;
}

/** The dialects a screen reads a text in: refused if refused in either. */
const SCREENED: Dialect[] = ['mysql', 'sqlite'];

function scan(sql: string, keepNames: boolean, dialect: Dialect):
  { text: string; executable: boolean } {
  let executable = false;
  let out = '';
  let i = 0;

  while (i < sql.length) {
    const c = sql[i];
    const next = sql[i + 1];
    let end = i + 1;

    if (c === "'" || c === '"' || c === '`') {
      end = i + 1;
      while (end < sql.length) {
        if (sql[end] === '\\' && c !== '`' && dialect !== 'sqlite') end += 2;
        else if (sql[end] === c && sql[end + 1] === c) end += 2;
        else if (sql[end] === c) break;
        else end += 1;
      }
      // An unclosed string runs to the end of the text: none of it is code.
      const closed = end < sql.length;
      end = Math.min(end + 1, sql.length);
      out += keepNames && c !== "'" ? sql.slice(i, end)
        : c + ' '.repeat(Math.max(0, end - i - (closed ? 2 : 1))) + (closed ? sql[end - 1] : '');
      i = end;
      continue;
    }

    const dashes = c === '-' && next === '-' &&
      (dialect !== 'mysql' || i + 2 >= sql.length || /[\s\x00-\x1f]/.test(sql[i + 2]));
    if (dashes || (c === '#' && dialect !== 'sqlite')) {
      end = sql.indexOf('\n', i);
      end = end < 0 ? sql.length : end;
    } else if (c === '/' && next === '*') {
      // MySQL runs what such a comment holds: it is code, not a comment, to a screen.
      if (/^\/\*M?!/.test(sql.slice(i, i + 4))) executable = true;
      end = sql.indexOf('*/', i + 2);
      end = end < 0 ? sql.length : end + 2;
    } else {
      out += c;
      i += 1;
      continue;
    }

    out += sql.slice(i, end).replace(/[^\n]/g, ' ');
    i = end;
  }

  return { text: out, executable };
}

const ALLOWED = /^(insert|update|delete|replace|select|with)\b/i;
const FORBIDDEN = new RegExp('\\b(attach|detach|vacuum|pragma|load_extension|prepare|execute|' +
  'deallocate|call|handler|outfile|dumpfile|dbcourse\\w*)\\b', 'i');

/**
 * Schema answers: DDL on tables, indexes (FULLTEXT and SPATIAL ones too: MySQL-only exercises
 * build them) and views, and the DML that may go with it.
 */
const SCHEMA_ALLOWED = new RegExp('^(create\\s+(unique\\s+|fulltext\\s+|spatial\\s+|' +
  'or\\s+replace\\s+)?(table|index|view)|' +
  'alter\\s+(table|view)|drop\\s+(table|index|view)|rename\\s+table|insert|update|delete|' +
  'replace|select|with)\\b', 'i');
/**
 * Never in a schema answer: other databases (the course user's rights reach every dbcourse_
 * database, the shared datasets included), files, dynamic SQL, and storage engines or table
 * options that reach another server or the file system.
 */
const SCHEMA_FORBIDDEN = new RegExp('\\b(attach|detach|vacuum|pragma|load_extension|prepare|' +
  'execute|deallocate|call|handler|outfile|dumpfile|infile|dbcourse\\w*|information_schema|' +
  'performance_schema|mysql|sys|database|schema|temporary|temp|federated|federatedx|connect|' +
  'spider|connection|directory|definer)\\b', 'i');

/** MySQL runs the text of executable comments: it would pass every screen here unseen. */
export const EXECUTABLE_COMMENT = '/*! ... */';

interface Statement {
  /** As written, from its first word (comments before it left out). */
  original: string;
  /** The same with literals and comments blanked (names too, unless kept). */
  words: string;
}

/** The statements of a text, split at the semicolons outside literals and comments. */
function statements(sql: string, keepNames = false, dialect: Dialect = 'loose'): Statement[] {
  const text = sql.replace(/^\uFEFF/, '');
  const blank = blankLiterals(text, { keepNames, dialect });
  const found: Statement[] = [];
  let start = 0;

  for (const part of blank.split(';')) {
    const first = part.search(/\S/);
    if (first >= 0) {
      found.push({ original: text.slice(start + first, start + part.length).trim(),
        words: part.trim() });
    }
    start += part.length + 1;
  }

  return found;
}

function firstWords(statement: Statement): string {
  return statement.original.split(/\s+/).slice(0, 4).join(' ');
}

function firstRefused(sql: string, allowed: RegExp, forbidden: RegExp,
  keepNames: boolean): string | undefined {
  if (hasExecutableComment(sql)) return EXECUTABLE_COMMENT;
  for (const dialect of SCREENED) {
    const refused = statements(sql, keepNames, dialect)
      .find((s) => !allowed.test(s.words) || forbidden.test(s.words));
    if (refused) return firstWords(refused);
  }
  return undefined;
}

/** The first statement (its first words) that a change exercise does not allow, if any. */
export function forbiddenStatement(sql: string): string | undefined {
  return firstRefused(sql, ALLOWED, FORBIDDEN, false);
}

/** The first statement (its first words) that a schema exercise does not allow, if any. */
export function forbiddenSchemaStatement(sql: string): string | undefined {
  return firstRefused(sql, SCHEMA_ALLOWED, SCHEMA_FORBIDDEN, true);
}

export type PlanScreen =
  | { ok: true; indexes: string[]; select: string }
  | { ok: false; reason: PlanRefusal; statement: string };

/**
 * - not-index: a statement before the SELECT is not CREATE [UNIQUE] INDEX;
 * - no-select: the answer does not end with a SELECT;
 * - two-selects: more than one SELECT;
 * - qualified-name: the index is put into a named database (only the check's copy is meant);
 * - executable-comment: a MySQL /*! ... *\/ comment, which would run unseen.
 */
export type PlanRefusal = 'not-index' | 'no-select' | 'two-selects' | 'qualified-name' |
  'executable-comment';

const CREATE_INDEX = /^create\s+(unique\s+)?index\b/i;
const SELECT = /^(select|with|\()/i;
/** A dot between two names (db.table), not inside a number (price > 9.5). */
const QUALIFIED = /[\p{L}_`"\]]\s*\.\s*[\p{L}_`"[]/u;

/**
 * A plan answer: CREATE [UNIQUE] INDEX statements, then exactly one SELECT (or WITH), which
 * is explained on the check's copy of the dataset. Anything else is refused before it runs.
 */
export function planStatements(sql: string): PlanScreen {
  if (hasExecutableComment(sql)) {
    return { ok: false, reason: 'executable-comment', statement: EXECUTABLE_COMMENT };
  }
  // Both engines must read the same statements, each of them allowed.
  const [mysql, sqlite] = SCREENED.map((dialect) => planScreen(sql, dialect));
  if (!mysql.ok || !sqlite.ok) return !mysql.ok ? mysql : sqlite;
  if (JSON.stringify(mysql) !== JSON.stringify(sqlite)) {
    return { ok: false, reason: 'not-index', statement: mysql.select.split(/\s+/).slice(0, 4)
      .join(' ') };
  }
  return mysql;
}

function planScreen(sql: string, dialect: Dialect): PlanScreen {
  const found = statements(sql, false, dialect);
  const last = found.at(-1);
  if (!last || !SELECT.test(last.words)) {
    return { ok: false, reason: 'no-select', statement: last ? firstWords(last) : '' };
  }

  for (const statement of found.slice(0, -1)) {
    if (SELECT.test(statement.words)) {
      return { ok: false, reason: 'two-selects', statement: firstWords(statement) };
    }
    const names = blankLiterals(statement.original, { keepNames: true, dialect });
    const refusal = !CREATE_INDEX.test(statement.words) ? 'not-index'
      : QUALIFIED.test(names) || /dbcourse/i.test(names) ? 'qualified-name'
        : FORBIDDEN.test(statement.words) ? 'not-index' : undefined;
    if (refusal) return { ok: false, reason: refusal, statement: firstWords(statement) };
  }

  return { ok: true, indexes: found.slice(0, -1).map((s) => s.original),
    select: last.original };
}
