// `\d <table>` and `\?` in a narrow terminal: nothing is cut, wrapped lines stay in place.
import { describe, expect, it } from 'vitest';
import type { ConsoleSession, TableDescription } from '../../src/engines/console.js';
import { displayWidth } from '../../src/render/width.js';
import { createStyle } from '../../src/render/style.js';
import { renderDescription } from '../../src/ui/console/describe.js';
import { ConsoleRunner } from '../../src/ui/console/runner.js';

const books: TableDescription = {
  name: 'books',
  kind: 'table',
  columns: [
    { name: 'id', type: 'INTEGER', nullable: false, defaultValue: null, primaryKey: true },
    { name: 'published_year', type: 'SMALLINT', nullable: true, defaultValue: null,
      primaryKey: false },
    { name: 'price', type: 'DECIMAL(10,2)', nullable: false, defaultValue: null,
      primaryKey: false },
    { name: 'language', type: 'CHAR(2)', nullable: false, defaultValue: "'ru'",
      primaryKey: false },
  ],
  primaryKey: ['id'],
  foreignKeys: [],
  referencedBy: ['book_authors.book_id', 'order_items.book_id', 'reviews.book_id'],
  indexes: [],
};

describe('a table described in 60 columns', () => {
  it('shows whole column names and types and keeps every line in the width', () => {
    const text = renderDescription(books, { width: 60, style: createStyle(false) });
    expect(text).toMatch(/\| published_year \|/);
    expect(text).toContain('DECIMAL(10,2)');
    expect(text).not.toContain('…');
    expect(text).toContain('reviews.book_id');
    for (const line of text.split('\n')) {
      expect(displayWidth(line)).toBeLessThanOrEqual(60);
      expect(line).not.toMatch(/^ /);
    }
  });
});

describe('the console help in 60 columns', () => {
  it('hangs a wrapped command description under the description', () => {
    const session = { engine: 'sqlite', sandboxNote: 'Копия базы.' } as ConsoleSession;
    const runner = new ConsoleRunner(session, { keep: 10, stopOnError: false,
      screen: () => ({ width: 60, style: createStyle(false) }) });
    const lines = runner.helpText().split('\n');
    const at = lines.findIndex((line) => line.startsWith('  \\d <таблица>'));
    expect(lines[at + 1]).toMatch(/^ {18}\S/);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(60);
  });
});
