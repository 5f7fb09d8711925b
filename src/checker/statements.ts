/**
 * A look at the statements of a change answer before it runs. The engine still parses and
 * runs the text as a whole; this only refuses statements a change exercise never needs
 * (transaction control, DDL, ATTACH, dynamic SQL), so that nothing can outlive the check.
 */

/** True when the text holds nothing but comments and blanks (the server calls it OK). */
export function isBlankSql(sql: string): boolean {
  return blankLiterals(sql).replace(/;/g, ' ').trim() === '';
}

/**
 * The text with string literals, quoted names and comments blanked out, keeping positions.
 * One pass from left to right, so an apostrophe inside a comment (-- O'Reilly) starts no
 * string and a -- inside a string starts no comment.
 */
export function blankLiterals(sql: string): string {
  let out = '';
  let i = 0;

  while (i < sql.length) {
    const c = sql[i];
    const next = sql[i + 1];
    let end = i + 1;

    if (c === "'" || c === '"' || c === '`') {
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

  return out;
}

const ALLOWED = /^(insert|update|delete|replace|select|with)\b/i;
const FORBIDDEN = new RegExp('\\b(attach|detach|vacuum|pragma|load_extension|prepare|execute|' +
  'deallocate|call|handler|outfile|dumpfile|dbcourse\\w*)\\b', 'i');

/** The first statement (its first words) that a change exercise does not allow, if any. */
export function forbiddenStatement(sql: string): string | undefined {
  const blank = blankLiterals(sql.replace(/^\uFEFF/, ''));
  let start = 0;

  const text = sql.replace(/^\uFEFF/, '');
  for (const part of blank.split(';')) {
    // The statement as written, from its first word (comments before it left out).
    const first = part.search(/\S/);
    const original = first < 0 ? '' : text.slice(start + first, start + part.length).trim();
    start += part.length + 1;
    const words = part.trim();
    if (words === '') continue;
    if (!ALLOWED.test(words) || FORBIDDEN.test(words)) {
      return original.split(/\s+/).slice(0, 4).join(' ');
    }
  }

  return undefined;
}
