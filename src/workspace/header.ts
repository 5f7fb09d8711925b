/** The comment an answer file starts with: the task, and how to check it. */
import type { LessonEntry } from '../course/course.js';
import { isSqlExercise } from '../course/kinds.js';
import type { Exercise } from '../course/format.js';
import { wrapText } from '../render/wrap.js';

const WIDTH = 76;

function optionLines(exercise: Exercise): string[] {
  if (exercise.kind !== 'choice' && exercise.kind !== 'ordering') return [];
  return ['', ...exercise.options.flatMap((o) => wrapText(`${o.key}) ${o.text}`, WIDTH - 2)
    .map((line) => `  ${line}`))];
}

function instruction(exercise: Exercise): string {
  switch (exercise.kind) {
    case 'query':
      return 'Напишите один запрос SELECT под этими строками и сохраните файл.';
    case 'change':
      return 'Напишите операторы INSERT, UPDATE или DELETE (их может быть несколько, через ' +
        'точку с запятой) под этими строками и сохраните файл. Базу они не испортят: каждая ' +
        'проверка идёт на свежей копии.';
    case 'schema':
      return 'Напишите операторы CREATE TABLE, ALTER TABLE, CREATE INDEX или CREATE VIEW (их ' +
        'может быть несколько, через точку с запятой) под этими строками и сохраните файл. ' +
        'Проверка выполнит их на свежей копии учебной базы и сравнит получившуюся схему с ' +
        'верной.';
    case 'plan':
      return 'Напишите под этими строками операторы CREATE INDEX, если они нужны, и последним — ' +
        'один запрос SELECT; сохраните файл. Проверяются и результат запроса, и его план. ' +
        'Индексы создаются в копии базы на время проверки.';
    case 'choice':
      return exercise.multiple
        ? 'Верных вариантов может быть несколько: впишите их буквы через запятую под этими ' +
          'строками.'
        : 'Верен один вариант: впишите его букву под этими строками.';
    case 'ordering':
      return 'Впишите буквы всех вариантов в правильном порядке, через пробел, под этими ' +
        'строками.';
    case 'short':
      return 'Впишите короткий ответ под этими строками.';
  }
}

export function answerHeader(entry: LessonEntry, exercise: Exercise, index: number): string {
  const mark = isSqlExercise(exercise) ? '--' : '#';
  const task = isSqlExercise(exercise) ? exercise.task : exercise.question;
  const lines = [
    `Урок ${entry.short}, упражнение ${index + 1}: ${exercise.title} (${exercise.id})`,
    '',
    ...wrapText(task, WIDTH),
    ...optionLines(exercise),
    '',
    ...wrapText(instruction(exercise), WIDTH),
    `Проверить:  dbcourse check ${entry.short} ${exercise.id}`,
    `Подсказка:  dbcourse hint ${entry.short} ${exercise.id}`,
  ];

  return lines.map((line) => (line ? `${mark} ${line}` : mark)).join('\n') + '\n\n';
}
