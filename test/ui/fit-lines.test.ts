// Reader lines wider than the screen are wrapped, never cut: code at its spaces, links after
// a "/", colours going on after the break.
import { describe, expect, it } from 'vitest';
import { createStyle } from '../../src/render/style.js';
import { displayWidth, stripAnsi } from '../../src/render/width.js';
import { fitLines } from '../../src/ui/reader/fit-lines.js';

describe('reader lines', () => {
  it('keep a line that fits', () => {
    expect(fitLines(['    SELECT 1;'], 40)).toEqual(['    SELECT 1;']);
  });

  it('wrap a long code line under itself, two columns further in', () => {
    const lines = fitLines(['    SELECT title, price FROM books WHERE price < 300 ORDER BY price;'],
      40);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(40);
    expect(lines[0]).toMatch(/^ {4}SELECT/);
    expect(lines.slice(1).every((l) => /^ {6}\S/.test(l))).toBe(true);
    expect(lines.map((l) => l.trim()).join(' '))
      .toBe('SELECT title, price FROM books WHERE price < 300 ORDER BY price;');
  });

  it('break a link after a "/" and keep every character', () => {
    const url = 'https://www.postgresql.org/docs/current/functions-comparison.html';
    const lines = fitLines([`  ${url}`], 40);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(40);
    expect(lines.map((l) => l.trim()).join('')).toBe(url);
  });

  it('open a colour again on the next line when it goes on past the break', () => {
    const { dim } = createStyle(true);
    const lines = fitLines([`    ${dim('-- a long comment that goes on and on past the edge')}`],
      30);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {6}\u001b\[2m/);
    expect(lines.map((l) => stripAnsi(l).trim()).join(' ')).toContain('past the edge');
  });
});
