/**
 * A result too wide for the screen, shown record by record (column | value), as psql's
 * expanded mode does: every value stays whole instead of being cut to a few letters.
 */
import type { Cell } from '../../engines/engine.js';
import type { Screen } from '../../render/screen.js';
import { formatNumber } from '../../render/table.js';
import { displayWidth } from '../../render/width.js';

function text(cell: Cell): string {
  if (cell === null) return 'NULL';
  return typeof cell === 'number' ? formatNumber(cell) : cell.replace(/\s*\n\s*/g, ' ');
}

/** True when the table would fit without cutting any cell. */
export function fitsAsTable(columns: string[], rows: Cell[][], width: number): boolean {
  const natural = columns.map((name, c) =>
    Math.max(displayWidth(name), ...rows.map((row) => displayWidth(text(row[c])))));
  return natural.reduce((a, b) => a + b, 0) + 3 * columns.length + 1 <= width;
}

/** Pieces of at most `width` display columns. */
function chunks(value: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const char of value) {
    if (displayWidth(line + char) > width) {
      out.push(line);
      line = '';
    }
    line += char;
  }
  out.push(line);
  return out;
}

export function renderRecords(columns: string[], rows: Cell[][], screen: Screen): string {
  const { style, width } = screen;
  const label = Math.min(Math.max(...columns.map((c) => displayWidth(c))), Math.floor(width / 3));
  const room = Math.max(10, width - label - 3);

  return rows.map((row, r) => {
    const title = `-[ ${r + 1} ]`;
    const lines = [style.dim(title + '-'.repeat(Math.max(0, width - displayWidth(title))))];
    columns.forEach((name, c) => {
      const shownName = displayWidth(name) > label ? `${[...name].slice(0, label - 1)
        .join('')}…` : name;
      const padded = style.bold(shownName) + ' '.repeat(label - displayWidth(shownName));
      chunks(text(row[c]), room).forEach((piece, i) => {
        const value = row[c] === null ? style.dim(piece) : piece;
        lines.push(`${i === 0 ? padded : ' '.repeat(label)} | ${value}`);
      });
    });
    return lines.join('\n');
  }).join('\n');
}
