// The console's input as data: where statements end, editing keys, history and its file.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  emptyEditor, insertText, pressKey, type EditorState,
} from '../../src/ui/console/editor.js';
import { HISTORY_LIMIT, historyPath, readHistory, remember } from '../../src/ui/console/history.js';
import { isComplete, splitStatements } from '../../src/ui/console/split.js';
import { tempDir } from '../helpers.js';

describe('where statements end', () => {
  it('splits at ";" outside strings, quoted names and comments', () => {
    expect(splitStatements("SELECT ';' AS a; -- x; y\nSELECT \"a;b\" FROM t; SELECT 3"))
      .toEqual({ statements: ["SELECT ';' AS a", '-- x; y\nSELECT "a;b" FROM t'],
        rest: ' SELECT 3' });
  });

  it('keeps a SQLite trigger body whole until END;', () => {
    const trigger = 'CREATE TRIGGER t AFTER INSERT ON books BEGIN UPDATE books SET stock = 0; ' +
      'DELETE FROM reviews; END';
    expect(splitStatements(`${trigger}; SELECT 1;`).statements).toEqual([trigger, 'SELECT 1']);
    expect(isComplete('CREATE TRIGGER t AFTER INSERT ON books BEGIN UPDATE books SET x = 1;'))
      .toBe(false);
  });

  it('is finished only when the text ends with a statement\'s ";"', () => {
    expect(isComplete('SELECT 1;')).toBe(true);
    expect(isComplete('SELECT 1; -- done')).toBe(true);
    expect(isComplete('SELECT 1')).toBe(false);
    expect(isComplete("SELECT 'it''s;")).toBe(false);
    expect(isComplete('-- only a comment;')).toBe(false);
  });
});

function typed(text: string): EditorState {
  const results = insertText(emptyEditor, text);
  return results[results.length - 1].state;
}

describe('editing keys', () => {
  it('submits a console command at once and a statement only after its ";"', () => {
    expect(pressKey(typed('\\d books'), 'enter', []).submitted).toBe('\\d books');
    const open = pressKey(typed('SELECT title'), 'enter', []);
    expect(open).toEqual({ state: { lines: ['SELECT title'], line: '', cursor: 0 } });
    const done = pressKey(insertText(open.state, 'FROM books;')[0].state, 'enter', []);
    expect(done.submitted).toBe('SELECT title\nFROM books;');
    expect(done.state).toEqual(emptyEditor);
  });

  it('runs \\q or \\d typed on a continuation line, keeping the statement above', () => {
    const open = pressKey(typed('SELECT title'), 'enter', []);
    const quit = pressKey(insertText(open.state, '\\q')[0].state, 'enter', []);
    expect(quit.submitted).toBe('\\q');
    expect(quit.state).toEqual({ lines: ['SELECT title'], line: '', cursor: 0 });
  });

  it('edits at the cursor and joins a continuation line back with backspace', () => {
    let state = typed('SELECT 1');
    state = pressKey(state, 'left', []).state;
    state = insertText(state, '0')[0].state;
    expect(state).toMatchObject({ line: 'SELECT 01', cursor: 8 });
    state = pressKey(pressKey(state, 'enter', []).state, 'backspace', []).state;
    expect(state).toMatchObject({ lines: [], line: 'SELECT 01', cursor: 9 });
    expect(pressKey(state, 'kill-word', []).state.line).toBe('SELECT ');
  });

  it('moves over and deletes an emoji as one character', () => {
    let state = typed("SELECT '📚'");
    state = pressKey(state, 'left', []).state;
    state = pressKey(state, 'backspace', []).state;
    expect(state).toMatchObject({ line: "SELECT ''", cursor: 8 });
  });

  it('submits each finished statement of a paste', () => {
    const results = insertText(emptyEditor, 'SELECT 1;\r\nSELECT\n2;\nSELECT 3');
    expect(results.map((r) => r.submitted).filter(Boolean)).toEqual(['SELECT 1;',
      'SELECT\n2;']);
    expect(results[results.length - 1].state.line).toBe('SELECT 3');
  });

  it('erases with the backspaces typed ahead in the same piece of text', () => {
    const results = insertText(emptyEditor, 'SELECT 33\u007f\u007f4;\rSELECT 5\b6');
    expect(results.map((r) => r.submitted).filter(Boolean)).toEqual(['SELECT 4;']);
    expect(results[results.length - 1].state.line).toBe('SELECT 6');
  });

  it('walks the history and brings back the draft after the newest entry', () => {
    const history = ['SELECT 1;', 'SELECT a\nFROM b;'];
    let state = typed('SELECT dra');
    state = pressKey(state, 'up', history).state;
    expect(state).toMatchObject({ lines: ['SELECT a'], line: 'FROM b;' });
    state = pressKey(pressKey(state, 'up', history).state, 'up', history).state;
    expect(state.line).toBe('SELECT 1;');
    state = pressKey(pressKey(state, 'down', history).state, 'down', history).state;
    expect(state).toMatchObject({ lines: [], line: 'SELECT dra', index: undefined });
  });
});

describe('the history file', () => {
  it('is kept between runs, bounded, without repeats, and survives a damaged file', () => {
    const path = historyPath(tempDir());
    const full = Array.from({ length: HISTORY_LIMIT }, (_, i) => `SELECT ${i};`);
    writeFileSync(path, JSON.stringify(full));
    let history = readHistory(path);
    for (let i = HISTORY_LIMIT; i < HISTORY_LIMIT + 5; i++) {
      history = remember(path, history, `SELECT ${i};`);
    }
    history = remember(path, history, `SELECT ${HISTORY_LIMIT + 4};`);

    const saved = readHistory(path);
    expect(saved).toHaveLength(HISTORY_LIMIT);
    expect(saved[0]).toBe('SELECT 5;');
    expect(saved[saved.length - 1]).toBe(`SELECT ${HISTORY_LIMIT + 4};`);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(saved);

    writeFileSync(path, '{ not json');
    expect(readHistory(path)).toEqual([]);
    expect(readHistory(join(tempDir(), 'missing.json'))).toEqual([]);
  });
});
