/** Word wrapping of plain text by display width, keeping blank lines between paragraphs. */
import { displayWidth } from './width.js';

/** Lines of a paragraph that keep their own line: list items and indented (code) lines. */
const ownLine = /^(\s{2,}|[-*•]\s|\d+[.)]\s)/;

function logicalLines(text: string): string[] {
  const lines: string[] = [];
  let joinable = false;

  for (const line of text.trim().split('\n')) {
    if (line.trim() === '') {
      lines.push('');
      joinable = false;
    } else if (joinable && !ownLine.test(line)) {
      lines[lines.length - 1] += ` ${line.trim()}`;
    } else {
      lines.push(line.trimEnd());
      joinable = !/^\s{2,}/.test(line);
    }
  }

  return lines;
}

/** A list item's marker with the spaces after it: "1. ", "- ", "b) ". */
const listMarker = /^([-*•]|\d+[.)]|[a-zа-яё]\))\s+/i;

/**
 * Wraps `text` to `width` columns. A paragraph that starts with a list marker (a numbered
 * question, a hint, an option "b)") hangs its wrapped lines under its text, not its marker.
 */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];

  for (const paragraph of logicalLines(text)) {
    if (/^\s{2,}/.test(paragraph)) {
      out.push(paragraph);
      continue;
    }
    const words = paragraph.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) {
      out.push('');
      continue;
    }

    const marker = listMarker.exec(paragraph.trim());
    const hang = marker && words.length > 1
      ? ' '.repeat(Math.min(displayWidth(words[0]) + 1, Math.floor(width / 2))) : '';
    let line = '';
    let used = 0;
    for (const word of words) {
      const size = displayWidth(word);
      if (line && used + 1 + size > width) {
        out.push(line);
        line = hang + word;
        used = hang.length + size;
      } else {
        used += line ? 1 + size : size;
        line = line ? `${line} ${word}` : word;
      }
    }
    out.push(line);
  }

  return out;
}
