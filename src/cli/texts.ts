/** Longer learner-facing texts of the program itself. */
import type { Context } from './context.js';
import type { Screen } from '../render/screen.js';
import { wrapText } from '../render/wrap.js';

export function welcomeText(ctx: Context, screen: Screen = ctx.screen): string {
  const { style, width } = screen;
  const paragraph = (text: string) => wrapText(text, width).join('\n');

  return [
    style.accent('Добро пожаловать в dbcourse — курс по базам данных для Python-разработчика.'),
    paragraph('Курс идёт от простого к сложному: главы, в них темы, в темах уроки. В каждом ' +
      'уроке — теория с определениями (официальными и такими, как их спрашивают на ' +
      'собеседовании), примеры на базе книжного магазина, вопросы с собеседований, ' +
      'ссылки для углублённого изучения и практика, которую dbcourse проверяет сам.'),
    paragraph('Курс построен по вашему плану и вашим условиям; где план расходился со ' +
      'стандартами и тем, что спрашивают на собеседованиях, он исправлен — подробный разбор ' +
      'с источниками: dbcourse about.'),
    paragraph(`Ответы вы пишете в файлах в своём редакторе. Они лежат в папке ` +
      `${ctx.workspace} (другую папку можно задать параметром --workspace или переменной ` +
      'DBCOURSE_WORKSPACE). Запросы выполняются на учебной базе книжного магазина во ' +
      'встроенной SQLite: ничего устанавливать не нужно.'),
    [
      'Команды:',
      '  dbcourse next                 следующий непройденный урок',
      '  dbcourse check <урок>         проверить ответы, например: dbcourse check 2-1',
      '  dbcourse hint <урок> <упр.>   подсказка, по одной за раз',
      '  dbcourse run <урок> <упр.>    выполнить свой запрос и посмотреть результат',
      '  dbcourse sql                  консоль SQL: любые запросы к копии базы магазина',
      '  dbcourse list                 все уроки и прогресс',
      '  dbcourse about                разбор вашего плана курса: что исправлено и где',
      '  dbcourse --help               все команды',
    ].join('\n'),
    style.dim(paragraph('Если оболочка не находит команду dbcourse, выполните один раз ' +
      'npm link в папке курса или пишите npx dbcourse ... из этой папки.')),
    style.dim('─'.repeat(Math.min(width, 60))),
  ].join('\n\n');
}
