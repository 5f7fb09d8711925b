// Schema verdict texts and DDL error explanations: each names what to fix.
import { describe, expect, it } from 'vitest';
import { explainEngineError } from '../../src/render/engine-errors.js';
import { schemaDifferenceText } from '../../src/render/schema-verdict.js';

describe('schema difference texts', () => {
  it('tells a SQLite learner why an INTEGER primary key numbers itself', () => {
    const text = schemaDifferenceText({ kind: 'auto-increment', table: 'shipments',
      column: 'order_id', expected: false });
    expect(text).toContain('shipments.order_id не должен нумероваться автоматически');
    expect(text).toContain('объявите его как INT');
  });

  it('says how to number a surrogate key on each engine', () => {
    const text = schemaDifferenceText({ kind: 'auto-increment', table: 'warehouses',
      column: 'id', expected: true });
    expect(text).toContain('AUTO_INCREMENT');
    expect(text).toContain('INTEGER PRIMARY KEY');
  });

  it('names both spellings of the default action, which MariaDB and SQLite report apart', () => {
    const key = { table: 'wishlist_items', columns: ['book_id'], parent: 'books',
      references: ['id'] };
    const text = schemaDifferenceText({ kind: 'foreign-key-action', key, event: 'UPDATE',
      expected: 'RESTRICT', actual: 'CASCADE' });
    expect(text).toContain('ожидалось ON UPDATE RESTRICT или NO ACTION');
    expect(text).toContain('без ON UPDATE');
    expect(text).toContain('найдено ON UPDATE CASCADE.');
  });

  it('names a chosen action as it is when another one is expected', () => {
    const key = { table: 'preorders', columns: ['referrer_id'], parent: 'customers',
      references: ['id'] };
    const text = schemaDifferenceText({ kind: 'foreign-key-action', key, event: 'DELETE',
      expected: 'SET NULL', actual: 'NO ACTION' });
    expect(text).toContain('ожидалось ON DELETE SET NULL, найдено ON DELETE NO ACTION');
    expect(text).toContain('поведение по умолчанию');
  });
});

describe('engine error explanations for DDL', () => {
  it('names the missing key on the referenced side of a foreign key (errno 150)', () => {
    const text = explainEngineError('Can\'t create table `return_items` (errno: 150 ' +
      '"Foreign key constraint is incorrectly formed")');
    expect(text).toContain('PRIMARY KEY или UNIQUE');
    expect(text).toContain('столбцы после REFERENCES');
  });
});
