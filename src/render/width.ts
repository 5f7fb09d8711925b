/**
 * Display width of terminal text, and word wrapping that keeps colour codes. Fast for the
 * course's text (Cyrillic and Latin are one column per character); East Asian wide
 * characters count two and combining marks none.
 */
import { eastAsianWidth } from 'get-east-asian-width';

// eslint-disable-next-line no-control-regex
const escapes = /\u001b\[[0-9;]*m/g;
// Characters one column wide each: ASCII, Latin, Cyrillic, punctuation, box drawing.
const narrow = new RegExp('^[\\u0020-\\u007e\\u00a0-\\u02ff\\u0370-\\u0482\\u048a-\\u052f' +
  '\\u2010-\\u2027\\u2030-\\u205e\\u2190-\\u2bff]*$');
const combining = /\p{Mn}|\p{Me}|\u200d|\ufe0f/u;

export function stripAnsi(text: string): string {
  return text.replace(escapes, '');
}

export function displayWidth(text: string): number {
  const plain = text.includes('\u001b') ? stripAnsi(text) : text;
  if (narrow.test(plain)) return plain.length;

  let width = 0;
  for (const char of plain) {
    if (combining.test(char)) continue;
    width += eastAsianWidth(char.codePointAt(0)!);
  }
  return width;
}

/** Wraps at spaces to `width` columns; colour codes count as nothing. Keeps line breaks. */
export function wrapStyled(text: string, width: number): string {
  return text.split('\n').map((paragraph) => {
    const lines: string[] = [];
    let line = '';
    let used = 0;

    for (const word of paragraph.split(' ')) {
      const size = displayWidth(word);
      if (line !== '' && used + 1 + size > width) {
        lines.push(line);
        line = word;
        used = size;
      } else {
        line = line === '' ? word : `${line} ${word}`;
        used += (used === 0 ? 0 : 1) + size;
      }
    }

    lines.push(line);
    return lines.join('\n');
  }).join('\n');
}

/**
 * `text` in pieces of at most `width` columns, cut between characters: a word or a folder
 * name wider than its column goes on in the next lines. An empty text is one empty piece.
 */
export function piecesOfWidth(text: string, width: number): string[] {
  const out: string[] = [];
  let piece = '';
  for (const char of text) {
    if (piece && displayWidth(piece + char) > width) {
      out.push(piece);
      piece = '';
    }
    piece += char;
  }
  if (piece || out.length === 0) out.push(piece);
  return out;
}
