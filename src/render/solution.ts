/** A reference solution with its explanation, for the engine the learner checks on. */
import { isSqlExercise, referenceFor } from '../course/kinds.js';
import type { EngineName, Exercise } from '../course/format.js';
import type { Screen } from './screen.js';
import { highlightSql } from './sql-highlight.js';
import { wrapText } from './wrap.js';

function answerText(exercise: Exercise, engine: EngineName, screen: Screen): string {
  switch (exercise.kind) {
    case 'query':
    case 'change':
    case 'schema':
    case 'plan':
      return highlightSql(referenceFor(exercise, engine).trim(), screen.style)
        .split('\n').map((l) => `    ${l}`).join('\n');
    case 'choice':
      return `Верно: ${exercise.options.filter((o) => o.correct)
        .map((o) => `${o.key}) ${o.text}`).join('; ')}`;
    case 'ordering':
      return `Порядок: ${exercise.answer.join(' ')}`;
    case 'short':
      return `Ответ: ${exercise.accept[0]}`;
  }
}

/**
 * `passed`: whether the learner had solved it; if not, they are asked to write it themselves
 * now and check it (`lessonShort` names the lesson in that command).
 */
export function renderSolution(exercise: Exercise, engine: EngineName, passed: boolean,
  lessonShort: string, screen: Screen): string {
  const { style, width } = screen;
  return [
    style.bold(`Решение: ${exercise.title}`),
    answerText(exercise, engine, screen),
    '',
    wrapText(exercise.explanation, width).join('\n'),
    ...(passed ? [] : ['', style.dim(isSqlExercise(exercise)
      ? 'Теперь напишите запрос сами, не подглядывая, и проверьте: '
      : 'Впишите ответ в файл и проверьте: ') +
      style.dim(`dbcourse check ${lessonShort} ${exercise.id}`)]),
  ].join('\n');
}
