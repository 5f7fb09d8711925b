/** Judges question exercises (choice, ordering, short answer) from the answer file's text. */
import type { ChoiceExercise, OrderingExercise, ShortExercise } from '../course/format.js';
import type { QuestionFeedback, Verdict } from './verdict.js';

type QuestionExercise = ChoiceExercise | OrderingExercise | ShortExercise;

// Cyrillic letters that look like the Latin option keys: а, с, е typed on a Russian layout.
const lookalikes: Record<string, string> = { а: 'a', с: 'c', е: 'e', о: 'o', р: 'p', х: 'x' };

/** The answer without comment lines (those starting with #). */
export function answerText(file: string): string {
  return file
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n')
    .trim();
}

function letters(text: string): string[] | undefined {
  const lines = text.toLowerCase().split('\n').map((l) => l.trim()).filter(Boolean);
  // "b) текст варианта" copied from the question: the letter is what counts.
  const picked = lines.map((l) => /^\(?([a-zасеорх])\)\s+\S/.exec(l)?.[1] ?? l).join(' ');
  const tokens = picked.split(/[\s,;.()]+/).filter(Boolean);
  const keys = tokens.flatMap((t) => {
    const mapped = [...t].map((c) => lookalikes[c] ?? c).join('');
    // "abc" typed without separators.
    return /^[a-z]{2,8}$/.test(mapped) && mapped.length === new Set(mapped).size
      ? [...mapped] : [mapped];
  });
  return keys.every((k) => /^[a-z]$/.test(k)) ? keys : undefined;
}

function normaliseShort(text: string): string {
  return text
    // "альтернативный ключ (alternate key)": a part in parentheses after a space is a gloss;
    // brackets right after a name are code (`values_list('title')`) and count.
    .replace(/(^|\s)\([^)]*\)\s*/g, ' ')
    // `select_related()` names the same method as `select_related`.
    .replace(/\(\s*\)/g, '')
    .toLocaleLowerCase('ru')
    .replace(/ё/g, 'е')
    .replace(/[«»"'`]/g, '')
    // "write-skew" and "write skew", "READ-COMMITTED" and "READ COMMITTED" are one answer.
    .replace(/(\p{L})-(?=\p{L})/gu, '$1 ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.,;:!?]+|[\s.,;:!?]+$/g, '');
}

/** "12", "12.0" and "12,0" are one number. */
function sameNumber(accepted: string, answer: string): boolean {
  const number = (s: string) => (/^\s*-?\d+(?:[.,]\d+)?\s*$/.test(s)
    ? Number(s.replace(',', '.')) : undefined);
  const a = number(accepted);
  return a !== undefined && a === number(answer.replace(/[.!]\s*$/, ''));
}

/**
 * "116 соединений" where a bare number is asked for: worth saying that the words are in the
 * way (without saying whether the number is right: "60 минут" may answer a question in seconds).
 */
function numberWithWords(accept: string[], answer: string): boolean {
  return accept.some((a) => /^\s*-?\d+(?:[.,]\d+)?\s*$/.test(a)) &&
    /^\s*-?\d+(?:[.,]\d+)?\s+\S/.test(answer);
}

function judgeChoice(exercise: ChoiceExercise, keys: string[]): QuestionFeedback {
  const known = new Set(exercise.options.map((o) => o.key));
  const unknown = keys.filter((k) => !known.has(k));
  if (unknown.length > 0) return { kind: 'unreadable', reason: 'unknown-key', keys: unknown };
  if (!exercise.multiple && keys.length > 1) return { kind: 'unreadable', reason: 'one-choice' };

  const picked = new Set(keys);
  const wrongPicks = exercise.options
    .filter((o) => picked.has(o.key) && !o.correct)
    .map((o) => ({ key: o.key, why: o.why }));
  const missed = exercise.options.filter((o) => o.correct && !picked.has(o.key)).length;

  return wrongPicks.length === 0 && missed === 0
    ? { kind: 'passed' }
    : { kind: 'wrong-choice', wrongPicks, missed };
}

function judgeOrdering(exercise: OrderingExercise, keys: string[]): QuestionFeedback {
  const known = new Set(exercise.options.map((o) => o.key));
  const unknown = keys.filter((k) => !known.has(k));
  if (unknown.length > 0) return { kind: 'unreadable', reason: 'unknown-key', keys: unknown };
  if (new Set(keys).size !== keys.length) return { kind: 'unreadable', reason: 'repeated-key' };

  let correctPrefix = 0;
  while (correctPrefix < exercise.answer.length &&
    keys[correctPrefix] === exercise.answer[correctPrefix]) correctPrefix++;

  if (correctPrefix === exercise.answer.length && keys.length === exercise.answer.length) {
    return { kind: 'passed' };
  }
  const missing = exercise.answer.length - keys.length;
  if (missing > 0) {
    return { kind: 'wrong-order', correctPrefix, total: exercise.answer.length, missing };
  }
  // Why the first item out of place does not belong there, when the author said.
  const misplaced = exercise.options.find((o) => o.key === keys[correctPrefix]);
  return { kind: 'wrong-order', correctPrefix, total: exercise.answer.length,
    ...(misplaced?.why ? { why: `${misplaced.key}) ${misplaced.why}` } : {}) };
}

function acceptedAs(exercise: ShortExercise, text: string): boolean {
  const answer = normaliseShort(text);
  return answer !== '' &&
    exercise.accept.some((a) => normaliseShort(a) === answer || sameNumber(a, text));
}

const number = /^\s*[-−]?\d+(?:[.,]\d+)?\s*$/;
const hedge = /(^|[\s,])(или|либо|or)(?=[\s,]|$)|[?\/]/giu;

/**
 * A bracketed part after a space is a gloss ("альтернативный ключ (alternate key)") and does
 * not count, unless it names another answer: "1213 (или 1205)", "4 (22)", a keyword in capitals
 * that is not accepted ("READ COMMITTED (REPEATABLE READ)"), a word the question offers as an
 * option ("TRUE (unknown)" for "TRUE, FALSE или UNKNOWN?"). A hedge passes only when what it offers
 * is accepted too ("Seconds_Behind_Source (или Seconds_Behind_Master)").
 */
function glossNamesAnotherAnswer(exercise: ShortExercise, text: string): boolean {
  const glosses = [...text.matchAll(/(?:^|\s)\(([^)]*)\)/g)].map((m) => m[1]!.trim());
  if (glosses.length === 0) return false;
  const main = text.replace(/(^|\s)\([^)]*\)/g, ' ').trim();
  const questionWords = new Set(normaliseShort(exercise.question).split(/[^\p{L}\p{N}_@]+/u));
  return glosses.some((gloss) => {
    if (gloss === '' || acceptedAs(exercise, gloss)) return false;
    hedge.lastIndex = 0;
    if (hedge.test(gloss)) {
      const offered = gloss.replace(hedge, ' ').trim();
      return offered !== '' && !acceptedAs(exercise, offered);
    }
    if (number.test(gloss)) {
      return number.test(main) && Number(gloss.replace(/[−,]/g, (c) => (c === ',' ? '.' : '-'))) !==
        Number(main.replace(/[−,]/g, (c) => (c === ',' ? '.' : '-')));
    }
    // A keyword or a code in capitals is an answer of its own: "READ COMMITTED (REPEATABLE READ)".
    if (/^[A-Z][A-Z0-9_]*(?:[ -][A-Z0-9_]+)*$/.test(gloss) && gloss.length > 1) return true;
    const word = normaliseShort(gloss);
    return /^[\p{L}_]+$/u.test(word) && questionWords.has(word);
  });
}

/**
 * A short answer given in two accepted forms, "P4 — потерянное обновление" or "D, durability":
 * every part, split at a spaced dash, a comma or a semicolon, is accepted on its own.
 */
function acceptedInParts(exercise: ShortExercise, text: string): boolean {
  const parts = text.split(/\s+[—–\/-]\s+|[,;]\s+/);
  return parts.length > 1 && parts.every((part) => acceptedAs(exercise, part));
}

export function judgeQuestion(exercise: QuestionExercise, file: string): Verdict {
  const text = answerText(file);
  let feedback: QuestionFeedback;

  if (text === '') {
    feedback = { kind: 'empty-answer' };
  } else if (exercise.kind === 'short') {
    feedback = !glossNamesAnotherAnswer(exercise, text) &&
      (acceptedAs(exercise, text) || acceptedInParts(exercise, text))
      ? { kind: 'passed' }
      : numberWithWords(exercise.accept, text)
        ? { kind: 'wrong-short', numberWithWords: true }
        : { kind: 'wrong-short' };
  } else {
    const keys = letters(text);
    if (!keys) feedback = { kind: 'unreadable', reason: 'letters' };
    else if (exercise.kind === 'choice') feedback = judgeChoice(exercise, keys);
    else feedback = judgeOrdering(exercise, keys);
  }

  return { exerciseId: exercise.id, passed: feedback.kind === 'passed', feedback };
}
