/**
 * A look at the statements of a change or schema answer before it runs. The engine still
 * parses and runs the text as a whole; this only refuses statements the exercise never needs
 * (transaction control, ATTACH, PRAGMA, dynamic SQL, other databases; DDL in a change), so
 * that nothing can reach beyond the check's own copy or outlive it.
 */

/** True when the text holds nothing but comments and blanks (the server calls it OK). */
export function isBlankSql(sql: string): boolean {
  return blankLiterals(sql).replace(/;/g, ' ').trim() === '';
}

/**
 * The text with string literals, quoted names and comments blanked out, keeping positions;
 * with `keepQuotedNames`, `names` and "names" stay (a screen must see the names used).
 * One pass from left to right, so an apostrophe inside a comment (-- O'Reilly) starts no
 * string and a -- inside a string starts no comment.
 */
export function blankLiterals(sql: string, keepQuotedNames = false): string {
  return scan(sql, keepQuotedNames).text;
}

/** Whether the text has a MySQL executable comment, /*! ... *\/ or /*M! ... *\/. */
export function hasExecutableComment(sql: string): boolean {
  return scan(sql, false).executable;
}

function scan(sql: string, keepQuotedNames: boolean): { text: string; executable: boolean } {
  let executable = false;
  let out = '';
  let i = 0;

  while (i < sql.length) {
    const c = sql[i];
    const next = sql[i + 1];
    let end = i + 1;

    if (c === "'" || (!keepQuotedNames && (c === '"' || c === '`'))) {
      end = i + 1;
      while (end < sql.length) {
        if (sql[end] === '\\' && c !== '`') end += 2;
        else if (sql[end] === c && sql[end + 1] === c) end += 2;
        else if (sql[end] === c) break;
        else end += 1;
      }
      // An unclosed string runs to the end of the text: none of it is code.
      const closed = end < sql.length;
      end = Math.min(end + 1, sql.length);
      out += c + ' '.repeat(Math.max(0, end - i - (closed ? 2 : 1))) + (closed ? sql[end - 1] : '');
      i = end;
      continue;
    }

    if ((c === '-' && next === '-') || c === '#') {
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

/** Schema answers: DDL on tables, indexes and views, and the DML that may go with it. */
const SCHEMA_ALLOWED = new RegExp('^(create\\s+(unique\\s+|or\\s+replace\\s+)?(table|index|view)|' +
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

function firstRefused(sql: string, allowed: RegExp, forbidden: RegExp,
  keepQuotedNames: boolean): string | undefined {
  const text = sql.replace(/^\uFEFF/, '');
  // MySQL runs the text of /*! ... */ comments: it would pass the screen unseen.
  if (hasExecutableComment(text)) return '/*!';

  const blank = blankLiterals(text, keepQuotedNames);
  let start = 0;

  for (const part of blank.split(';')) {
    // The statement as written, from its first word (comments before it left out).
    const first = part.search(/\S/);
    const original = first < 0 ? '' : text.slice(start + first, start + part.length).trim();
    start += part.length + 1;
    const words = part.trim();
    if (words === '') continue;
    if (!allowed.test(words) || forbidden.test(words)) {
      return original.split(/\s+/).slice(0, 4).join(' ');
    }
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
