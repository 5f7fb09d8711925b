/**
 * The drill screen as lines that fit the terminal's height. The counts, the card's front and
 * the keys are always on screen; on a short terminal the rule, the blank lines and the long
 * wording give way first, and a back side that still does not fit scrolls (↑↓, Space, b), with
 * how far it is scrolled in the header, as in the lesson reader.
 */
import type { DrillCard } from '../../drill/cards.js';
import { GRADES, type DrillGrade } from '../../drill/scheduler.js';
import type { Counts } from '../../drill/session.js';
import { back, front, gradeNames, interval, prompt, texts } from '../../drill/texts.js';
import { clamp } from '../text.js';
import { cut, packed, paragraph, type Item, type Line } from './lines.js';

export const SCROLL_KEYS = '↑↓ пробел b листать';

const gradeColors: Record<DrillGrade, string> = { 1: 'red', 2: 'yellow', 3: 'green', 4: 'cyan' };

export interface CardState {
  counts: Counts;
  card: DrillCard;
  isNew: boolean;
  revealed: boolean;
  /** When the card would be due after each grade. */
  outcomes: Record<DrillGrade, Date> | undefined;
  now: Date;
  /** Esc was pressed: the key line says how to leave instead. */
  escaped: boolean;
  /** The first line of the back on screen, as scrolled to. */
  top: number;
  width: number;
  height: number;
}

export interface CardLayout {
  lines: Line[];
  /** The back's first line on screen (kept within the back), and its lines shown of all. */
  top: number;
  shown: number;
  length: number;
}

/** The counts line: "Повторение  к повторению 3 · новых 10 · ...", shorter when narrow. */
export function headerLines(counts: Counts, width: number, percent?: number): Line[] {
  const count = (label: string, value: number, color: string): Item => ({ gap: ' · ',
    spans: [{ text: `${label} `, dim: true }, { text: String(value), color }] });
  const items = [count('к повторению', counts.due, 'yellow'), count('новых', counts.fresh, 'cyan'),
    count('в изучении', counts.learning, 'magenta'), count('сделано', counts.done, 'green')];
  if (percent !== undefined) items.push({ gap: '  ', spans: [{ text: `${percent}%` }] });
  const title: Item = { gap: '', spans: [{ text: 'Повторение', bold: true }] };
  const full = packed([title, ...items.map((item, i) => (i === 0 ? { ...item, gap: '  ' }
    : item))], width, { dim: true });
  return full.length === 1 ? full : packed(items, width, { dim: true });
}

function gradeLines(state: CardState): Line[] {
  const items = GRADES.map((grade): Item => ({ gap: '   ', spans: [
    { text: String(grade), bold: true, color: gradeColors[grade] },
    { text: ` ${gradeNames[grade]}` },
    ...(state.outcomes
      ? [{ text: ` (${interval(state.now, state.outcomes[grade])})`, dim: true }] : []),
  ] }));
  return packed(items, state.width);
}

function keyLines(state: CardState, scrolls: boolean): Line[] {
  const scroll: Item = { gap: '   ', spans: [{ text: SCROLL_KEYS, dim: true }] };
  if (state.escaped) {
    return [...(scrolls ? packed([scroll], state.width) : []),
      ...paragraph(texts.escape, state.width)];
  }
  return packed([...(scrolls ? [scroll] : []),
    { gap: '   ', spans: [{ text: texts.quit, dim: true }] }], state.width);
}

/** The parts top to bottom; `body` is the part that scrolls. */
interface Parts {
  header: Line[];
  rule: Line[];
  label: Line[];
  labelGap: Line[];
  front: Line[];
  frontGap: Line[];
  body: Line[];
  gradeGap: Line[];
  howWell: Line[];
  grades: Line[];
  keyGap: Line[];
  keys: Line[];
}

const ORDER: (keyof Parts)[] = ['header', 'rule', 'label', 'labelGap', 'front', 'frontGap',
  'body', 'gradeGap', 'howWell', 'grades', 'keyGap', 'keys'];

/** Left out in this order while the screen is too short for the whole back. */
const OPTIONAL = ['rule', 'labelGap', 'gradeGap', 'keyGap', 'frontGap', 'howWell'] as const;

const total = (parts: Parts) => ORDER.reduce((sum, key) => sum + parts[key].length, 0);

export function cardLayout(state: CardState): CardLayout {
  const { card, width, height, counts } = state;
  const face = front(card);
  const blank: Line[] = [[]];
  const labelText = `${face.label} · урок ${card.lesson.short} «${card.lesson.title}»` +
    (state.isNew ? ' · новая' : '');
  const body = state.revealed
    ? back(card).flatMap((part) => paragraph(part.text, width, {}, `${part.label}:`))
    : paragraph(prompt(card), width, { dim: true });
  const parts: Parts = {
    header: headerLines(counts, width),
    rule: [[{ text: '─'.repeat(width), dim: true }]],
    label: paragraph(labelText, width, { dim: true }),
    labelGap: blank,
    front: paragraph(face.text, width, { bold: true, color: 'magenta' }, undefined, '  '),
    frontGap: blank,
    body,
    gradeGap: state.revealed ? blank : [],
    howWell: state.revealed ? paragraph(texts.howWell, width) : [],
    grades: state.revealed ? gradeLines(state) : [[{ text: texts.reveal }]],
    keyGap: blank,
    keys: keyLines(state, false),
  };

  const fits = () => total(parts) <= height;
  for (const optional of OPTIONAL) if (!fits()) parts[optional] = [];
  if (!fits()) parts.label = [cut(labelText, width, { dim: true })];
  // Before the answer is shown, the prompt is only a reminder: it goes rather than scrolls.
  if (!fits() && !state.revealed) parts.body = [];

  let top = 0;
  let shown = body.length;
  if (state.revealed && !fits()) {
    parts.keys = keyLines(state, true);
    // The header says how far the back is scrolled: sized for the widest figure first.
    parts.header = headerLines(counts, width, 100);
    const room = () => height - (total(parts) - body.length);
    // A terminal of a few rows: the lesson's name, then the counts, give way to the card.
    for (const part of ['label', 'header'] as const) if (room() < 1) parts[part] = [];
    shown = Math.max(1, room());
    top = clamp(state.top, 0, body.length - shown);
    const percent = Math.round((top / Math.max(1, body.length - shown)) * 100);
    if (parts.header.length > 0) parts.header = headerLines(counts, width, percent);
    parts.body = body.slice(top, top + shown);
  }
  // A terminal of a few rows: what is still too much is cut above the keys, never past them.
  const above = ORDER.filter((key) => key !== 'keys').flatMap((key) => parts[key]);
  return { lines: [...above.slice(0, Math.max(0, height - parts.keys.length)), ...parts.keys],
    top, shown, length: body.length };
}
