import type { Style } from './style.js';

/** What every renderer needs to know about the output: its width and whether to colour. */
export interface Screen {
  width: number;
  style: Style;
}

export function bar(done: number, total: number, width: number, screen: Screen): string {
  const filled = total === 0 ? 0 : Math.round((done / total) * width);
  const [on, off] = screen.style.color ? ['█', '░'] : ['#', '-'];
  const text = on.repeat(filled) + off.repeat(width - filled);
  return screen.style.color ? screen.style.ok(on.repeat(filled)) + screen.style.dim(
    off.repeat(width - filled)) : `[${text}]`;
}

export type LessonState = 'passed' | 'started' | 'new';

export function stateMark(state: LessonState, screen: Screen): string {
  const { style } = screen;
  if (!style.color) return { passed: '[x]', started: '[~]', new: '[ ]' }[state];
  return { passed: style.ok('✓'), started: style.warn('◐'), new: style.dim('·') }[state];
}

/**
 * `code` in short texts that are not Markdown (goals, definitions, tasks, hints): in colour,
 * styled as code without the backticks; in plain text the backticks stay.
 */
export function codeSpans(text: string, style: Style): string {
  return style.color ? text.replace(/`([^`\n]+)`/g, (_, code: string) => style.code(code))
    : text;
}
