/**
 * The console's input as data: the finished lines of a statement being typed, the line being
 * edited with its cursor, and where the learner is in the history. Pure functions, so keys are
 * tested without a terminal.
 */
import { isBlank, isComplete, isMetaCommand } from './split.js';

export interface EditorState {
  /** Lines already entered for the current statement. */
  lines: string[];
  line: string;
  /** Cursor position in `line`, in UTF-16 units. */
  cursor: number;
  /** The history entry shown, counted from the oldest; undefined when typing anew. */
  index?: number;
  /** What was being typed before the history was opened. */
  draft?: string;
}

export type EditKey = 'enter' | 'backspace' | 'delete' | 'left' | 'right' | 'home' | 'end' |
  'up' | 'down' | 'kill-line' | 'kill-word';

export interface EditResult {
  state: EditorState;
  /** A finished entry to run: statements ending with `;`, or a console command. */
  submitted?: string;
}

export const emptyEditor: EditorState = { lines: [], line: '', cursor: 0 };

/** The whole input as one text. */
export function editorText(state: EditorState): string {
  return [...state.lines, state.line].join('\n');
}

export function isEditorEmpty(state: EditorState): boolean {
  return state.lines.length === 0 && state.line === '';
}

function fromText(text: string, index?: number, draft?: string): EditorState {
  const lines = text.split('\n');
  const line = lines.pop() ?? '';
  return { lines, line, cursor: line.length, index, draft };
}

/**
 * Typed or pasted text; a paste with line breaks presses Enter at each of them, and a
 * backspace typed ahead in the same piece erases.
 */
export function insertText(state: EditorState, text: string): EditResult[] {
  const results: EditResult[] = [];
  const parts = text.replace(/\r\n?/g, '\n').split('\n');
  let current = state;

  parts.forEach((part, i) => {
    // Keys typed faster than a frame come in one piece: a backspace in it still erases.
    part.split(/[\b\u007f]/).forEach((piece, j) => {
      if (j > 0) current = pressKey(current, 'backspace', []).state;
      const clean = piece.replace(/\t/g, '  ').replace(/\p{Cc}/gu, '');
      current = { ...current, line: current.line.slice(0, current.cursor) + clean +
        current.line.slice(current.cursor), cursor: current.cursor + clean.length };
    });
    if (i < parts.length - 1) {
      const result = pressKey(current, 'enter', []);
      results.push(result);
      current = result.state;
    }
  });

  results.push({ state: current });
  return results;
}

function enter(state: EditorState): EditResult {
  const reset = { ...emptyEditor };
  if (state.lines.length === 0 && isMetaCommand(state.line)) {
    return { state: reset, submitted: state.line.trim() };
  }
  if (state.lines.length === 0 && isBlank(state.line)) return { state: reset };
  // A console command on a continuation line (\q, \d books) runs at once; the unfinished
  // statement above it stays.
  if (isMetaCommand(state.line)) {
    return { state: { lines: state.lines, line: '', cursor: 0 }, submitted: state.line.trim() };
  }

  const text = editorText(state);
  if (isComplete(text)) return { state: reset, submitted: text.trim() };
  return { state: { lines: [...state.lines, state.line], line: '', cursor: 0 } };
}

function recall(state: EditorState, history: readonly string[], step: -1 | 1): EditorState {
  if (history.length === 0) return state;
  if (state.index === undefined) {
    return step < 0 ? fromText(history[history.length - 1], history.length - 1,
      editorText(state)) : state;
  }

  const index = state.index + step;
  if (index >= history.length) return fromText(state.draft ?? '');
  return fromText(history[Math.max(0, index)], Math.max(0, index), state.draft);
}

/** UTF-16 units of the character before (-1) or after (1) the cursor: 2 for an emoji. */
function charSize(line: string, cursor: number, direction: -1 | 1): number {
  const at = direction < 0 ? cursor - 2 : cursor;
  return /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(line.slice(Math.max(0, at), at + 2)) ? 2 : 1;
}

export function pressKey(state: EditorState, key: EditKey, history: readonly string[]):
  EditResult {
  const { line, cursor } = state;
  const back = charSize(line, cursor, -1);
  const forward = charSize(line, cursor, 1);
  switch (key) {
    case 'enter':
      return enter(state);
    case 'backspace':
      if (cursor > 0) {
        return { state: { ...state, line: line.slice(0, cursor - back) + line.slice(cursor),
          cursor: cursor - back } };
      }
      // At the start of a continuation line: join it to the line above.
      if (state.lines.length === 0) return { state };
      return { state: { ...state, lines: state.lines.slice(0, -1),
        line: state.lines[state.lines.length - 1] + line,
        cursor: state.lines[state.lines.length - 1].length } };
    case 'delete':
      return { state: { ...state, line: line.slice(0, cursor) + line.slice(cursor + forward) } };
    case 'left':
      return { state: { ...state, cursor: Math.max(0, cursor - back) } };
    case 'right':
      return { state: { ...state, cursor: Math.min(line.length, cursor + forward) } };
    case 'home':
      return { state: { ...state, cursor: 0 } };
    case 'end':
      return { state: { ...state, cursor: line.length } };
    case 'kill-line':
      return { state: { ...state, line: line.slice(cursor), cursor: 0 } };
    case 'kill-word': {
      const start = line.slice(0, cursor).replace(/\S*\s*$/, '').length;
      return { state: { ...state, line: line.slice(0, start) + line.slice(cursor),
        cursor: start } };
    }
    case 'up':
      return { state: recall(state, history, -1) };
    case 'down':
      return { state: recall(state, history, 1) };
  }
}
