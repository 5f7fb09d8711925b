/**
 * The command line: commander with Russian help. Each command's module is imported only when
 * that command runs, so `dbcourse --help` loads almost nothing.
 */
import { Command, Help } from 'commander';
import type { Context, GlobalOptions } from './context.js';

const SETUP_ADMIN = 'mysql://root@127.0.0.1:3306';
const SETUP_USER = 'dbcourse';

const titles: Record<string, string> = {
  'Usage:': 'Использование:',
  'Options:': 'Параметры:',
  'Commands:': 'Команды:',
  'Arguments:': 'Аргументы:',
  'Global Options:': 'Общие параметры:',
};

function russianTerms(text: string): string {
  return text.replace('[options]', '[параметры]').replace('[command]', '[команда]');
}

class RussianHelp extends Help {
  styleTitle(title: string): string {
    return titles[title] ?? title;
  }

  commandUsage(command: Command): string {
    return russianTerms(super.commandUsage(command));
  }

  subcommandTerm(command: Command): string {
    // The list stays narrow enough to wrap; each command's own help shows its options.
    return super.subcommandTerm(command).replace(' [options]', '');
  }
}

export type Action = (ctx: Context) => Promise<number>;

/** Builds the program; `run` receives the chosen command's action and the global options. */
export function buildProgram(version: string, out: (text: string) => void, helpWidth: number,
  run: (action: Action, options: GlobalOptions) => void): Command {
  const program = new Command('dbcourse');

  program
    .description('Курс по базам данных для Python-разработчика: теория, определения, ' +
      'вопросы с собеседований и практика на SQL с автоматической проверкой.')
    .version(version, '-V, --version', 'показать версию')
    .helpOption('-h, --help', 'показать справку')
    .helpCommand('help [команда]', 'справка по команде')
    .option('--workspace <папка>', 'папка с файлами ответов (по умолчанию ~/dbcourse)')
    .option('--engine <субд>', 'sqlite или mysql, только для этой команды (см. dbcourse db)')
    .option('--no-pager', 'не листать длинный текст через less')
    .option('--no-color', 'без цвета')
    .option('--debug', 'при внутренней ошибке показать подробности')
    .configureOutput({ writeOut: out, writeErr: out, outputError: () => undefined })
    .exitOverride()
    .showSuggestionAfterError(false);

  const globals = () => program.opts<GlobalOptions>();
  const on = (action: Action) => run(action, globals());

  program
    .command('next')
    .description('показать следующий непройденный урок (по умолчанию, если вывод не в терминал)')
    .action(() => on(async (ctx) => (await import('./commands/next.js')).next(ctx)));

  program
    .command('list')
    .description('все главы, темы и уроки с отметками; -i — карта курса (по умолчанию в терминале)')
    .option('-i, --interactive', 'карта курса: навигация клавишами, поиск, открыть урок')
    .option('--json', 'в формате JSON (для редакторов и скриптов)')
    .action((options: { interactive?: boolean; json?: boolean }) =>
      on(async (ctx) => (await import('./commands/list.js')).list(ctx, options)));

  program
    .command('show')
    .description('показать урок')
    .argument('<урок>', 'номер урока: 2-4, 2.4 или lesson-2-4')
    .option('-i, --interactive', 'читать по страницам: оглавление, проверка, подсказки')
    .action((lesson: string, options: { interactive?: boolean }) =>
      on(async (ctx) => (await import('./commands/show.js'))
        .show(ctx, lesson, Boolean(options.interactive))));

  program
    .command('check')
    .description('проверить ответы урока (или одного упражнения) и записать результат')
    .argument('<урок>', 'номер урока: 2-4')
    .argument('[упражнение]', 'id упражнения или его номер в уроке')
    .option('--json', 'вердикты в формате JSON (для редакторов и скриптов)')
    .action((lesson: string, exercise: string | undefined, options: { json?: boolean }) =>
      on(async (ctx) => (await import('./commands/check.js'))
        .check(ctx, lesson, exercise, Boolean(options.json))));

  program
    .command('run')
    .description('выполнить свой запрос на базе магазина и показать результат (без проверки)')
    .argument('<урок>', 'номер урока: 2-4')
    .argument('<упражнение>', 'id упражнения или его номер в уроке')
    .action((lesson: string, exercise: string) =>
      on(async (ctx) => (await import('./commands/run.js')).run(ctx, lesson, exercise)));

  program
    .command('sql')
    .description('консоль SQL: любые запросы к копии учебной базы магазина (изменения ' +
      'не сохраняются)')
    .option('-e, --execute <sql>', 'выполнить операторы и вывести результат без консоли')
    .addHelpText('after', '\nПримеры:\n  dbcourse sql\n  dbcourse sql -e "SELECT title, ' +
      'price FROM books LIMIT 5"\n  dbcourse sql < запросы.sql\n\nВ консоли: \\d — таблицы, ' +
      '\\d books — столбцы и ключи таблицы, \\? — справка, \\q — выход.')
    .action((options: { execute?: string }) =>
      on(async (ctx) => (await import('./commands/sql.js')).sql(ctx, options.execute)));

  program
    .command('answer')
    .description('ответить на вопрос (выбор, порядок, короткий ответ) прямо в терминале')
    .argument('<урок>', 'номер урока: 1-1')
    .argument('<упражнение>', 'id упражнения или его номер в уроке')
    .action((lesson: string, exercise: string) =>
      on(async (ctx) => (await import('./commands/answer.js')).answer(ctx, lesson, exercise)));

  program
    .command('hint')
    .description('следующая подсказка к упражнению, по одной за раз')
    .argument('<урок>', 'номер урока: 2-4')
    .argument('<упражнение>', 'id упражнения или его номер в уроке')
    .action((lesson: string, exercise: string) =>
      on(async (ctx) => (await import('./commands/hint.js')).hint(ctx, lesson, exercise)));

  program
    .command('solution')
    .description('эталонное решение с объяснением (после того как упражнение решено)')
    .argument('<урок>', 'номер урока: 2-4')
    .argument('<упражнение>', 'id упражнения или его номер в уроке')
    .option('--give-up', 'показать решение, не решив упражнение (отметится в прогрессе)')
    .action((lesson: string, exercise: string, options: { giveUp?: boolean }) =>
      on(async (ctx) => (await import('./commands/solution.js'))
        .solution(ctx, lesson, exercise, Boolean(options.giveUp))));

  program
    .command('watch')
    .description('проверять ответы урока при каждом сохранении файла (по умолчанию текущий урок)')
    .argument('[урок]', 'номер урока: 2-1')
    .option('--poll', 'опрашивать файлы, а не ждать событий (для сетевых папок, WSL, Docker)')
    .action((lesson: string | undefined, options: { poll?: boolean }) =>
      on(async (ctx) => (await import('./commands/watch.js'))
        .watch(ctx, lesson, { poll: Boolean(options.poll) })));

  program
    .command('edit')
    .description('открыть файл ответа в редакторе ($VISUAL или $EDITOR)')
    .argument('<урок>', 'номер урока: 2-1')
    .argument('<упражнение>', 'id упражнения или его номер в уроке')
    .action((lesson: string, exercise: string) =>
      on(async (ctx) => (await import('./commands/edit.js')).edit(ctx, lesson, exercise)));

  program
    .command('glossary')
    .description('словарь: все определения курса или одно, с источником и уроком')
    .argument('[термин]', 'часть термина на русском или английском: ключ, join')
    .option('--json', 'в формате JSON')
    .action((term: string | undefined, options: { json?: boolean }) =>
      on(async (ctx) => (await import('./commands/glossary.js'))
        .glossary(ctx, term, Boolean(options.json))));

  program
    .command('drill')
    .description('повторение по интервалам: определения и вопросы с собеседований из ' +
      'открытых уроков')
    .option('--list', 'только список карточек на сегодня, без тренировки')
    .option('--json', 'список карточек на сегодня в формате JSON')
    .option('--new <число>', 'сколько новых карточек можно начать сегодня (по умолчанию 10)')
    .action((options: { list?: boolean; json?: boolean; new?: string }) =>
      on(async (ctx) => (await import('./commands/drill.js')).drill(ctx, options)));

  program
    .command('schema')
    .description('схема учебной базы магазина: таблицы, столбцы, ключи и связи')
    .option('--format <формат>', 'text (по умолчанию) или mermaid')
    .action((options: { format?: string }) =>
      on(async (ctx) => (await import('./commands/schema.js'))
        .schema(ctx, options.format ?? 'text')));

  program
    .command('about')
    .description('разбор вашего собственного плана курса: что в нём не так и где это в курсе')
    .action(() => on(async (ctx) => (await import('./commands/about.js')).about(ctx)));

  const db = program
    .command('db')
    .description('СУБД для проверки: встроенная SQLite (по умолчанию) или MySQL/MariaDB');

  db.command('status')
    .description('какая СУБД используется, доступна ли она и что делать, если нет')
    .action(() => on(async (ctx) => (await import('./commands/db.js')).status(ctx)));

  db.command('use')
    .description('проверять ответы на sqlite или mysql')
    .argument('<субд>', 'sqlite или mysql')
    .option('--url <адрес>', 'адрес сервера: mysql://пользователь:пароль@127.0.0.1:3306')
    .action((name: string, options: { url?: string }) =>
      on(async (ctx) => (await import('./commands/db.js')).use(ctx, name, options.url)));

  db.command('setup')
    .description('подготовить сервер MySQL/MariaDB: отдельный пользователь и учебные базы')
    // Defaults said in the description: commander would add "(default: ...)" in English.
    .option('--admin-url <адрес>', 'администратор сервера, только на время настройки ' +
      `(по умолчанию ${SETUP_ADMIN})`)
    .option('--user <имя>', `пользователь курса (по умолчанию ${SETUP_USER})`)
    .action((options: { adminUrl?: string; user?: string }) =>
      on(async (ctx) => (await import('./commands/db.js'))
        .setup(ctx, options.adminUrl ?? SETUP_ADMIN, options.user ?? SETUP_USER)));

  program
    .command('progress')
    .description('прогресс по главам')
    .option('--json', 'в формате JSON (для редакторов и скриптов)')
    .action((options: { json?: boolean }) => on(async (ctx) =>
      (await import('./commands/progress.js')).progress(ctx, Boolean(options.json))));

  for (const command of [program, ...program.commands, ...db.commands]) {
    if (command !== program) command.helpOption('-h, --help', 'показать справку');
    command.configureOutput({ writeOut: out, writeErr: out, outputError: () => undefined });
    command.exitOverride();
    command.configureHelp({ helpWidth });
    command.createHelp = () => Object.assign(new RussianHelp(), command.configureHelp());
  }

  return program;
}
