/** Everything `dbcourse watch` says to the learner, in one place. */
import { plural } from '../../render/verdict.js';

const exercisesWord = (n: number) => plural(n, 'упражнение', 'упражнения', 'упражнений');

export const texts = {
  allLessonsPassed: 'Все уроки пройдены, следить не за чем. Открыть любой урок: ' +
    'dbcourse watch <урок> (список: dbcourse list).',
  eventsFailed: (code: string) => `события файловой системы недоступны: ${code}`,
  fileMissing: (path: string, short: string, id: string) => `Файла ответа нет: ${path}. ` +
    `Создать его заново с заданием в комментарии: dbcourse edit ${short} ${id}`,
  restart: 'Когда это будет исправлено, запустите dbcourse watch заново.',
  internalError: (message: string) => `Внутренняя ошибка при проверке: ${message}. Ответы и ` +
    'прогресс не затронуты; сохраните файл ещё раз или перезапустите dbcourse watch.',

  watching: (mode: 'events' | 'poll', pollMs: number, reason: string | undefined) =>
    mode === 'events'
      ? 'Ответ проверяется сразу, как только файл сохранён.'
      : `Файлы ответов проверяются опросом раз в ${pollMs} мс` +
        `${reason ? ` (${reason})` : ''}.`,
  answersIn: (folder: string, engine: 'sqlite' | 'mysql') => `Ответы: ${folder} · проверка ` +
    `на ${engine === 'mysql' ? 'MySQL' : 'SQLite'}`,
  noAnswerYet: 'Ответа пока нет: впишите его в файл и сохраните, проверка начнётся сама.',
  checking: 'проверяю…',
  checkedAt: (at: Date) => `проверено в ${clock(at)}`,

  status: {
    passed: 'верно',
    failed: 'не зачтено',
    empty: 'нет ответа',
    problem: 'не проверено',
    passedBefore: 'решено раньше',
    notChecked: 'ждёт ответа',
    otherEngine: 'на другой СУБД',
  },

  hintsTitle: (shown: number, total: number) => `Подсказки (${shown} из ${total}):`,
  // --give-up only while the exercise is unsolved: after that the solution is simply open.
  noMoreHints: (short: string, id: string, passed: boolean) => 'Подсказок больше нет. ' +
    `Решение с разбором: dbcourse solution ${short} ${id}${passed ? '' : ' --give-up'}`,

  solved: (done: number, total: number, left: string[], short: boolean) => left.length === 0
    ? `Решены все ${exercisesWord(total)}.`
    : `Решено ${done} из ${total}.${short ? '' : ` Осталось: ${left.join(', ')}.`}`,
  passedButFailingNow: (ids: string[]) => 'Все упражнения были решены раньше, и урок ' +
    `остаётся пройденным; сейчас не зачтено: ${ids.join(', ')} — ответ с тех пор изменился.`,
  lessonPassed: (short: string) => `Урок ${short} пройден!`,
  nextLessonKey: (short: string, title: string) => `n — перейти к уроку ${short} «${title}» ` +
    `(теория: dbcourse show ${short})`,
  nextLessonCommand: (short: string) => `Дальше: dbcourse show ${short}, затем ` +
    `dbcourse watch ${short}`,
  courseDone: 'Все уроки курса пройдены. Отличная работа!',

  keys: (withNext: boolean, scrolls: boolean, hintsOpen = false) => ['↑↓ упражнение',
    'Enter проверить сейчас', 'h подсказка', ...(hintsOpen ? ['Esc скрыть подсказки'] : []),
    ...(scrolls ? ['PgDn/PgUp листать'] : []),
    ...(withNext ? ['n следующий урок'] : []), 'q выход'].join(' · '),
  above: (lines: number) => `… выше ${plural(lines, 'строка', 'строки', 'строк')} (PgUp)`,
  below: (lines: number) => `… ниже ещё ${plural(lines, 'строка', 'строки', 'строк')} ` +
    '(PgDn или пробел)',

  plainStart: 'Выход: Ctrl+C.',
  plainSaved: (at: Date, file: string) => `${clock(at)} сохранён ${file}`,
  plainManual: (at: Date, file: string) => `${clock(at)} проверка ${file}`,
};

/** 09:05:03: the time of a check, so that the same verdict twice still shows it ran. */
export function clock(at: Date): string {
  return [at.getHours(), at.getMinutes(), at.getSeconds()]
    .map((n) => String(n).padStart(2, '0')).join(':');
}
