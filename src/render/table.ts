/**
 * Tables of values that fit the terminal: columns shrink from the widest, cells are cut with
 * an ellipsis. The same layout colours or plain, so piped output stays readable.
 */
import { displayWidth, piecesOfWidth } from './width.js';
import type { Style } from './style.js';

export interface TableOptions {
  width: number;
  style: Style;
  /** Shown in place of NULL values. */
  nullText?: string;
  /** Wrap long cells onto more lines (prose tables) instead of cutting them (results). */
  wrap?: boolean;
}

/** Numbers without float noise: 1130.800000000003 is shown as 1130.8. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
}

function cut(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const char of text) {
    const size = displayWidth(char);
    if (used + size > width - 1) break;
    out += char;
    used += size;
  }
  return out + '…';
}

function pad(text: string, width: number, right: boolean): string {
  const gap = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? gap + text : text + gap;
}

function wrapCell(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';

  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (displayWidth(next) <= width) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    // A word wider than the column goes on in the next lines: nothing of a cell is lost.
    const pieces = piecesOfWidth(word, width);
    lines.push(...pieces.slice(0, -1));
    line = pieces[pieces.length - 1];
  }

  lines.push(line);
  return lines;
}

/**
 * Shrinks the widest column, one step at a time, until the row fits; no column goes under its
 * minimum while another can still give (for wrapped tables: its longest word).
 */
function fitWidths(natural: number[], minimum: number[], available: number): number[] {
  const widths = [...natural];
  const total = () => widths.reduce((a, b) => a + b, 0);

  for (const floor of [minimum, widths.map(() => 3)]) {
    while (total() > available) {
      const candidates = widths.map((w, i) => (w > floor[i] ? w : -1));
      const widest = candidates.indexOf(Math.max(...candidates));
      if (candidates[widest] < 0) break;
      widths[widest] -= 1;
    }
  }

  return widths;
}

export function renderTable(headers: string[], rows: (string | number | null)[][],
  options: TableOptions): string {
  const { style } = options;
  const nullText = options.nullText ?? 'NULL';
  const text = rows.map((row) => row.map((cell) => (cell === null ? nullText
    : typeof cell === 'number' ? formatNumber(cell) : cell.replace(/\s*\n\s*/g, ' '))));
  const numeric = headers.map((_, c) => rows.length > 0 &&
    rows.every((row) => row[c] === null || typeof row[c] === 'number'));

  const natural = headers.map((h, c) =>
    Math.max(displayWidth(h), ...text.map((row) => displayWidth(row[c] ?? ''))));
  // Borders: "| " before each column, " |" after the last: 3 per column + 1.
  const longestWord = (c: number) => Math.max(...[headers[c], ...text.map((row) => row[c] ?? '')]
    .flatMap((cell) => cell.split(' ').map((word) => displayWidth(word))));
  const minimum = headers.map((_, c) => (options.wrap ? Math.min(natural[c], longestWord(c)) : 3));
  const widths = fitWidths(natural, minimum, options.width - (3 * headers.length + 1));

  const line = (cells: string[], paint: (s: string, c: number) => string): string => {
    const parts = cells.map((cell, c) =>
      (options.wrap ? wrapCell(cell, widths[c]) : [cut(cell, widths[c])]));
    const height = Math.max(...parts.map((p) => p.length));

    return Array.from({ length: height }, (_, i) => '| ' + parts.map((p, c) =>
      paint(pad(p[i] ?? '', widths[c], numeric[c]), c)).join(' | ') + ' |').join('\n');
  };
  const rule = '+' + widths.map((w) => '-'.repeat(w + 2)).join('+') + '+';

  const body = text.map((row, r) => line(row, (s, c) =>
    (rows[r][c] === null ? style.dim(s) : s)));

  return [rule, line(headers, (s) => style.bold(s)), rule, ...body, rule].join('\n');
}
