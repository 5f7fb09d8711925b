/** The hints of an exercise shown so far; the one just taken stands out. */
import type { Exercise } from '../course/format.js';
import { codeSpans, type Screen } from './screen.js';
import { wrapText } from './wrap.js';

export function renderHints(exercise: Exercise, shown: number, freshOne: boolean,
  screen: Screen): string {
  const { style, width } = screen;
  const lines = [wrapText(`${exercise.title}: подсказки ${shown} из ${exercise.hints.length}`,
    width).map((line) => style.bold(line)).join('\n')];

  exercise.hints.slice(0, shown).forEach((text, i) => {
    const body = wrapText(`${i + 1}. ${text}`, width - 2).map((l) => `  ${l}`).join('\n');
    lines.push(codeSpans(i === shown - 1 && freshOne ? body : style.dim(body), style));
  });

  return lines.join('\n');
}
