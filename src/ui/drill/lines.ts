/**
 * Styled lines for the drill screen, laid out by dbcourse rather than by Ink so that the screen
 * knows how many rows each part takes and can fit the terminal's height.
 */
import { displayWidth } from '../../render/width.js';
import { wrapText } from '../../render/wrap.js';
import { fit } from '../text.js';

export interface Span {
  text: string;
  color?: string;
  bold?: boolean;
  dim?: boolean;
}

export type Line = Span[];

/** How a part of a line looks: everything of a Span but its text. */
export type Look = Omit<Span, 'text'>;

export function lineWidth(line: Line): number {
  return line.reduce((sum, span) => sum + displayWidth(span.text), 0);
}

/**
 * `text` wrapped to `width` at its spaces, `indent` before every line; a `label` ("Ответ:")
 * starts the first line in bold.
 */
export function paragraph(text: string, width: number, look: Look = {}, label?: string,
  indent = ''): Line[] {
  const lines = wrapText(label ? `${label} ${text}` : text, Math.max(10, width - indent.length));
  return lines.map((line, i) => {
    const lead: Line = indent ? [{ text: indent }] : [];
    if (i === 0 && label && line.startsWith(label)) {
      return [...lead, { ...look, text: label, bold: true },
        { ...look, text: line.slice(label.length) }];
    }
    return [...lead, { ...look, text: line }];
  });
}

/** One line of `text` cut to `width` with an ellipsis. */
export function cut(text: string, width: number, look: Look = {}): Line {
  return [{ ...look, text: fit(text, width) }];
}

export interface Item {
  /** What goes before the item when it does not start a line ("   ", " · "). */
  gap: string;
  spans: Line;
}

/** Items packed into lines of `width`, never breaking one item. */
export function packed(items: Item[], width: number, gapLook: Look = {}): Line[] {
  const lines: Line[] = [];
  for (const item of items) {
    const last = lines.at(-1);
    if (last && lineWidth(last) + displayWidth(item.gap) + lineWidth(item.spans) <= width) {
      last.push({ ...gapLook, text: item.gap }, ...item.spans);
    } else {
      lines.push([...item.spans]);
    }
  }
  return lines;
}
