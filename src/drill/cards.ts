/**
 * Drill cards: every definition and every interview question of the lessons the learner has
 * studied. A card's id is built from the lesson key (which survives renames and moves, as in
 * progress) and the card's own text, so that its schedule follows the card, not its position.
 */
import { createHash } from 'node:crypto';
import type { Lesson } from '../course/course.js';
import type { Definition, InterviewQuestion } from '../course/format.js';
import type { LessonProgress } from '../progress/store.js';

export interface CardLesson {
  key: string;
  /** 2-4 */
  short: string;
  title: string;
}

interface CardBase {
  id: string;
  lesson: CardLesson;
}

export interface DefinitionCard extends CardBase {
  kind: 'definition';
  definition: Definition;
}

export interface QuestionCard extends CardBase {
  kind: 'question';
  question: InterviewQuestion;
}

export type DrillCard = DefinitionCard | QuestionCard;

/** Case, Ё/Е and spacing do not make a different card: fixing a typo keeps the schedule. */
function fold(text: string): string {
  return text.toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

export function definitionCardId(lessonKey: string, term: string): string {
  return `${lessonKey}:def:${fold(term)}`;
}

/**
 * Questions are long: the id holds a short hash of the text instead. Known shortcoming: a
 * reworded question (or renamed term) is a new card; the old record stays, unused.
 */
export function questionCardId(lessonKey: string, question: string): string {
  const hash = createHash('sha1').update(fold(question)).digest('hex').slice(0, 10);
  return `${lessonKey}:q:${hash}`;
}

/**
 * A lesson counts as studied once the learner has opened it (`show`, `next`) or has checked
 * or answered any of its exercises: its definitions and questions were on the page in front
 * of them. The daily limit on new cards keeps a lesson only skimmed from flooding the drill.
 */
export function isStudied(progress: LessonProgress): boolean {
  return progress.openedAt !== undefined || Object.keys(progress.exercises).length > 0;
}

/** The cards of these lessons in course order: each lesson's definitions, then its questions. */
export function cardsOf(lessons: readonly Lesson[]): DrillCard[] {
  const cards: DrillCard[] = [];
  const seen = new Set<string>();
  const add = (card: DrillCard) => {
    // The same term twice in one lesson would be one schedule shown twice: keep the first.
    if (seen.has(card.id)) return;
    seen.add(card.id);
    cards.push(card);
  };

  for (const { meta, entry } of lessons) {
    const lesson = { key: meta.key, short: entry.short, title: meta.title };
    for (const definition of meta.definitions) {
      add({ kind: 'definition', id: definitionCardId(meta.key, definition.term), lesson,
        definition });
    }
    for (const question of meta.interview) {
      add({ kind: 'question', id: questionCardId(meta.key, question.question), lesson,
        question });
    }
  }

  return cards;
}
