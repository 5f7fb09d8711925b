/** Plan verdicts as text: the first missing property in the learner's terms, then the plan. */
import type { PlanShortfall } from '../checker/plan-properties.js';
import type { PlanRefusal } from '../checker/statements.js';
import type { PlanSort, QueryPlan, SortPurpose, TableRead } from '../engines/plan.js';

const list = (columns: string[]) => columns.join(', ');

function tableName(read: TableRead): string {
  return read.shownAs === read.table ? read.table : `${read.table} (${read.shownAs})`;
}

/** How a table is read, as a phrase: "читается целиком (полный просмотр)". */
export function readText(read: TableRead): string {
  const columns = list(read.index?.columns ?? []);
  const covering = read.covering ? ', только из индекса' : '';

  if (read.index?.automatic) {
    return `читается целиком: SQLite строит по ней временный индекс (${columns}) ` +
      'при каждом запросе';
  }
  switch (read.access) {
    case 'full-scan':
      return 'читается целиком (полный просмотр)';
    case 'index-scan':
      return `читается целиком, весь индекс (${columns}) по порядку${covering}`;
    case 'index-lookup':
      return `${read.index?.primary ? 'ищется по первичному ключу' : 'ищется по индексу'} ` +
        `(${columns})${covering}`;
  }
}

const SORT_FOR: Record<SortPurpose, string> = {
  'order-by': 'Для ORDER BY',
  'group-by': 'Для GROUP BY',
  'distinct': 'Для DISTINCT',
  'window': 'Для оконной функции',
  'unknown': 'Для ORDER BY или GROUP BY',
};

function sortText(sort: PlanSort): string {
  return `${SORT_FOR[sort.purpose]} выполняется сортировка (${sort.detail})`;
}

/** The plan in one paragraph, so that the learner sees what the engine does. */
export function planSummary(plan: QueryPlan): string {
  const reads = plan.reads.map((r) => `${tableName(r)} ${readText(r)}`);
  const sorts = plan.sorts.map((s) => `${SORT_FOR[s.purpose].replace('Для', 'для')} — ` +
    `сортировка (${s.detail})`);
  return `План запроса на основной базе: ${[...reads, ...sorts].join('; ') ||
    'таблицы не читаются'}.`;
}

function usesIndexText(shortfall: Extract<PlanShortfall, { property: 'usesIndex' }>): string {
  const wanted = `ожидалось чтение по индексу с первыми столбцами ${list(shortfall.columns)}`;
  const [read] = shortfall.reads;
  if (!read) return `Таблица ${shortfall.table} в плане запроса не читается; ${wanted}.`;

  const other = shortfall.reads.find((r) => r.index && !r.index.automatic);
  if (other && other.access === 'index-lookup') {
    return `Таблица ${tableName(other)} ищется по индексу (${list(other.index!.columns)}), ` +
      `а ${wanted}, именно в этом порядке. Важен порядок столбцов в индексе: СУБД может ` +
      'искать только по его началу.';
  }
  return `Таблица ${tableName(read)} ${readText(read)}; ${wanted}.`;
}

/** Why a search does not narrow by a column, in the learner's terms. */
function unsoughtReason(column: string): string {
  return `Обычно так бывает, когда столбец ${column} стоит в условии внутри функции или ` +
    'выражения (YEAR(created_at), DATE(shipped_at), LOWER(email), price * 2), когда шаблон ' +
    'LIKE начинается с % или _, или когда столбец сравнивается со значением другого типа ' +
    '(строка с числом, дата с шаблоном LIKE) и СУБД преобразует каждое его значение. ' +
    'Сравнивайте сам столбец со значением того же типа: для дат — диапазоном, ' +
    "created_at >= '2025-01-01' AND created_at < '2026-01-01' вместо YEAR(created_at) = 2025.";
}

function seeksText(shortfall: Extract<PlanShortfall, { property: 'seeks' }>): string {
  const { read, missing } = shortfall;
  if (!read || !missing) return usesIndexText({ ...shortfall, property: 'usesIndex' });

  const index = `(${list(read.index!.columns)})`;
  const wanted = `ожидался поиск по столбцам ${list(shortfall.columns)}`;
  const sought = read.access === 'index-lookup' ? read.seek ?? [] : [];
  let how: string;
  if (read.access !== 'index-lookup') {
    how = `${readText(read)}: поиск не сужается ни по одному столбцу индекса, а ${wanted}.`;
  } else if (sought.length === 0) {
    how = `ищется по индексу ${index}, но по плану не видно, что поиск сужается по столбцу ` +
      `${missing}; ${wanted}.`;
  } else {
    how = `ищется по индексу ${index}, но поиск сужается только по ` +
      `${sought.length === 1 ? 'столбцу' : 'столбцам'} ${list(sought)}; столбец ${missing} ` +
      'поиск не использует — условие на него проверяется уже для каждой найденной строки.';
  }
  return `Таблица ${tableName(read)} ${how} ${unsoughtReason(missing)}`;
}

function noFullScanText(read: TableRead): string {
  const why = read.index?.automatic
    ? 'Подходящего постоянного индекса нет.'
    : read.access === 'index-scan'
      ? 'Условие не может искать по этому индексу — например, столбец стоит внутри функции ' +
        'или выражения (YEAR(created_at), LOWER(email), price * 2). Сравнивайте сам столбец: ' +
        'диапазон дат вместо YEAR(...).'
      : 'Ни одно условие запроса не ищет по индексу: либо подходящего индекса нет, либо ' +
        'столбец условия стоит внутри функции или выражения (YEAR(created_at), ' +
        'LOWER(email)) и индекс по нему не работает.';
  return `Таблица ${tableName(read)} ${readText(read)}. ${why}`;
}

function coveringText(shortfall: Extract<PlanShortfall, { property: 'covering' }>): string {
  if (shortfall.reads.length === 0) {
    return `Таблица ${shortfall.table} в плане запроса не читается, а должна читаться из ` +
      'одного индекса.';
  }
  return `Таблица ${shortfall.table} читается не только из индекса: за остальными ` +
    'столбцами СУБД обращается к самой таблице. Чтобы хватило индекса, в нём должны быть ' +
    `все столбцы ${shortfall.table}, которые нужны запросу (в SELECT, WHERE, ORDER BY).`;
}

export function shortfallLines(shortfall: PlanShortfall, plan: QueryPlan): string[] {
  const head = 'Результат верный, но план запроса не такой, как просит задание.';
  let text: string;
  switch (shortfall.property) {
    case 'usesIndex':
      text = usesIndexText(shortfall);
      break;
    case 'seeks':
      text = seeksText(shortfall);
      break;
    case 'noFullScan':
      text = noFullScanText(shortfall.read);
      break;
    case 'noSort':
      text = `${sortText(shortfall.sort)}: индекс должен отдавать строки уже ` +
        'упорядоченными — сначала столбцы, сравниваемые в WHERE на равенство, затем столбцы ' +
        'сортировки в том же порядке.';
      break;
    case 'covering':
      text = coveringText(shortfall);
      break;
  }
  return [head, text, planSummary(plan)];
}

export function planStatementText(reason: PlanRefusal, statement: string): string {
  const nothing = 'Ничего не выполнялось.';
  switch (reason) {
    case 'not-index':
      return `«${statement}…» — здесь можно только CREATE INDEX (или CREATE UNIQUE INDEX) ` +
        `перед запросом SELECT. ${nothing}`;
    case 'no-select':
      return 'В конце ответа должен стоять один запрос SELECT — тот, чей план проверяется; ' +
        `операторы CREATE INDEX пишутся до него. ${nothing}`;
    case 'two-selects':
      return `В ответе больше одного запроса SELECT («${statement}…»): оставьте один, ` +
        `последним. ${nothing}`;
    case 'qualified-name':
      return `«${statement}…»: индекс создаётся в копии учебной базы, пишите имя таблицы без ` +
        `имени базы. ${nothing}`;
    case 'executable-comment':
      return `Комментарии вида /*! ... */ MySQL выполняет как код; в ответах их быть не ` +
        `должно. ${nothing}`;
  }
}
