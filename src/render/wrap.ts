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

    let line = '';
    let used = 0;
    for (const word of words) {
      const size = displayWidth(word);
      if (line && used + 1 + size > width) {
        out.push(line);
        line = word;
        used = size;
      } else {
        used += line ? 1 + size : size;
        line = line ? `${line} ${word}` : word;
      }
    }
    out.push(line);
  }

  return out;
}
