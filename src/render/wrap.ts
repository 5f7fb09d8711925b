/** Word wrapping of plain text by display width, keeping blank lines between paragraphs. */
import stringWidth from 'string-width';

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
    for (const word of words) {
      const next = line ? `${line} ${word}` : word;
      if (line && stringWidth(next) > width) {
        out.push(line);
        line = word;
      } else {
        line = next;
      }
    }
    out.push(line);
  }

  return out;
}
