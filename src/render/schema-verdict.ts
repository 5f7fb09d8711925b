/** Schema verdicts as text: the first thing in the learner's schema that is not as asked. */
import type { Difference, ForeignKeyRef, SchemaDifference, SchemaFeedback } from
  '../checker/verdict.js';
import type { QueryFailure } from '../engines/engine.js';
import { explainEngineError } from './engine-errors.js';

export interface SchemaTextHelpers {
  differenceText(difference: Difference, hidden: boolean): string[];
  failureText(failure: QueryFailure): string;
}

function columnList(columns: string[]): string {
  return columns.join(', ');
}

/** order_items.book_id, or order_items (order_id, book_id) for several columns. */
function columnsOf(table: string, columns: string[]): string {
  return columns.length === 1 ? `${table}.${columns[0]}` : `${table} (${columnList(columns)})`;
}

function keyText(key: ForeignKeyRef): string {
  return `${columnsOf(key.table, key.columns)} → ${columnsOf(key.parent, key.references)}`;
}

function defaultText(value: string | null): string {
  return value === null ? 'нет' : `DEFAULT ${value}`;
}

const DEFAULT_ACTION = new Set(['RESTRICT', 'NO ACTION']);

export function schemaDifferenceText(d: SchemaDifference): string {
  switch (d.kind) {
    case 'missing-table':
      return `Нет таблицы ${d.table}: проверьте, что CREATE TABLE выполнился и таблица названа ` +
        'так, как в задании.';
    case 'missing-column':
      return `В таблице ${d.table} нет столбца ${d.column}.`;
    case 'extra-column':
      return `В таблице ${d.table} лишний столбец ${d.column}: задание его не просит.`;
    case 'column-type':
      return `Столбец ${d.table}.${d.column}: ожидался тип ${d.expected}, найден ${d.actual}.`;
    case 'nullability':
      return d.nullable
        ? `Столбец ${d.table}.${d.column} не должен быть NOT NULL: по заданию значение может ` +
          'быть неизвестно (NULL).'
        : `Столбец ${d.table}.${d.column} должен быть обязательным: не хватает NOT NULL.`;
    case 'default':
      return d.expected === null
        ? `Столбец ${d.table}.${d.column}: значения по умолчанию быть не должно, а у вас ` +
          `${defaultText(d.actual)}.`
        : `Столбец ${d.table}.${d.column}: ожидалось ${defaultText(d.expected)}, найдено: ` +
          `${defaultText(d.actual)}.`;
    case 'auto-increment':
      return d.expected
        ? `Столбец ${d.table}.${d.column} должен нумероваться сам: в MySQL — AUTO_INCREMENT, ` +
          'в SQLite — тип INTEGER PRIMARY KEY (именно INTEGER, не INT).'
        : `Столбец ${d.table}.${d.column} не должен нумероваться автоматически: его значения ` +
          'задаются явно. Уберите AUTO_INCREMENT; в SQLite сам нумеруется столбец типа ' +
          'INTEGER с PRIMARY KEY — объявите его как INT.';
    case 'primary-key':
      if (d.actual.length === 0) {
        return `У таблицы ${d.table} нет первичного ключа: ожидался PRIMARY KEY ` +
          `(${columnList(d.expected)}).`;
      }
      return d.expected.length === 0
        ? `У таблицы ${d.table} не должно быть первичного ключа (PRIMARY KEY), а у вас он на ` +
          `(${columnList(d.actual)}).`
        : `Первичный ключ таблицы ${d.table}: ожидался (${columnList(d.expected)}), найден ` +
          `(${columnList(d.actual)}).`;
    case 'missing-foreign-key':
      return `Нет внешнего ключа ${keyText(d.key)}.` + (d.otherTarget
        ? ` Есть ключ ${keyText(d.otherTarget)}: он ссылается не туда.`
        : ' Внешний ключ объявляют так: FOREIGN KEY (столбец) REFERENCES таблица (столбец); ' +
          'в MySQL 8 слово REFERENCES прямо в определении столбца молча игнорируется.');
    case 'foreign-key-action':
      return `Внешний ключ ${keyText(d.key)}: ожидалось ON ${d.event} ` +
        (DEFAULT_ACTION.has(d.expected)
          // MariaDB reports a missing clause as RESTRICT, SQLite as NO ACTION: name both.
          ? `RESTRICT или NO ACTION (они равнозначны; так же действует ключ без ON ${d.event})`
          : d.expected) +
        `, найдено ON ${d.event} ${d.actual}` + (DEFAULT_ACTION.has(d.actual)
          ? ` (это поведение по умолчанию, когда ON ${d.event} не указан).`
          : '.');
    case 'extra-foreign-key':
      return `Лишний внешний ключ ${keyText(d.key)}: задание его не просит.`;
    case 'missing-unique':
      return `Нет ограничения UNIQUE на ${columnsOf(d.table, d.columns)}.`;
    case 'extra-unique':
      return `Лишнее ограничение UNIQUE на ${columnsOf(d.table, d.columns)}: задание его не ` +
        'просит (уникальный индекс — тоже UNIQUE).';
    case 'missing-check':
      return d.columns.length === 0
        ? `В таблице ${d.table} не хватает ограничения CHECK.`
        : `Нет ограничения CHECK на ${d.columns.length === 1 ? 'столбец' : 'столбцы'} ` +
          `${columnsOf(d.table, d.columns)}.`;
    case 'extra-check':
      return `Лишнее ограничение CHECK в таблице ${d.table}: ${d.text}. Задание его не просит ` +
        '(или условие написано не про те столбцы).';
    case 'missing-index':
      return `Нет индекса по ${columnsOf(d.table, d.columns)}` +
        (d.columns.length > 1 ? ' — именно с этим порядком столбцов.' : '.');
    case 'extra-index':
      return `Лишний индекс по ${columnsOf(d.table, d.columns)}: задание его не просит.`;
  }
}

export function schemaFeedbackLines(feedback: SchemaFeedback,
  helpers: SchemaTextHelpers): string[] {
  switch (feedback.kind) {
    case 'schema-differs':
      return [schemaDifferenceText(feedback.difference),
        ...(feedback.more > 0 ? [`Это не единственное отличие (есть ещё ${feedback.more}): ` +
          'исправьте его и проверьте снова.'] : [])];
    case 'view-differs':
      if (feedback.failure) {
        return [`Представление ${feedback.view} не удалось прочитать (SELECT * FROM ` +
          `${feedback.view}). ${helpers.failureText(feedback.failure)}`];
      }
      return [feedback.property
        ? `На основной базе представление ${feedback.view} возвращает верные строки, а на ` +
          `одном из скрытых наборов данных — нет. Особенность набора: ${feedback.property}.`
        : `Результат представления ${feedback.view} не совпадает с верным.`,
      ...(feedback.difference
        ? helpers.differenceText(feedback.difference, Boolean(feedback.property)) : [])];
    case 'probe-outcome':
      return [feedback.expected === 'error'
        ? `Проверка «${feedback.title}»: на верной схеме этот оператор завершается ошибкой, ` +
          'а на вашей выполнился — схема его не запрещает.'
        : `Проверка «${feedback.title}»: на верной схеме этот оператор выполняется, а на ` +
          `вашей — ошибка. ${explainEngineError(feedback.error ?? '')}`,
      sqlBlock(feedback.sql)];
    case 'probe-state':
      return [`Проверка «${feedback.title}»: после этого оператора данные не такие, как на ` +
        'верной схеме.', sqlBlock(feedback.sql),
      ...(feedback.query ? [sqlBlock(feedback.query, 'Запрос, которым их сравнивают:')] : []),
      ...(feedback.failure ? [helpers.failureText(feedback.failure)] : []),
      ...(feedback.difference ? helpers.differenceText(feedback.difference, false) : [])];
  }
}

/** The probe's statement as written, lines kept (a multi-line entry is not re-wrapped). */
function sqlBlock(sql: string, heading = 'Оператор проверки:'): string {
  return [heading, ...sql.split('\n').map((l) => `  ${l}`)].join('\n');
}
