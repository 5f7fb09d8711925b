/**
 * Where statements end in what the learner typed: at a `;` outside strings, quoted names and
 * comments (the console, like every SQL shell, runs statement by statement). A SQLite trigger
 * body holds `;` of its own and ends at `END;`.
 */
import { blankLiterals } from '../../checker/statements.js';

export interface Split {
  /** Finished statements, without their `;`; pieces holding only comments are left out. */
  statements: string[];
  /** What follows the last `;`: the start of a statement not finished yet. */
  rest: string;
}

const TRIGGER = /^\s*create\s+(temp\s+|temporary\s+)?trigger\b/i;

export function splitStatements(text: string): Split {
  const blank = blankLiterals(text);
  const statements: string[] = [];
  let start = 0;

  for (let i = blank.indexOf(';'); i >= 0; i = blank.indexOf(';', i + 1)) {
    const piece = blank.slice(start, i);
    if (TRIGGER.test(piece) && !/\bend\s*$/i.test(piece)) continue;
    if (piece.trim() !== '') statements.push(text.slice(start, i).trim());
    start = i + 1;
  }

  return { statements, rest: text.slice(start) };
}

/** True when the text holds nothing to run: blanks and comments only. */
export function isBlank(text: string): boolean {
  return blankLiterals(text).trim() === '';
}

/** True when the text ends a statement: the console runs it at Enter. */
export function isComplete(text: string): boolean {
  const { statements, rest } = splitStatements(text);
  return statements.length > 0 && isBlank(rest);
}

/** A console command (`\d books`) or a bare exit/quit, as typed on a line of its own. */
export function isMetaCommand(line: string): boolean {
  return /^\s*(\\|(exit|quit)\s*;?\s*$)/i.test(line);
}
