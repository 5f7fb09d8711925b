/**
 * Which statements a console session runs, looked at before they reach the engine (the same
 * literal- and comment-aware reading as the checker's pre-screen). SQLite sessions live on a
 * private in-memory copy, so almost anything goes there; MySQL sessions are one transaction on
 * the shared dataset database, so nothing that could end it or reach past it may run.
 */
import { blankLiterals } from '../checker/statements.js';
import type { EngineName } from '../course/format.js';

const SQLITE_FORBIDDEN: [RegExp, string][] = [
  [/\b(attach|detach)\b/i, 'В консоли работает одна база — копия учебного магазина в памяти; ' +
    'подключать другие файлы (ATTACH) нельзя.'],
  [/\bvacuum\b/i, 'VACUUM в консоли не нужен: база живёт в памяти и исчезнет при выходе.'],
  [/\bpragma\b/i, 'PRAGMA в консоли не выполняются. Столбцы, ключи и индексы таблицы ' +
    'показывает \\d <таблица>, например \\d books.'],
  [/\bload_extension\b/i, 'Расширения SQLite в консоли не загружаются.'],
];

const MYSQL_QUERY_HEADS = new Set(['select', 'with', 'insert', 'update', 'delete', 'replace',
  'explain', 'describe', 'desc', 'show', 'table', 'values', '(']);

const ONLY_HERE = 'Консоль работает только с учебной базой магазина; другие базы, в том числе ' +
  'скрытые наборы данных для проверки, ей недоступны.';

// Known shortcoming: DDL on MySQL needs a scratch database per session (the schema
// exercises bring one); until then the console refuses it rather than touch the dataset.
const MYSQL_DDL = 'Изменять схему (CREATE, ALTER, DROP, RENAME, TRUNCATE) в консоли на MySQL ' +
  'пока нельзя: такой оператор сразу фиксирует транзакцию, и изменение попало бы в общую ' +
  'учебную базу. Попробуйте его на копии в SQLite: dbcourse --engine sqlite sql';

const MYSQL_TRANSACTION = 'Вся сессия консоли на MySQL — одна транзакция, которая ' +
  'откатывается при выходе, поэтому START TRANSACTION, COMMIT, ROLLBACK, SAVEPOINT и LOCK ' +
  'здесь недоступны. Отменить свои изменения: \\reset. Потренировать транзакции можно на ' +
  'SQLite: dbcourse --engine sqlite sql';

const MYSQL_SET = 'SET в консоли на MySQL недоступен: настройки сессии закреплены курсом. ' +
  'Переменную можно задать в запросе: SELECT @x := 1;';

function mysqlRefusal(head: string, words: string, raw: string): string | undefined {
  if (/\/\*M?!/.test(raw)) {
    return 'Исполняемые комментарии /*! ... */ в консоли не выполняются: напишите оператор ' +
      'без них.';
  }
  if (/^(create|alter|drop|rename|truncate)$/.test(head)) return MYSQL_DDL;
  if (/^(start|begin|commit|rollback|savepoint|release|xa|lock|unlock)$/.test(head)) {
    return MYSQL_TRANSACTION;
  }
  if (head === 'set') return MYSQL_SET;
  if (head === 'use') return ONLY_HERE;
  if (!MYSQL_QUERY_HEADS.has(head)) {
    return `Оператор ${head.toUpperCase()} в консоли на MySQL недоступен. Здесь выполняются ` +
      'SELECT, INSERT, UPDATE, DELETE, а также EXPLAIN, SHOW и DESCRIBE.';
  }
  if (/\b(into\s+(outfile|dumpfile))\b/i.test(words)) {
    return 'SELECT ... INTO OUTFILE в консоли недоступен: результат и так выводится на экран.';
  }
  if (/\bdbcourse\w*/i.test(words)) return ONLY_HERE;
  return undefined;
}

/**
 * The Russian reason a statement may not run in a console session on this engine, or
 * undefined when it may.
 */
export function consoleRefusal(sql: string, engine: EngineName): string | undefined {
  let text = sql.replace(/^\uFEFF/, '');
  if (engine === 'mysql') {
    // MySQL reads "--x" as two minus signs, not a comment; and names in backticks must stay
    // visible, so that `dbcourse_...` cannot hide inside them.
    text = text.replace(/--(?=\S)/g, '- -').replace(/`/g, ' ');
  }

  for (const part of blankLiterals(text).split(';')) {
    const words = part.trim();
    if (words === '') continue;

    if (engine === 'sqlite') {
      const found = SQLITE_FORBIDDEN.find(([pattern]) => pattern.test(words));
      if (found) return found[1];
      continue;
    }

    const head = (/^\(|^[a-z_]+/i.exec(words)?.[0] ?? '').toLowerCase();
    const refusal = mysqlRefusal(head, words, sql);
    if (refusal) return refusal;
  }

  return undefined;
}

/** What a statement that returned no rows did, for the "3 rows deleted" line. */
export function changeVerb(sql: string): 'insert' | 'update' | 'delete' | 'other' {
  const head = /^[a-z]+/i.exec(blankLiterals(sql.replace(/^\uFEFF/, '')).trim())?.[0]
    .toLowerCase();
  if (head === 'insert' || head === 'replace') return 'insert';
  return head === 'update' || head === 'delete' ? head : 'other';
}
