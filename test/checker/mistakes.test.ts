// Which typical mistake a wrong answer may be told it looks like.
import { describe, expect, it } from 'vitest';
import { mutants } from '../../src/authoring/mutants.js';
import { judgedMistakes, plausibleMistake } from '../../src/checker/mistakes.js';

const may = (mutation: string, answer: string, reference = 'SELECT 1') =>
  plausibleMistake(mutation, answer, reference);

describe('plausible mistakes', () => {
  it('knows every mutation the mutants make', () => {
    const made = mutants('SELECT DISTINCT c.city, COUNT(o.id), COUNT(DISTINCT o.status) ' +
      'FROM customers c JOIN orders o ON o.customer_id = c.id LEFT JOIN reviews r ON ' +
      'r.customer_id = c.id WHERE o.id >= 1 AND o.id > 0 AND o.id <= 9 AND o.id < 8 AND ' +
      'c.id = (SELECT 1) AND c.id IN (SELECT 1) GROUP BY c.city ORDER BY c.city DESC');
    expect(new Set(made.map((m) => m.mutation))).toEqual(new Set(judgedMistakes));
  });

  it('names a bound only for an answer with that kind of comparison', () => {
    expect(may('< -> <=', 'SELECT id FROM books WHERE price <= 500')).toBe(true);
    expect(may('< -> <=', 'SELECT id FROM books WHERE 500 >= price')).toBe(true);
    expect(may('< -> <=', 'SELECT id FROM books WHERE price BETWEEN 1 AND 500')).toBe(true);
    expect(may('< -> <=', 'SELECT id FROM books ORDER BY price LIMIT 3 OFFSET 2')).toBe(false);
    expect(may('< -> <=', "SELECT id FROM books WHERE price < 500 AND title <> '<='"))
      .toBe(false);
    expect(may('<= -> <', 'SELECT id FROM books WHERE price < 500')).toBe(true);
    expect(may('>= -> >', 'SELECT id FROM books WHERE 500 < price')).toBe(true);
    expect(may('>= -> >', 'SELECT id FROM books WHERE price >= 500 AND id <> 3')).toBe(false);
    expect(may('> -> >=', 'SELECT id FROM books WHERE a <=> b')).toBe(false);
  });

  it('names a moved bound only for a comparison on the same side of it', () => {
    // The reference keeps books with no review rated <= 2; this answer's rating > 2 is the
    // right bound, written as the complement (its rows are wrong for another reason).
    expect(may('<= -> <', 'SELECT DISTINCT b.id FROM books b LEFT JOIN reviews r ' +
      'ON r.book_id = b.id WHERE r.rating > 2 OR r.id IS NULL')).toBe(false);
    expect(may('<= -> <', 'SELECT id FROM reviews WHERE 2 > rating')).toBe(true);
    expect(may('>= -> >', 'SELECT id FROM books WHERE price < 500')).toBe(false);
    expect(may('>= -> >', "SELECT id FROM books WHERE '2024-01-01' < created_at")).toBe(true);
    expect(may('< -> <=', 'SELECT id FROM books WHERE price >= 500')).toBe(false);
    expect(may('> -> >=', 'SELECT id FROM books WHERE price >= 500')).toBe(true);
    expect(may('> -> >=', 'SELECT id FROM books WHERE 500 <= price')).toBe(true);
    expect(may('> -> >=', 'SELECT id FROM t1 WHERE t1.x2 <= 5')).toBe(false);
  });

  it('names a JOIN kind only for an answer that joins that way', () => {
    expect(may('LEFT -> INNER JOIN', 'SELECT 1 FROM a JOIN b ON b.x = a.x')).toBe(true);
    expect(may('LEFT -> INNER JOIN', 'SELECT 1 FROM a INNER JOIN b ON b.x = a.x')).toBe(true);
    expect(may('LEFT -> INNER JOIN', 'SELECT 1 FROM a AS q, b WHERE b.x = q.x')).toBe(true);
    expect(may('LEFT -> INNER JOIN', 'SELECT 1 FROM a LEFT OUTER JOIN b ON b.x = a.x'))
      .toBe(false);
    expect(may('LEFT -> INNER JOIN', 'SELECT 1 FROM a WHERE a.x IN (SELECT x FROM b)'))
      .toBe(false);
    expect(may('INNER -> LEFT JOIN', 'SELECT 1 FROM a LEFT JOIN b ON b.x = a.x')).toBe(true);
    expect(may('INNER -> LEFT JOIN', 'SELECT 1 FROM b RIGHT JOIN a ON b.x = a.x')).toBe(true);
    expect(may('INNER -> LEFT JOIN', 'SELECT 1 FROM a JOIN b ON b.x = a.x')).toBe(false);
  });

  it('names COUNT, DISTINCT, subquery and order forms by what the answer has', () => {
    expect(may('COUNT(column) -> COUNT(*)', 'SELECT COUNT(*) FROM a')).toBe(true);
    expect(may('COUNT(column) -> COUNT(*)', 'SELECT COUNT(1) FROM a')).toBe(true);
    expect(may('COUNT(column) -> COUNT(*)', 'SELECT COUNT(a.x) FROM a')).toBe(false);
    expect(may('COUNT(DISTINCT x) -> COUNT(x)', 'SELECT COUNT(a.x) FROM a')).toBe(true);
    expect(may('COUNT(DISTINCT x) -> COUNT(x)', 'SELECT COUNT( DISTINCT a.x) FROM a'))
      .toBe(false);
    expect(may('DISTINCT dropped', 'SELECT city FROM a')).toBe(true);
    expect(may('DISTINCT dropped', 'SELECT DISTINCT city FROM a')).toBe(false);
    expect(may('= -> IN before a subquery', 'SELECT 1 FROM a WHERE x IN (SELECT x FROM b)'))
      .toBe(true);
    expect(may('IN -> = before a subquery', 'SELECT 1 FROM a WHERE x = (SELECT x FROM b)'))
      .toBe(true);
    expect(may('IN -> = before a subquery', 'SELECT 1 FROM a WHERE x >= (SELECT x FROM b)'))
      .toBe(false);
    expect(may('ORDER BY direction', 'SELECT x FROM a ORDER BY x')).toBe(true);
    expect(may('ORDER BY direction', "SELECT x FROM a WHERE y = 'ORDER BY'")).toBe(false);
  });

  it('names a sort direction only when the answer sorts by as many keys as the reference', () => {
    const reference = 'SELECT id, created_at FROM reviews WHERE rating >= 4 ' +
      'ORDER BY created_at DESC, id DESC';
    expect(may('ORDER BY direction', 'SELECT id, created_at FROM reviews WHERE rating >= 4 ' +
      'ORDER BY created_at DESC, id', reference)).toBe(true);
    expect(may('ORDER BY direction', 'SELECT id, created_at FROM reviews WHERE rating >= 4 ' +
      'ORDER BY created_at DESC LIMIT 10', reference)).toBe(false);
    expect(may('ORDER BY direction', 'SELECT id, created_at FROM reviews ' +
      'ORDER BY COALESCE(created_at, 0) DESC', reference)).toBe(false);
    expect(may('ORDER BY direction', 'SELECT g, ROW_NUMBER() OVER (PARTITION BY g ' +
      'ORDER BY price DESC, id) FROM b ORDER BY g', 'SELECT g, ROW_NUMBER() OVER ' +
      '(PARTITION BY g ORDER BY price DESC, id) FROM b ORDER BY g')).toBe(true);
    expect(may('ORDER BY direction', 'SELECT g, ROW_NUMBER() OVER (PARTITION BY g ' +
      'ORDER BY price DESC) FROM b ORDER BY g', 'SELECT g, ROW_NUMBER() OVER ' +
      '(PARTITION BY g ORDER BY price DESC, id) FROM b ORDER BY g')).toBe(false);
  });

  it('names a dropped condition only when the answer has fewer than the reference', () => {
    const reference = "SELECT id FROM orders WHERE status = 'paid' AND customer_id = 6 " +
      "AND created_at BETWEEN '2025-01-01' AND '2025-12-31'";
    expect(may('one AND condition dropped', "SELECT id FROM orders WHERE status = 'paid' " +
      "AND created_at BETWEEN '2025-01-01' AND '2025-12-31'", reference)).toBe(true);
    expect(may('one AND condition dropped', "SELECT id FROM orders WHERE status = 'paid' " +
      'AND customer_id = 6 AND created_at > 0 ORDER BY id LIMIT 5 OFFSET 1', reference))
      .toBe(false);
  });

  it('never names a mutation it does not know', () => {
    expect(may('something new', 'SELECT 1')).toBe(false);
  });
});
