/**
 * A look at the statements of a change answer before it runs. The engine still parses and
 * runs the text as a whole; this only refuses statements a change exercise never needs
 * (transaction control, DDL, ATTACH, dynamic SQL), so that nothing can outlive the check.
 */

/** True when the text holds nothing but comments and blanks (the server calls it OK). */
export function isBlankSql(sql: string): boolean {
  const stripped = sql
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/(--\s|#)[^\n]*/g, ' ')
    .replace(/;/g, ' ');
  return stripped.trim() === '';
}

/** The text with string literals and comments blanked out, keeping positions. */
export function blankLiterals(sql: string): string {
  return sql
    .replace(/'(?:[^'\\]|\\.|'')*'/g, (m) => `'${' '.repeat(Math.max(0, m.length - 2))}'`)
    .replace(/"(?:[^"\\]|\\.|"")*"/g, (m) => `"${' '.repeat(Math.max(0, m.length - 2))}"`)
    .replace(/`[^`]*`/g, (m) => ' '.repeat(m.length))
    .replace(/\/\*[\s\S]*?\*\//g, (m) => ' '.repeat(m.length))
    .replace(/(--\s|#)[^\n]*/g, (m) => ' '.repeat(m.length));
}

const ALLOWED = /^(insert|update|delete|replace|select|with)\b/i;
const FORBIDDEN = /\b(attach|detach|vacuum|pragma|load_extension|prepare|execute|deallocate|call|handler|outfile|dumpfile|dbcourse\w*)\b/i;

/** The first statement (its first words) that a change exercise does not allow, if any. */
export function forbiddenStatement(sql: string): string | undefined {
  const blank = blankLiterals(sql.replace(/^\uFEFF/, ''));
  let start = 0;

  for (const part of blank.split(';')) {
    const original = sql.slice(start, start + part.length).trim();
    start += part.length + 1;
    const text = part.trim();
    if (text === '') continue;
    if (!ALLOWED.test(text) || FORBIDDEN.test(text)) {
      return original.split(/\s+/).slice(0, 4).join(' ');
    }
  }

  return undefined;
}
