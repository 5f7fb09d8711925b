/**
 * Which statements a console session runs, looked at before they reach the engine (the same
 * literal- and comment-aware reading as the checker's pre-screen). Sessions live on a private
 * copy of the bookstore (in memory on SQLite, a scratch database on MySQL), so almost anything
 * goes; what could reach past that copy, or unpin the session's settings, may not run.
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

const MYSQL_HEADS = new Set(['select', 'with', 'insert', 'update', 'delete', 'replace',
  'explain', 'describe', 'desc', 'show', 'table', 'values', '(', 'create', 'alter', 'drop',
  'rename', 'truncate', 'start', 'begin', 'commit', 'rollback', 'savepoint', 'release',
  'analyze', 'set']);

/** MySQL statements the console knows and refuses (anything else first is a typo). */
const MYSQL_REFUSED_HEADS = new Set(['grant', 'revoke', 'load', 'lock', 'unlock', 'flush',
  'kill', 'install', 'uninstall', 'shutdown', 'restart', 'handler', 'call', 'do', 'prepare',
  'execute', 'deallocate', 'change', 'reset', 'purge', 'optimize', 'repair', 'check',
  'checksum', 'cache', 'xa', 'signal', 'resignal', 'get', 'help', 'binlog', 'import',
  'clone', 'backup', 'stop', 'use']);

/** The allowed statement head a typo most likely meant: at most two letters off. */
function closestHead(word: string): string | undefined {
  let best: { head: string; distance: number } | undefined;
  for (const head of MYSQL_HEADS) {
    if (!/^[a-z]+$/.test(head)) continue;
    const d = editDistance(word, head);
    if (d <= 2 && (!best || d < best.distance)) best = { head, distance: d };
  }
  return best?.head;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}

const ONLY_HERE = 'Консоль работает только со своей копией учебной базы магазина; другие ' +
  'базы, в том числе наборы данных для проверки, ей недоступны.';

const MYSQL_DATABASE = 'Консоль работает в одной базе — вашей копии магазина; создавать, ' +
  'удалять и выбирать базы (CREATE/DROP DATABASE, USE) здесь нельзя. Таблицы — можно.';

const MYSQL_SET = 'Из SET в консоли доступны только SET TRANSACTION ... и SET autocommit = 0 ' +
  'или 1: остальные настройки сессии закреплены курсом. Переменную можно задать в запросе: ' +
  'SELECT @x := 1;';

const SET_TRANSACTION =
  /^set\s+(session\s+)?transaction\s+(isolation\s+level\s+[a-z ]+|read\s+(only|write))\s*$/i;
const SET_AUTOCOMMIT = /^set\s+(session\s+)?autocommit\s*=\s*[01]\s*$/i;

function mysqlRefusal(head: string, words: string, raw: string): string | undefined {
  if (/\/\*M?!/.test(raw)) {
    return 'Исполняемые комментарии /*! ... */ в консоли не выполняются: напишите оператор ' +
      'без них.';
  }
  if (head === 'use' || /^(create|drop|alter)\s+(database|schema)\b/i.test(words)) {
    return MYSQL_DATABASE;
  }
  if (head === 'set' && !SET_TRANSACTION.test(words) && !SET_AUTOCOMMIT.test(words)) {
    return MYSQL_SET;
  }
  if (!MYSQL_HEADS.has(head)) {
    const allowed = 'Здесь выполняются запросы, изменения данных, CREATE/ALTER/DROP таблиц и ' +
      'индексов, транзакции, EXPLAIN, SHOW и DESCRIBE.';
    if (MYSQL_REFUSED_HEADS.has(head)) {
      return `Оператор ${head.toUpperCase()} в консоли на MySQL недоступен. ${allowed}`;
    }
    const near = closestHead(head);
    return `«${head.toUpperCase()}» — не начало оператора MySQL` +
      (near ? `: похоже на опечатку, может быть, ${near.toUpperCase()}?` : '.') + ` ${allowed}`;
  }
  if (/\b(into\s+(outfile|dumpfile))\b|\bload\s+data\b/i.test(words)) {
    return 'Чтение и запись файлов сервера (INTO OUTFILE, LOAD DATA) в консоли недоступны: ' +
      'результат и так выводится на экран.';
  }
  if (/\bdbcourse\w*/i.test(words)) return ONLY_HERE;
  return undefined;
}

/**
 * The Russian reason a statement may not run in a console session on this engine, or
 * undefined when it may.
 */
export function consoleRefusal(sql: string, engine: EngineName): string | undefined {
  const text = sql.replace(/^\uFEFF/, '');
  // Read as the engine reads it (MySQL: "--x" is two minus signs, a backslash escapes a
  // quote), with quoted names kept in view so that `dbcourse_...` cannot hide in them.
  const blank = blankLiterals(text, { keepNames: true, dialect: engine });

  for (const part of blank.split(';')) {
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
