/**
 * The engines' error messages explained in Russian for the mistakes learners make most; the
 * engine's own text is kept beside the explanation (it is what a search engine knows). With
 * the statement that failed, a syntax error also says what looks wrong and where.
 */
import { diagnoseSyntax, type ErrorPoint } from './sql-syntax.js';

const TABLES = 'publishers, genres, authors, books, book_authors, customers, orders, ' +
  'order_items, reviews';

const ENDED_EARLY = 'Запрос оборван: текст закончился, а запрос ещё не дописан.';
const ENDED_EARLY_WHY = 'Так бывает, когда не дописано выражение или часть запроса ' +
  '(например, WHERE без условия), после оператора или запятой ничего нет или не закрыта ' +
  'скобка либо кавычка.';
const NEAR_WHY = 'Проверьте, что перед этим местом всё дописано (нет оператора или запятой ' +
  'без продолжения, части запроса вроде WHERE без условия), нет лишней или незакрытой ' +
  'скобки и ключевые слова написаны верно.';

/** A syntax error: the engine's words, then what looks wrong and where, if the SQL tells. */
function syntax(head: string, generic: string, sql: string | undefined,
  point: ErrorPoint | undefined, mysql = false): string {
  const found = sql && point ? diagnoseSyntax(sql, point, { backslashEscapes: mysql }) : {};
  return [head, found.cause ? `Похоже, ${found.cause}.` : generic,
    found.place ? `Место: ${found.place}.` : ''].filter(Boolean).join(' ');
}

/** Where MySQL's "near '...' at line N" points in the statement: the rest starts there. */
function mysqlPoint(sql: string | undefined, rest: string, line: number): ErrorPoint | undefined {
  if (!sql) return undefined;
  if (rest.trim() === '') return { at: 'end' };
  const lineStart = sql.split('\n').slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  const head = rest.slice(0, 30);
  const offset = sql.indexOf(head, lineStart);
  const found = offset >= 0 ? offset : sql.indexOf(head);
  return found >= 0 ? { at: 'offset', offset: found } : undefined;
}

/**
 * MySQL's unknown column: a SELECT alias in WHERE (MySQL, unlike SQLite, refuses it) only
 * when WHERE names one of the statement's aliases; otherwise a misspelt column or table alias.
 */
function unknownColumn(name: string, place: string, sql: string | undefined): string {
  const bare = name.replace(/^.*\./, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const alias = sql !== undefined && new RegExp(`\\bAS\\s+[\`"]?${bare}\\b`, 'i').test(sql);
  const head = `Нет столбца ${name} (в ${place})`;
  if (!/^where/i.test(place)) return `${head}: проверьте имя столбца и псевдоним таблицы.`;
  if (alias) {
    return `${head}: псевдоним из SELECT нельзя использовать в WHERE — WHERE выполняется ` +
      'раньше SELECT; повторите там само выражение.';
  }
  return `${head}: проверьте имя столбца и псевдоним таблицы` +
    (sql === undefined ? '; псевдоним из SELECT в WHERE использовать нельзя.' : '.');
}

type Explain = (m: RegExpExecArray, sql?: string) => string;

/** Does the statement open with this word (after comments)? Unknown statement: no. */
function startsWith(sql: string | undefined, word: string): boolean {
  if (sql === undefined) return false;
  const code = sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ' ').trimStart();
  return code.toUpperCase().startsWith(word.toUpperCase()) &&
    !/\w/.test(code.charAt(word.length));
}

/** A MySQL statement that SQLite does not have, and what to do instead. */
function mysqlOnly(word: string): string {
  const instead: Record<string, string> = {
    TRUNCATE: 'В SQLite вместо TRUNCATE TABLE t пишут DELETE FROM t.',
    START: 'В SQLite транзакцию начинает BEGIN.',
    DESCRIBE: 'Столбцы таблиц покажет dbcourse schema, а в консоли dbcourse sql — \\d books.',
    DESC: 'Столбцы таблиц покажет dbcourse schema, а в консоли dbcourse sql — \\d books.',
    USE: 'В учебной базе одна схема, переключаться не нужно.',
  };
  return `${word} — оператор MySQL, в SQLite его нет` +
    (['SHOW', 'GRANT', 'REVOKE', 'FLUSH', 'KILL'].includes(word)
      ? ' (у SQLite нет ни пользователей и прав, ни статуса сервера и его журналов).' : '.') +
    ` ${instead[word] ?? ''}`.trimEnd() +
    ' Чтобы выполнять его как в уроке, подключите MySQL: dbcourse db setup, затем ' +
    'dbcourse db use mysql (или один раз: dbcourse --engine mysql sql).';
}

const TIME_UNIT = /^(MICROSECOND|SECOND|MINUTE|HOUR|DAY|WEEK|MONTH|QUARTER|YEAR)$/i;
const MYSQL_DATE_FUNCTION =
  /\b(TIMESTAMPDIFF|TIMESTAMPADD|DATE_ADD|DATE_SUB|ADDDATE|SUBDATE)\s*\(|\bINTERVAL\b/i;

/**
 * "no such column: SECOND" from SQLite for TIMESTAMPDIFF(SECOND, a, b): a MySQL function, not a
 * misspelled column. Said so when the statement uses such a function, or, statement unknown,
 * when the unit is written in capitals as in MySQL (an alias `hour` stays a column).
 */
function mysqlTimeUnit(name: string, sql?: string): boolean {
  if (!TIME_UNIT.test(name)) return false;
  return sql === undefined ? name === name.toUpperCase() : MYSQL_DATE_FUNCTION.test(sql);
}

const explanations: [RegExp, Explain][] = [
  // SQLite
  [/SQLITE_NOTADB|SQLITE_CORRUPT|file is not a database|disk image is malformed/, () =>
    'Учебная база в кэше dbcourse повреждена. Удалите папку sqlite в кэше (обычно ' +
    '~/.cache/dbcourse/sqlite) и повторите команду: dbcourse соберёт базу заново; ответы и ' +
    'прогресс это не затронет.'],
  [/^near "(all|any|some)": syntax error/i, (m) => `В SQLite нет ${m[1].toUpperCase()} перед ` +
    'подзапросом: перепишите через NOT EXISTS или сравнение с MIN/MAX (как в уроке); в MySQL ' +
    'так писать можно.'],
  [new RegExp('^near "(AUTO_INCREMENT|ENGINE|KEY|MODIFY|CHANGE|COMMENT|UNSIGNED|CHARSET|' +
    'AFTER|FIRST|CONSTRAINT)": syntax error', 'i'), (m) => `«${m[1]}» здесь — синтаксис ` +
      'MySQL, которого нет в SQLite. В SQLite автонумерация ' +
      '— id INTEGER PRIMARY KEY, индекс создают отдельным CREATE INDEX, ENGINE и CHARSET не ' +
      'пишут, а ALTER TABLE не умеет менять столбцы и добавлять ограничения (таблицу ' +
      'пересоздают). Или проверяйте на MySQL: dbcourse db setup, затем dbcourse db use mysql.'],
  [new RegExp('^near "(SHOW|DESCRIBE|DESC|GRANT|REVOKE|FLUSH|KILL|TRUNCATE|USE|START|LOCK|' +
    'UNLOCK)": syntax error', 'i'),
    (m, sql) => (startsWith(sql, m[1]) ? mysqlOnly(m[1].toUpperCase())
      : syntax(`Синтаксическая ошибка рядом с «${m[1]}».`, NEAR_WHY, sql,
        { at: 'token', text: m[1] }))],
  [/^near "(.+?)": syntax error/, (m, sql) => syntax(`Синтаксическая ошибка рядом с ` +
    `«${m[1]}».`, NEAR_WHY, sql, { at: 'token', text: m[1] })],
  [/^incomplete input/, (_m, sql) => syntax(ENDED_EARLY, ENDED_EARLY_WHY, sql, { at: 'end' })],
  [/^no such column: (.+?) - should this be a string literal/, (m) => `Нет столбца ${m[1]}. ` +
    'Если это строка, возьмите её в одинарные кавычки: двойные означают имя столбца.'],
  [/^no such column: (.+)$/, (m, sql) => (mysqlTimeUnit(m[1], sql)
    ? `SQLite не знает ${m[1]}: это единица времени из функции MySQL (TIMESTAMPDIFF, ` +
      'DATE_ADD, INTERVAL), а в SQLite таких функций нет. Разницу в секундах там считают ' +
      "так: strftime('%s', конец) - strftime('%s', начало); сдвиг даты — date(x, '+1 day'). " +
      'Или проверяйте на MySQL: dbcourse db setup, затем dbcourse db use mysql.'
    : `Нет столбца ${m[1]}: проверьте имя и псевдоним таблицы.`)],
  [/^no such table: (.+)$/, (m) => `Нет таблицы ${m[1]}. Таблицы базы: ${TABLES}.`],
  [/^ambiguous column name: (.+)$/, (m) => `Столбец ${m[1]} есть в нескольких таблицах ` +
    'запроса: укажите таблицу или её псевдоним, например b.' + m[1].replace(/^.*\./, '') + '.'],
  [/^misuse of aggregate(?: function)?:? (\S+)/, (m) => `Агрегатная функция ${m[1]} стоит там, ` +
    'где её нельзя вычислить (например, в WHERE): условия на агрегаты пишутся в HAVING.'],
  [/^misuse of window function/, () => 'Оконная функция стоит там, где её нельзя вычислить ' +
    '(например, в WHERE): посчитайте её в подзапросе или CTE, а фильтруйте снаружи.'],
  [/^no such function: (.+)$/, (m) => `В SQLite нет функции ${m[1]}; возможно, это функция ` +
    'MySQL — в уроке сказано, чем её заменить.'],
  [/a GROUP BY clause is required before HAVING/, () => 'HAVING без GROUP BY: сначала ' +
    'сгруппируйте строки.'],
  [/^sub-select returns (\d+) columns - expected 1/, (m) => `Подзапрос возвращает ${m[1]} ` +
    'столбца(ов), а здесь нужен ровно один.'],
  [/do not have the same number of result columns/, () => 'У частей UNION/INTERSECT/EXCEPT ' +
    'разное число столбцов.'],
  [/ORDER BY term does not match any column in the result set/, () => 'ORDER BY после UNION ' +
    'может ссылаться только на столбцы результата.'],
  [/^FOREIGN KEY constraint failed/, () => 'Оператор нарушил внешний ключ: ссылка на ' +
    'несуществующую строку или удаление строки, на которую ещё ссылаются.'],
  [/^CHECK constraint failed: (.+)$/, (m) => `Значение нарушило ограничение CHECK (${m[1]}).`],
  [/^NOT NULL constraint failed: (.+)$/, (m) => `В обязательный столбец ${m[1]} попал NULL.`],
  [/^UNIQUE constraint failed: (.+)$/, (m) => `Значение ${m[1]} повторяется, а оно должно ` +
    'быть уникальным.'],
  [/^table (\S+) already exists/, (m) => `Таблица ${m[1]} уже есть в базе: выберите другое ` +
    'имя или измените существующую таблицу через ALTER TABLE.'],
  [/^not authorized/, () => 'Эта операция в учебной базе запрещена.'],
  [/^Expression tree is too large/, () => 'Выражение слишком большое: упростите запрос.'],
  [/^unrecognized token: "?(.+?)"?$/, (m) => `SQLite не понимает «${m[1]}»: проверьте кавычки ` +
    '(строки — в одинарных, имена — в двойных) и нет ли лишнего символа.'],
  [/^Cannot add a (UNIQUE|PRIMARY KEY) column/, (m) => `SQLite не умеет добавлять столбец с ` +
    `${m[1]} через ALTER TABLE ... ADD COLUMN: добавьте столбец без ограничения, а ` +
    (m[1] === 'UNIQUE' ? 'уникальность — отдельным оператором CREATE UNIQUE INDEX ... ON ' +
      'таблица (столбец).' : 'первичный ключ задают при создании таблицы (её пересоздают).')],
  [/^Cannot add a NOT NULL column with default value NULL/, () => 'Новый столбец NOT NULL без ' +
    'значения по умолчанию: чем заполнить его в уже существующих строках? Допустите NULL или ' +
    'задайте DEFAULT.'],
  [/^cannot (rollback|commit) - no transaction is active/, (m) => `${m[1] === 'commit' ? 'COMMIT'
    : 'ROLLBACK'} без открытой транзакции: сначала BEGIN (или START TRANSACTION).`],
  // MySQL / MariaDB
  [/^You have an error in your SQL syntax.*near '([\s\S]*?)' at line (\d+)/, (m, sql) =>
    (m[1].trim() === ''
      ? syntax(ENDED_EARLY, ENDED_EARLY_WHY, sql, mysqlPoint(sql, '', 1), true)
      : syntax(`Синтаксическая ошибка в строке ${m[2]}, рядом с «${m[1].slice(0, 40)}».`,
        NEAR_WHY, sql, mysqlPoint(sql, m[1], Number(m[2])), true))],
  [/^Unknown column '(.+?)' in '(.+?)'/, (m, sql) => unknownColumn(m[1], m[2], sql)],
  [/^Table '(?:.+\.)?(.+?)' doesn't exist/, (m) => `Нет таблицы ${m[1]}. Таблицы базы: ${TABLES}.`],
  [/^Column '(.+?)' in .+ is ambiguous/, (m) => `Столбец ${m[1]} есть в нескольких таблицах: ` +
    'укажите таблицу или её псевдоним.'],
  [/^Invalid use of group function/, () => 'Агрегатная функция там, где её нельзя вычислить ' +
    '(например, в WHERE): условия на агрегаты пишутся в HAVING.'],
  [/isn't in GROUP BY|not in GROUP BY clause/, () => 'В SELECT есть столбец, которого нет в ' +
    'GROUP BY и который не под агрегатной функцией (режим ONLY_FULL_GROUP_BY).'],
  [/^FUNCTION (?:[\w$]+\.)?([\w$]+) does not exist/, (m) => `В MySQL нет функции ${m[1]}; ` +
    'возможно, это функция SQLite (strftime, julianday, ||) — в уроке сказано, чем её заменить.'],
  [/^Every derived table must have its own alias/, () => 'У подзапроса во FROM должен быть ' +
    'псевдоним: (SELECT ...) AS t.'],
  [/errno: 150|Foreign key constraint is incorrectly formed|Failed to open the referenced table/,
    () => 'Внешний ключ описан неверно: таблица, на которую он ссылается, должна уже ' +
      'существовать, столбцы после REFERENCES — быть названы и составлять её PRIMARY KEY ' +
      'или UNIQUE, типы столбцов с обеих сторон — совпадать, а столбец с ON DELETE SET ' +
      'NULL — допускать NULL.'],
  [/^Column '(.+?)' cannot be NOT NULL: needed in a foreign key constraint/, (m) =>
    `Столбец ${m[1]} объявлен NOT NULL, а внешний ключ на нём делает SET NULL: уберите одно ` +
    'из двух.'],
  [/^Cannot (?:delete or update a parent|add or update a child) row/, () => 'Оператор ' +
    'нарушил внешний ключ: ссылка на несуществующую строку или удаление строки, на которую ' +
    'ещё ссылаются.'],
  [/^(?:CONSTRAINT `?(.+?)`? failed for|Check constraint '(.+?)' is violated)/, (m) =>
    `Значение нарушило ограничение CHECK ${m[1] ?? m[2]}.`],
  [/^Column '(.+?)' cannot be null/, (m) => `В обязательный столбец ${m[1]} попал NULL.`],
  [/^Duplicate entry '(.*?)' for key/, (m) => `Значение ${m[1]} повторяется, а оно должно быть ` +
    'уникальным.'],
  [/^Table '(.+?)' already exists/, (m) => `Таблица ${m[1]} уже есть в базе: выберите другое ` +
    'имя или измените существующую таблицу через ALTER TABLE.'],
  [/command denied to user|Access denied/, () => 'У пользователя курса нет доступа к этому ' +
    'объекту: учебные запросы работают только с базами dbcourse.'],
  [/^Truncated incorrect (?:DOUBLE|DECIMAL|INTEGER) value: '(.*?)'/, (m) => `MySQL пытался ` +
    `превратить строку '${m[1]}' в число. Частая причина — оператор ||: в MySQL это логическое ` +
    'ИЛИ, а строки склеивает CONCAT(...). Или строку сравнивают либо складывают с числом.'],
  [/^Lock wait timeout exceeded/, () => 'Эти строки сейчас изменяет другая сессия ' +
    '(незавершённая транзакция): завершите её там и повторите.'],
];

/** `sql`: the statement that failed, when known (to point at a syntax error). */
export function explainEngineError(message: string, sql?: string): string {
  // The server's names of dbcourse's own databases mean nothing to a learner.
  const plain = String(message ?? '').replace(/dbcourse_ds_[0-9a-f]+_(\w+)\./g, '')
    .replace(/`?dbcourse_scratch_\d+(?:_[0-9a-f]+)+`?\./g, '');
  for (const [pattern, explain] of explanations) {
    const match = pattern.exec(plain);
    if (match) return `${explain(match, sql)} (СУБД: ${plain})`;
  }
  return plain;
}
