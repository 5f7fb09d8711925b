/**
 * Page lines made to fit the reader's width, which would otherwise cut them: a code line
 * or a long sentence is wrapped at its spaces with the rest indented two more columns; a
 * line that is one long word (a link, a path) is broken after a "/".
 */
import { pathLines } from '../../render/path-lines.js';
import { displayWidth, stripAnsi, wrapStyled } from '../../render/width.js';

const CONTINUED = '  ';

function fitOne(line: string, width: number): string[] {
  if (displayWidth(line) <= width) return [line];
  const indent = /^ */.exec(stripAnsi(line))![0];
  const text = line.replace(/^(\u001b\[[0-9;]*m)* +/, (lead) => lead.replace(/ +$/, ''));
  const room = width - indent.length - CONTINUED.length;
  if (room < 10) return [line];

  if (!stripAnsi(text).trim().includes(' ')) {
    // One word: paint it again as a whole, its own colour codes cannot be cut apart.
    const plain = stripAnsi(text).trim();
    const colour = /^\s*(\u001b\[[0-9;]*m)/.exec(line)?.[1];
    const paint = colour ? (t: string) => `${colour}${t}\u001b[0m` : (t: string) => t;
    return pathLines(indent, plain, width, paint);
  }
  return carryStyles(wrapStyled(text, room).split('\n')).map((part, i) =>
    (i === 0 ? indent : indent + CONTINUED) + part);
}

const SGR = /\u001b\[([0-9;]*)m/g;
/** Codes that end a style (reset, normal intensity, default colours, no italic...). */
const ENDS = /^(0|22|23|24|27|39|49)?$/;

/**
 * Each line opens again the styles still open at the end of the line before: the screen
 * draws every line on its own, so a colour would stop at the break (a grey comment going on
 * in white).
 */
function carryStyles(parts: string[]): string[] {
  let open: string[] = [];
  return parts.map((part) => {
    const line = open.join('') + part;
    for (const [code, params] of part.matchAll(SGR)) {
      open = ENDS.test(params) ? [] : [...open, code];
    }
    return line;
  });
}

export function fitLines(lines: string[], width: number): string[] {
  return lines.flatMap((line) => fitOne(line, width));
}
