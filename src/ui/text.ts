/** Small text helpers for screens: fitting plain text into a number of columns. */
import { displayWidth } from '../render/width.js';

/** Plain text cut to `width` columns with an ellipsis, or padded to exactly `width`. */
export function fit(text: string, width: number, pad = false): string {
  if (width <= 0) return '';
  let size = displayWidth(text);
  let out = text;

  if (size > width) {
    out = '';
    size = 0;
    for (const char of text) {
      const w = displayWidth(char);
      if (size + w > width - 1) break;
      out += char;
      size += w;
    }
    out += '…';
    size += 1;
  }

  return pad ? out + ' '.repeat(Math.max(0, width - size)) : out;
}

/** Lowercase with ё as е: how search compares Russian text. */
export function fold(text: string): string {
  return text.toLocaleLowerCase('ru').replace(/ё/g, 'е');
}

/** The `height` lines from `top`, padded with empty lines so the frame keeps its size. */
export function windowOf(lines: string[], top: number, height: number): string[] {
  const shown = lines.slice(top, top + height);
  while (shown.length < height) shown.push('');
  return shown;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, Math.max(min, max)));
}

/** Reverse video for the selected row on a colour terminal; plain output marks it otherwise. */
export function highlight(text: string, color: boolean): string {
  return color ? `\u001b[7m${text}\u001b[27m` : text;
}
