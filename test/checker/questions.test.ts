import { describe, expect, it } from 'vitest';
import { judgeQuestion } from '../../src/checker/questions.js';
import { createStyle } from '../../src/render/style.js';
import { renderVerdict } from '../../src/render/verdict.js';
import type { ChoiceExercise, OrderingExercise, ShortExercise } from '../../src/course/format.js';

const base = { title: 't', hints: ['h'], explanation: 'e' };
const single: ChoiceExercise = { ...base, id: 'one', kind: 'choice', question: '?',
  multiple: false, options: [
    { key: 'a', text: 'ноль', correct: false, why: 'ноль — значение' },
    { key: 'b', text: 'нет значения', correct: true },
    { key: 'c', text: 'пустая строка', correct: false },
  ] };
const multiple: ChoiceExercise = { ...single, id: 'many', multiple: true,
  options: single.options.map((o) => ({ ...o, correct: o.key !== 'a' })) };
const ordering: OrderingExercise = { ...base, id: 'ord', kind: 'ordering', question: '?',
  options: [{ key: 'a', text: 'FROM' }, { key: 'b', text: 'WHERE' }, { key: 'c', text: 'SELECT' }],
  answer: ['a', 'b', 'c'] };
const short: ShortExercise = { ...base, id: 'short', kind: 'short', question: '?',
  accept: ['альтернативный ключ'] };

const file = (answer: string) => `# Вопрос\n#   a) ...\n\n${answer}\n`;

describe('question exercises', () => {
  it('reads letters under the comment lines, Cyrillic look-alikes included', () => {
    expect(judgeQuestion(single, file('b')).passed).toBe(true);
    expect(judgeQuestion(multiple, file('с, b')).passed).toBe(true);
    expect(judgeQuestion(multiple, file('B C')).passed).toBe(true);
  });

  it('reads the forms learners write: "b)", "(b)", a copied option line, "bc"', () => {
    expect(judgeQuestion(single, file('b)')).passed).toBe(true);
    expect(judgeQuestion(single, file('(b)')).passed).toBe(true);
    expect(judgeQuestion(single, file('b) нет значения')).passed).toBe(true);
    expect(judgeQuestion(multiple, file('bc')).passed).toBe(true);
    expect(judgeQuestion(ordering, file('abc')).passed).toBe(true);
  });

  it('explains each wrong pick with its why', () => {
    expect(judgeQuestion(single, file('a')).feedback).toEqual({ kind: 'wrong-choice',
      wrongPicks: [{ key: 'a', why: 'ноль — значение' }], missed: 1 });
    expect(judgeQuestion(multiple, file('b')).feedback)
      .toMatchObject({ kind: 'wrong-choice', wrongPicks: [], missed: 1 });
  });

  it('wraps a why written over several lines (why: |) to the screen', () => {
    const why = 'первая строка объяснения,\nвторая строка объяснения,\nтретья строка.\n';
    const broken: ChoiceExercise = { ...single,
      options: single.options.map((o) => (o.key === 'a' ? { ...o, why } : o)) };
    const text = renderVerdict(judgeQuestion(broken, file('a')), broken, 0,
      { width: 40, style: createStyle(false) });
    expect(text).toContain('объяснения, вторая');
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
  });

  it('says what is unreadable instead of guessing', () => {
    expect(judgeQuestion(single, file('b, c')).feedback)
      .toMatchObject({ kind: 'unreadable', reason: 'one-choice' });
    expect(judgeQuestion(single, file('z')).feedback)
      .toMatchObject({ kind: 'unreadable', reason: 'unknown-key', keys: ['z'] });
    expect(judgeQuestion(single, file('второй')).feedback)
      .toMatchObject({ kind: 'unreadable', reason: 'letters' });
    expect(judgeQuestion(single, '# только комментарий\n').feedback.kind).toBe('empty-answer');
  });

  it('checks an order and says how much of it is right', () => {
    expect(judgeQuestion(ordering, file('a b c')).passed).toBe(true);
    expect(judgeQuestion(ordering, file('a c b')).feedback)
      .toEqual({ kind: 'wrong-order', correctPrefix: 1, total: 3 });
    expect(judgeQuestion(ordering, file('a a b')).feedback)
      .toMatchObject({ reason: 'repeated-key' });
    expect(judgeQuestion(ordering, file('a b')).feedback)
      .toEqual({ kind: 'wrong-order', correctPrefix: 2, total: 3, missing: 1 });
  });

  it('words the order feedback for one item, and for items left out', () => {
    const screen = { width: 100, style: createStyle(false) };
    const say = (answer: string) => renderVerdict(judgeQuestion(ordering, file(answer)),
      ordering, 0, screen);
    expect(say('a c b')).toContain('Первый пункт из 3 на своём месте');
    expect(say('a b')).toContain('не хватает 1 из 3');
  });

  it('accepts short answers ignoring case, Ё and final punctuation', () => {
    expect(judgeQuestion(short, file('Альтернативный  ключ.')).passed).toBe(true);
    expect(judgeQuestion(short, file('альтернативный ключ (alternate key)')).passed).toBe(true);
    expect(judgeQuestion(short, file('первичный ключ')).passed).toBe(false);
    const number: ShortExercise = { ...short, accept: ['21'] };
    expect(judgeQuestion(number, file('21.0')).passed).toBe(true);
    expect(judgeQuestion(number, file('21,0')).passed).toBe(true);
    expect(judgeQuestion(number, file('22')).passed).toBe(false);
    expect(judgeQuestion(number, file('22')).feedback).toEqual({ kind: 'wrong-short' });
    // Brackets of code are not a gloss: a call with other arguments is another answer.
    const code: ShortExercise = { ...short, accept: ['values_list("title", flat=True)'] };
    expect(judgeQuestion(code, file("values_list('title', flat=True)")).passed).toBe(true);
    expect(judgeQuestion(code, file("values_list('title')")).passed).toBe(false);
    expect(judgeQuestion(code, file('values_list')).passed).toBe(false);
    const method: ShortExercise = { ...short, accept: ['select_related'] };
    expect(judgeQuestion(method, file('select_related()')).passed).toBe(true);
    const yo: ShortExercise = { ...short, accept: ['трёхзначная логика'] };
    expect(judgeQuestion(yo, file('ТРЕХЗНАЧНАЯ логика')).passed).toBe(true);
  });

  it('accepts a short answer written with a hyphen, or in two accepted forms', () => {
    const p4: ShortExercise = { ...short, accept: ['P4', 'lost update', 'потерянное обновление'] };
    expect(judgeQuestion(p4, file('P4 — потерянное обновление')).passed).toBe(true);
    expect(judgeQuestion(p4, file('Потерянное обновление, P4')).passed).toBe(true);
    expect(judgeQuestion(p4, file('lost-update')).passed).toBe(true);
    // Every part must be right: a right form next to a wrong one is not an answer.
    expect(judgeQuestion(p4, file('P4 — грязная запись')).passed).toBe(false);
    expect(judgeQuestion(p4, file('P0, P4')).passed).toBe(false);
    expect(judgeQuestion(p4, file('P4,')).passed).toBe(true);
    const level: ShortExercise = { ...short, accept: ['READ-COMMITTED'] };
    expect(judgeQuestion(level, file('read committed')).passed).toBe(true);
    const numbers: ShortExercise = { ...short, accept: ['50'] };
    expect(judgeQuestion(numbers, file('50, 60')).passed).toBe(false);
  });

  it('does not drop a bracketed part that names another answer', () => {
    const code: ShortExercise = { ...short, accept: ['1213', 'ER_LOCK_DEADLOCK'] };
    expect(judgeQuestion(code, file('1213 (или 1205)')).passed).toBe(false);
    expect(judgeQuestion(code, file('1213 (1205)')).passed).toBe(false);
    expect(judgeQuestion(code, file('1213 (ER_LOCK_DEADLOCK)')).passed).toBe(true);
    expect(judgeQuestion(code, file('1213 (или ER_LOCK_DEADLOCK)')).passed).toBe(true);
    const truth: ShortExercise = { ...short, question: 'TRUE, FALSE или UNKNOWN?',
      accept: ['TRUE', 'истина'] };
    expect(judgeQuestion(truth, file('TRUE (UNKNOWN)')).passed).toBe(false);
    expect(judgeQuestion(truth, file('TRUE (истина)')).passed).toBe(true);
    expect(judgeQuestion(truth, file('TRUE (нет контрпримера)')).passed).toBe(true);
    expect(judgeQuestion(short, file('альтернативный (или потенциальный) ключ')).passed)
      .toBe(false);
    const four: ShortExercise = { ...short, accept: ['4', 'четыре'] };
    expect(judgeQuestion(four, file('4 (22)')).passed).toBe(false);
    expect(judgeQuestion(four, file('4 (четыре)')).passed).toBe(true);
    expect(judgeQuestion(four, file('4 (1 + 3)')).passed).toBe(true);
    const p4: ShortExercise = { ...short, accept: ['P4', 'lost update'] };
    expect(judgeQuestion(p4, file('P4 / lost update')).passed).toBe(true);
    const level: ShortExercise = { ...short, accept: ['READ COMMITTED', 'RC'] };
    expect(judgeQuestion(level, file('READ COMMITTED (REPEATABLE READ)')).passed).toBe(false);
    expect(judgeQuestion(level, file('READ COMMITTED (RC)')).passed).toBe(true);
    expect(judgeQuestion(level, file('READ COMMITTED (так в Django 5)')).passed).toBe(true);
  });

  it('says that a number is wanted bare when the answer adds words to it', () => {
    const number: ShortExercise = { ...short, accept: ['116'] };
    const verdict = judgeQuestion(number, file('116 соединений'));
    expect(verdict.passed).toBe(false);
    expect(verdict.feedback).toEqual({ kind: 'wrong-short', numberWithWords: true });
    const text = renderVerdict(verdict, number, 0, { width: 100, style: createStyle(false) });
    expect(text).toContain('напишите только его');
    // Words alone, or a word answer, get the usual message.
    expect(judgeQuestion(number, file('сто шестнадцать')).feedback)
      .toEqual({ kind: 'wrong-short' });
    expect(judgeQuestion(short, file('21 ключ')).feedback).toEqual({ kind: 'wrong-short' });
  });
});
