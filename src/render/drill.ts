/** The drill as plain text, for pipes and `dbcourse drill --list`: what is due, what is new. */
import type { DrillCard } from '../drill/cards.js';
import type { CardRecord } from '../drill/scheduler.js';
import { LEARN_AHEAD_MS, nextReview, type Plan } from '../drill/session.js';
import { cardsWord, front, kindWord, texts, when } from '../drill/texts.js';
import type { Screen } from './screen.js';
import { displayWidth } from './width.js';
import { wrapText } from './wrap.js';

export interface DrillView {
  cards: readonly DrillCard[];
  records: Readonly<Record<string, CardRecord>>;
  plan: Plan;
  newPerDay: number;
  now: Date;
}

function cardLine(card: DrillCard, screen: Screen): string {
  const head = `  ${card.lesson.short.padEnd(5)} ${kindWord(card).padEnd(6)} `;
  const indent = ' '.repeat(displayWidth(head));
  const lines = wrapText(front(card).text, Math.max(20, screen.width - indent.length));
  return lines.map((line, i) => (i === 0 ? screen.style.dim(head) : indent) + line).join('\n');
}

/** "Следующее повторение: завтра; в этот день — 4 карточки." Nothing when none is ahead. */
function nextLine(view: DrillView): string[] {
  const next = nextReview(view.cards, view.records);
  if (!next || next.at <= view.now) return [];
  return [`Следующее повторение: ${when(next.at, view.now)}; в этот день — ` +
    `${cardsWord(next.cards)}.`];
}

function waitingLine(view: DrillView): string[] {
  const { waiting } = view.plan;
  if (waiting === 0) return [];
  return [`Ещё ${waiting} ${waiting === 1 ? 'новая' : 'новых'} — в следующие дни ` +
    `(не больше ${view.newPerDay} новых в день; другой лимит: --new <число>).`];
}

/** What `dbcourse drill` says when it cannot open the screen: what is due, and where to go. */
export function renderDrillSummary(view: DrillView, screen: Screen): string {
  const { due, fresh, soon } = view.plan;
  const paragraphs = (lines: string[]) =>
    lines.flatMap((line) => wrapText(line, screen.width)).join('\n');
  if (view.cards.length === 0) return paragraphs([texts.noCards]);

  if (due.length + fresh.length + soon.length === 0) {
    return paragraphs([texts.allDone, ...nextLine(view), ...waitingLine(view)]);
  }

  return paragraphs([
    `К повторению сейчас: ${cardsWord(due.length)}; новых на сегодня: ${fresh.length}` +
      (soon.length > 0 ? `; в изучении: ${soon.length}.` : '.'),
    texts.needsTerminal,
    texts.listHint,
  ]);
}

/** `dbcourse drill --list`: the cards of today's session, each on its line. */
export function renderDrillList(view: DrillView, screen: Screen): string {
  const { due, fresh, soon } = view.plan;
  if (view.cards.length === 0) return wrapText(texts.noCards, screen.width).join('\n');
  const { bold } = screen.style;
  const out: string[] = [];

  if (due.length > 0) {
    out.push(bold(`К повторению сейчас: ${cardsWord(due.length)}`));
    out.push(...due.map((c) => cardLine(c, screen)), '');
  }
  if (soon.length > 0) {
    out.push(bold(`В изучении, вернутся в течение ${LEARN_AHEAD_MS / 60_000} минут: ` +
      cardsWord(soon.length)));
    out.push(...soon.map((c) => cardLine(c, screen)), '');
  }
  if (fresh.length > 0) {
    out.push(bold(`Новые на сегодня: ${cardsWord(fresh.length)}`));
    out.push(...fresh.map((c) => cardLine(c, screen)), '');
  }
  if (out.length === 0) out.push(texts.allDone);
  out.push(...[...nextLine(view), ...waitingLine(view)]
    .flatMap((line) => wrapText(line, screen.width)));
  return out.join('\n').trimEnd();
}

function cardJson(card: DrillCard, records: DrillView['records']) {
  const record = records[card.id];
  const content = card.kind === 'question' ? card.question : card.definition;
  return {
    id: card.id,
    lesson: card.lesson.short,
    lessonKey: card.lesson.key,
    kind: card.kind,
    ...content,
    due: record?.due ?? null,
    phase: record?.phase ?? 'new',
  };
}

/** `dbcourse drill --json`: today's session as data. */
export function drillJson(view: DrillView) {
  const next = nextReview(view.cards, view.records);
  return {
    due: view.plan.due.map((c) => cardJson(c, view.records)),
    learning: view.plan.soon.map((c) => cardJson(c, view.records)),
    new: view.plan.fresh.map((c) => cardJson(c, view.records)),
    newPerDay: view.newPerDay,
    newStartedToday: view.plan.introducedToday,
    newWaiting: view.plan.waiting,
    nextReview: next ? next.at.toISOString() : null,
    studiedCards: view.cards.length,
  };
}
