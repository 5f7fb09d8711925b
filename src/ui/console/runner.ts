/**
 * What the console does with a finished entry, whatever shows it: statements run one by one
 * on the session, console commands (\d, \?, \q, \reset) answered, every outcome turned into
 * text. Both the Ink screen and the plain (piped) mode print what this returns.
 */
import type { ConsoleOutcome, ConsoleSession } from '../../engines/console.js';
import { DEFAULT_MAX_ROWS } from '../../engines/engine.js';
import { explainEngineError } from '../../render/engine-errors.js';
import type { Screen } from '../../render/screen.js';
import { renderTable } from '../../render/table.js';
import { plural } from '../../render/verdict.js';
import { wrapText } from '../../render/wrap.js';
import { renderDescription, renderTableList } from './describe.js';
import { fitsAsTable, renderRecords } from './records.js';
import { isBlank, isMetaCommand, splitStatements } from './split.js';

export interface Printed {
  text: string;
  /** A statement failed, was refused or stopped: stderr and exit code 1 in plain mode. */
  error: boolean;
}

export interface EntryResult {
  printed: Printed[];
  failed: boolean;
  quit: boolean;
}

export interface RunnerOptions {
  /** Asked at each result: the terminal may have been resized. */
  screen: () => Screen;
  /** Rows shown of a result; the rest are counted. */
  keep: number;
  /** Stop at the first statement that fails (scripts), or run them all (typing). */
  stopOnError: boolean;
  /** Statements given at once (`-e`, a pipe): the console ends with them, no \reset to offer. */
  script?: boolean;
}

function rows(n: number): string {
  return plural(n, 'строка', 'строки', 'строк');
}

/** "  \\d <таблица>    what it does", its wrapped lines under the text, not the command. */
function commandLine(name: string, about: string, width: number): string {
  const indent = 18;
  return wrapText(about, Math.max(20, width - indent))
    .map((line, i) => (i === 0 ? `  ${name}`.padEnd(indent) : ' '.repeat(indent)) + line)
    .join('\n');
}

export class ConsoleRunner {
  private changed = false;

  constructor(private readonly session: ConsoleSession, private readonly options: RunnerOptions) {}

  /** Runs an entry: a console command, or one or more statements. */
  async entry(input: string): Promise<EntryResult> {
    const text = input.replace(/^\uFEFF/, '');
    if (isMetaCommand(text)) return this.command(text.trim());

    // A script's last statement may go without its `;`.
    const { statements, rest } = splitStatements(text);
    const all = isBlank(rest) ? statements : [...statements, rest.trim()];
    const printed: Printed[] = [];
    let failed = false;

    for (const [i, statement] of all.entries()) {
      const outcome = await this.session.run(statement, this.options.keep);
      const shown = this.outcomeText(outcome, statement);
      printed.push(shown);
      failed ||= shown.error;
      if (shown.error && this.options.stopOnError) {
        if (i < all.length - 1) printed.push({ text: 'Следующие операторы не выполнены.',
          error: true });
        break;
      }
    }

    return { printed, failed, quit: false };
  }

  helpText(): string {
    const { style, width } = this.options.screen();
    const paragraph = (text: string) => wrapText(text, width).join('\n');
    return [
      style.bold('Консоль SQL dbcourse') + style.dim(` (${this.session.engine})`),
      paragraph(this.session.sandboxNote),
      paragraph('Оператор заканчивается точкой с запятой: Enter без «;» продолжает его на ' +
        'следующей строке. Можно вставить несколько операторов сразу. Результат, который не ' +
        'помещается в ширину экрана, показывается по записям: столбец | значение.'),
      [
        ['\\d', 'таблицы базы'],
        ['\\d <таблица>', 'столбцы, типы, ключи, внешние ключи и индексы, например \\d books'],
        ['\\reset', 'вернуть базу к исходному состоянию'],
        ['\\? или \\h', 'эта справка'],
        ['\\q', 'выход (или Ctrl+D)'],
      ].map(([name, about]) => commandLine(name, about, width)).join('\n'),
      style.dim(paragraph('Клавиши: ↑/↓ — история запросов (она сохраняется между ' +
        'запусками), ←/→, Home/End — курсор, Ctrl+U — стереть строку, Ctrl+C — прервать ' +
        'запрос или очистить ввод.')),
    ].join('\n\n');
  }

  private async command(text: string): Promise<EntryResult> {
    const [name, ...args] = text.replace(/;\s*$/, '').split(/\s+/);
    const ok = (shown: string): EntryResult => ({ printed: [{ text: shown, error: false }],
      failed: false, quit: false });
    const screen = this.options.screen();

    switch (name.toLowerCase()) {
      case '\\q':
      case '\\quit':
      case 'exit':
      case 'quit':
        return { printed: [], failed: false, quit: true };
      case '\\?':
      case '\\h':
      case '\\help':
        return ok(this.helpText());
      case '\\d':
      case '\\dt':
        return args.length === 0 ? ok(renderTableList(await this.session.tables(), screen))
          : this.describe(args.join(' ').replace(/^["`]|["`]$/g, ''));
      case '\\reset':
        await this.session.reset();
        this.changed = false;
        return ok('База возвращена к исходному состоянию: все изменения этой сессии отменены.');
      default:
        return { printed: [{ text: screen.style.warn(`Нет команды ${name}. Команды ` +
          'консоли: \\?'), error: true }], failed: true, quit: false };
    }
  }

  private async describe(table: string): Promise<EntryResult> {
    const screen = this.options.screen();
    const found = await this.session.describe(table);
    if (found) {
      return { printed: [{ text: renderDescription(found, screen), error: false }],
        failed: false, quit: false };
    }

    const names = (await this.session.tables()).map((t) => t.name).join(', ');
    return { printed: [{ text: screen.style.warn(`Нет таблицы «${table}». Таблицы: ${names}.`),
      error: true }], failed: true, quit: false };
  }

  /** `statement`: the SQL that was run, to point at a syntax error in it. */
  private outcomeText(outcome: ConsoleOutcome, statement: string): Printed {
    const { style, width } = this.options.screen();
    const say = (text: string) => wrapText(text, width).join('\n');
    const lost = ' Открытая транзакция отменена: её изменения пропали.';

    switch (outcome.kind) {
      case 'rows': {
        const table = fitsAsTable(outcome.columns, outcome.rows, width)
          ? renderTable(outcome.columns, outcome.rows, { width, style })
          : renderRecords(outcome.columns, outcome.rows, { width, style });
        const shown = outcome.rows.length < outcome.total
          ? `; показаны первые ${outcome.rows.length}` : '';
        const footer = outcome.overLimit
          ? `Строк больше ${DEFAULT_MAX_ROWS}: запрос остановлен на этом числе${shown}. ` +
            'Похоже, не хватает условия соединения или фильтра.'
          : `${rows(outcome.total)}${shown}.`;
        return { text: `${table}\n${style.dim(say(footer))}`, error: false };
      }
      case 'done': {
        const what = { insert: 'Добавлено', update: 'Изменено', delete: 'Удалено' };
        let text = outcome.verb === 'other' ? 'Готово.'
          : `${what[outcome.verb]} строк: ${outcome.count}.`;
        if (!this.changed) {
          this.changed = true;
          text += '\n' + style.dim(say(this.options.script
            ? 'Изменения видны только до конца этого запуска dbcourse sql; учебная база и ' +
              'проверка ответов их не увидят.'
            : this.session.changeNote));
        }
        return { text, error: false };
      }
      case 'error': {
        const reset = outcome.reset
          ? ' Сервер отменил транзакцию консоли: изменения этой сессии пропали.' : '';
        const text = say('Ошибка: ' + explainEngineError(outcome.message, statement) + reset);
        return { text: style.bad('Ошибка:') + text.slice('Ошибка:'.length), error: true };
      }
      case 'refused':
        return { text: style.warn(say(outcome.message)), error: true };
      case 'timeout':
        return { text: style.warn(say(`Запрос выполнялся дольше ${outcome.seconds} с и был ` +
          `остановлен${this.options.stopOnError ? '' : '; консоль работает дальше'}. ` +
          'Проверьте условия соединения (нет ли ' +
          'декартова произведения) и рекурсию.' + (outcome.reset ? lost : ''))), error: true };
      case 'cancelled':
        return { text: style.warn('Запрос прерван.' + (outcome.reset ? lost : '')),
          error: true };
    }
  }
}
