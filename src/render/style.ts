/** Colours and emphasis, or nothing at all when output is plain (a pipe, NO_COLOR). */
import { Chalk } from 'chalk';

export interface Style {
  readonly color: boolean;
  bold(text: string): string;
  dim(text: string): string;
  italic(text: string): string;
  heading(text: string): string;
  accent(text: string): string;
  code(text: string): string;
  ok(text: string): string;
  bad(text: string): string;
  warn(text: string): string;
  keyword(text: string): string;
  string(text: string): string;
  number(text: string): string;
  comment(text: string): string;
}

export function createStyle(color: boolean): Style {
  const c = new Chalk({ level: color ? 2 : 0 });

  return {
    color,
    bold: (t) => c.bold(t),
    dim: (t) => c.dim(t),
    italic: (t) => c.italic(t),
    heading: (t) => c.bold.cyan(t),
    accent: (t) => c.bold.magenta(t),
    code: (t) => (color ? c.yellow(t) : `\`${t}\``),
    ok: (t) => c.green(t),
    bad: (t) => c.red(t),
    warn: (t) => c.yellow(t),
    keyword: (t) => c.blue.bold(t),
    string: (t) => c.green(t),
    number: (t) => c.magenta(t),
    comment: (t) => c.gray(t),
  };
}
