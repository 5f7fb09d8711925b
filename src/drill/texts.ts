/** The drill's words, shared by the screen and the plain-text list: Russian, one place. */
import { englishName } from '../render/term.js';
import type { DrillCard } from './cards.js';
import { localDay, type DrillGrade } from './scheduler.js';

export const gradeNames: Record<DrillGrade, string> = {
  1: 'Снова',
  2: 'Трудно',
  3: 'Хорошо',
  4: 'Легко',
};

export function plural(n: number, one: string, few: string, many: string): string {
  const tens = n % 100;
  if (n % 10 === 1 && tens !== 11) return one;
  if (n % 10 >= 2 && n % 10 <= 4 && (tens < 12 || tens > 14)) return few;
  return many;
}

export function cardsWord(n: number): string {
  return `${n} ${plural(n, 'карточка', 'карточки', 'карточек')}`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long until `to`, short: "10 мин", "3 дн.", "2 мес.". */
export function interval(from: Date, to: Date): string {
  const ms = Math.max(0, to.getTime() - from.getTime());
  if (ms < MINUTE) return '<1 мин';
  if (ms < HOUR) return `${Math.round(ms / MINUTE)} мин`;
  if (ms < DAY) return `${Math.round(ms / HOUR)} ч`;
  const days = Math.round(ms / DAY);
  if (days < 31) return `${days} дн.`;
  if (days < 365) return `${Math.round(days / 30.4)} мес.`;
  return `${(days / 365).toFixed(1).replace(/\.0$/, '').replace('.', ',')} г.`;
}

function clock(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes())
    .padStart(2, '0')}`;
}

/** When, in words: "сейчас", "сегодня в 18:40", "завтра", "14.03.2026". */
export function when(at: Date, now: Date): string {
  if (at <= now) return 'сейчас';
  if (localDay(at) === localDay(now)) return `сегодня в ${clock(at)}`;
  const tomorrow = new Date(now);
  tomorrow.setDate(now.getDate() + 1);
  if (localDay(at) === localDay(tomorrow)) return 'завтра';
  return localDay(at).split('-').reverse().join('.');
}

/**
 * Lesson YAML wraps long wording onto several lines: joined back into one paragraph here, so
 * that the screen wraps it to its own width. Blank lines still separate paragraphs.
 */
export function flow(text: string): string {
  return text.trim().split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ')).join('\n\n');
}

/** The front of a card: what the learner has to recall from. */
export function front(card: DrillCard): { label: string; text: string } {
  if (card.kind === 'question') {
    return { label: 'Вопрос с собеседования', text: flow(card.question.question) };
  }
  const { term, en } = card.definition;
  return { label: 'Определение термина', text: flow(term + englishName(en, term)) };
}

/** What to recall, said under the front. */
export function prompt(card: DrillCard): string {
  return card.kind === 'question'
    ? 'Ответьте вслух или про себя, как на собеседовании.'
    : 'Вспомните определение: как в источнике и своими словами для собеседования.';
}

/** The back of a card as labelled paragraphs. */
export function back(card: DrillCard): { label: string; text: string }[] {
  if (card.kind === 'question') return [{ label: 'Ответ', text: flow(card.question.answer) }];
  const { official, interview } = card.definition;
  return [
    { label: 'Официально', text: flow(official.text) },
    { label: 'Источник', text: flow(official.source) },
    { label: 'На собеседовании', text: flow(interview) },
  ];
}

export function kindWord(card: DrillCard): string {
  return card.kind === 'question' ? 'вопрос' : 'термин';
}

export const texts = {
  noCards: 'Карточек для повторения пока нет: они берутся из уроков, которые вы уже ' +
    'открыли или решали (определения и вопросы с собеседований). Начните с dbcourse next.',
  needsTerminal: 'Тренировка идёт в терминале: запустите dbcourse drill в окне терминала ' +
    '(не через конвейер и не с перенаправленным вводом).',
  listHint: 'Список без терминала: dbcourse drill --list (или --json).',
  allDone: 'На сегодня всё повторено.',
  reveal: 'Пробел или Enter — показать ответ',
  quit: 'q — выйти (оценки уже сохранены)',
  escape: 'Esc возвращает на шаг назад, а здесь верхний уровень: выйти — q (оценки уже ' +
    'сохранены).',
  howWell: 'Насколько легко вспомнилось? Нажмите 1–4:',
  interrupted: 'Тренировка прервана. Оценки сохранены; продолжить: dbcourse drill',
};
