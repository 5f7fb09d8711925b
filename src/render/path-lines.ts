/**
 * A labelled file path laid out in lines of a width: broken after a folder separator when it
 * does not fit, never cut, so that every character of the path stays on screen.
 */
import { displayWidth, piecesOfWidth } from './width.js';

/** The path in pieces that each end with a separator (the last one may not). */
function pieces(path: string): string[] {
  return path.match(/[^/\\]+[/\\]?|[/\\]/g) ?? [path];
}

/**
 * `label` then `path`, wrapped to `width`: the lines after the first hang under the path
 * (or under a short indent when the label takes most of the line). `paint` colours the path.
 */
export function pathLines(label: string, path: string, width: number,
  paint: (text: string) => string = (t) => t): string[] {
  const labelWidth = displayWidth(label);
  const hang = labelWidth <= width / 2 ? labelWidth : Math.min(4, labelWidth);
  const room = Math.max(1, width - hang);
  const lines: string[] = [];
  let line = '';
  let used = labelWidth;

  for (const piece of pieces(path).flatMap((p) => piecesOfWidth(p, room))) {
    const size = displayWidth(piece);
    if (used + size > width && (line || lines.length === 0)) {
      lines.push(line);
      line = '';
      used = hang;
    }
    line += piece;
    used += size;
  }
  lines.push(line);

  return lines.map((text, i) => (i === 0 ? label : ' '.repeat(hang)) + (text ? paint(text) : ''))
    .map((text) => text.trimEnd());
}
