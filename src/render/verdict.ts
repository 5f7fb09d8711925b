/** Verdicts as text a learner can act on (rule 12 of CHECKING.md: the first thing wrong). */
import { isSqlExercise } from '../course/kinds.js';
import type { Exercise } from '../course/format.js';
import type { Cell, QueryFailure, ResultSet } from '../engines/engine.js';
import type { Difference, Feedback, NearMiss, Verdict } from '../checker/verdict.js';
import { explainEngineError } from './engine-errors.js';
import { schemaFeedbackLines } from './schema-verdict.js';
import { planStatementText, shortfallLines } from './plan-verdict.js';
import { EXECUTABLE_COMMENT } from '../checker/statements.js';
import type { Screen } from './screen.js';
import { formatNumber, renderTable } from './table.js';
import { displayWidth } from './width.js';
import { wrapText } from './wrap.js';

const SHOWN_ROWS = 8;

/** The typical mistakes of authoring/mutants.ts, said as a learner would understand them. */
const mistakes: Record<string, string> = {
  'INNER -> LEFT JOIN': 'Похоже на LEFT JOIN там, где нужен обычный JOIN: в ответ попали ' +
    'строки без пары.',
  'LEFT -> INNER JOIN': 'Похоже на обычный JOIN там, где строки без пары должны остаться ' +
    '(LEFT JOIN).',
  '>= -> >': 'Похоже на > вместо >=: граничное значение не попало в ответ.',
  '> -> >=': 'Похоже на >= вместо >: граничное значение попало в ответ, а не должно.',
  '<= -> <': 'Похоже на < вместо <=: граничное значение не попало в ответ.',
  '< -> <=': 'Похоже на <= вместо <: граничное значение попало в ответ, а не должно.',
  'COUNT(column) -> COUNT(*)': 'Похоже на COUNT(*) там, где нужен COUNT(столбец): строки ' +
    'с NULL тоже посчитаны.',
  'COUNT(DISTINCT x) -> COUNT(x)': 'Похоже, внутри COUNT не хватает DISTINCT: повторы ' +
    'посчитаны несколько раз.',
  'DISTINCT dropped': 'Похоже, не хватает DISTINCT: строки повторяются.',
  'one AND condition dropped': 'Похоже, не хватает одного из условий (в WHERE или ON).',
  '= -> IN before a subquery': 'Похоже на IN там, где подзапрос должен дать одно значение (=).',
  'IN -> = before a subquery': 'Похоже на = там, где подзапрос даёт несколько значений (IN).',
  'ORDER BY direction': 'Похоже, сортировка идёт в обратную сторону (ASC и DESC).',
};

/** An engine as the learner knows it: MySQL (MariaDB too), SQLite. */
export function engineTitle(engine: string): string {
  return ({ mysql: 'MySQL', sqlite: 'SQLite' } as Record<string, string>)[engine] ?? engine;
}

/**
 * Why an option is wrong, after «Вариант b неверен»: a sentence of its own when it starts
 * with a capital letter (a colon before one reads wrong in Russian), else after a colon.
 */
export function whyAfter(why: string | undefined): string {
  if (!why) return '.';
  return /^\p{Lu}/u.test(why.trim()) ? `. ${why}` : `: ${why}`;
}

/**
 * A column's name as shown: a plain name stays; an expression (the reference's COUNT(*) or
 * CASE ...) becomes "столбец N", so that the expected table never spells out the solution.
 */
export function columnLabel(name: string, index: number): string {
  return /^[\p{L}_][\p{L}\p{N}_]{0,40}$/u.test(name) ? name : `столбец ${index + 1}`;
}

function labels(names: string[]): string {
  return names.map(columnLabel).join(', ');
}

export function plural(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return `${n} ${one}`;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return `${n} ${few}`;
  return `${n} ${many}`;
}

const rows = (n: number) => plural(n, 'строка', 'строки', 'строк');
const columns = (n: number) => plural(n, 'столбец', 'столбца', 'столбцов');

const nearMissText: Record<NearMiss, string> = {
  'rounding': 'Значения почти совпадают: похоже, дело в округлении. Проверьте ROUND и то, ' +
    'сколько знаков после запятой просит задание.',
  'letter-case': 'Значения отличаются только регистром букв.',
  'spaces': 'Значения отличаются только пробелами.',
  'null-vs-empty': 'Где-то NULL стоит вместо пустой строки или наоборот: это разные значения.',
  'number-as-text': 'Число вернулось как текст (или наоборот): проверьте CAST и кавычки.',
};

/** `statements`: the answer is change statements, not a query (the wording follows). */
export function failureText(failure: QueryFailure, statements = false): string {
  switch (failure.kind) {
    case 'empty':
      return 'Ответ пуст: напишите запрос под строками комментария.';
    case 'multiple-statements':
      return 'В файле больше одного SQL-оператора. Оставьте один запрос SELECT ' +
        '(точка с запятой в конце допустима); ничего не было выполнено.';
    case 'not-a-query':
      return 'Здесь нужен запрос SELECT (или WITH ... SELECT), который возвращает строки; ' +
        'изменять данные в этом упражнении не нужно, и ничего изменено не было.';
    case 'engine-error':
      return `${statements ? 'Ошибка в операторах.' : 'Ошибка в запросе.'} ` +
        explainEngineError(failure.message, failure.statement);
    case 'timeout':
      return `${statements ? 'Операторы выполнялись' : 'Запрос выполнялся'} дольше ` +
        `${failure.seconds} с и ${statements ? 'были остановлены' : 'был остановлен'}. ` +
        'Проверьте условия соединения (нет ли декартова произведения) и рекурсию.';
    case 'too-many-rows':
      return `Запрос вернул больше ${failure.limit} строк и был остановлен: похоже, ` +
        'не хватает условия соединения или фильтра.';
  }
}

function formatRow(row: Cell[]): string {
  return '(' + row.map((c) => (c === null ? 'NULL' : typeof c === 'string' ? `'${c}'`
    : formatNumber(c))).join(', ') + ')';
}

function rowsSample(title: string, sample: Cell[][], count: number): string[] {
  if (count === 0) return [];
  const more = count > sample.length ? ` (показаны ${sample.length})` : '';
  return [[`${title}: ${count}${more}`, ...sample.map((r) => `  ${formatRow(r)}`)].join('\n')];
}

/** What is wrong, in words; `hidden` leaves out rows (a hidden dataset's rows stay hidden). */
export function differenceText(difference: Difference, hidden: boolean): string[] {
  switch (difference.kind) {
    case 'column-count':
      return [`В ответе ${columns(difference.actual)}, а нужно ${difference.expected}.`,
        ...(difference.missingComma ? [`Похоже, между ${difference.missingComma.column} и ` +
          `${difference.missingComma.alias} пропущена запятая: без неё ` +
          `${difference.missingComma.alias} стало псевдонимом столбца ` +
          `${difference.missingComma.column}, а не вторым столбцом.`] : [])];
    case 'column-order':
      return difference.expected.join() === difference.actual.join()
        ? ['Значения верные, но стоят не в тех столбцах: проверьте, в каком порядке задание ' +
          'просит столбцы.']
        : ['Столбцы те, но в другом порядке: ожидался порядок как в задании ' +
          `(${labels(difference.expected)}), у вас — ${labels(difference.actual)}.`];
    case 'column-names':
      return ['Задание просит определённые имена столбцов: ' +
        `${labels(difference.expected)}; у вас — ${labels(difference.actual)}. ` +
        'Задайте их псевдонимами (AS).'];
    case 'row-count':
      return [`В ответе ${rows(difference.actual)}, а должно быть ${difference.expected}.`,
        ...(hidden ? [] : [
          ...rowsSample('Лишние строки', difference.extra, difference.extraCount),
          ...rowsSample('Не хватает строк', difference.missing, difference.missingCount),
        ])];
    case 'rows':
      return ['Число строк верное, но не все строки совпадают.',
        ...(hidden ? [] : [
          ...rowsSample('Лишние строки', difference.extra, difference.extraCount),
          ...rowsSample('Не хватает строк', difference.missing, difference.missingCount),
        ]),
        ...(difference.nearMiss ? [nearMissText[difference.nearMiss]] : [])];
    case 'order':
      return ['Строки верные, но порядок не тот, что просит задание: расхождение начинается ' +
        `со строки № ${difference.index + 1}` +
        (hidden ? '.' : ` — у вас ${formatRow(difference.actual)}, а должна быть ` +
          `${formatRow(difference.expected)}.`)];
  }
}

function resultTable(title: string, result: ResultSet, screen: Screen): string {
  const shown = result.rows.slice(0, SHOWN_ROWS);
  const more = result.rows.length > shown.length
    ? ` (первые ${shown.length} из ${result.rows.length})`
    : ` (${rows(result.rows.length)})`;
  const table = result.columns.length > 0
    ? renderTable(result.columns.map(columnLabel), shown,
      { width: screen.width - 6, style: screen.style })
    : '(нет столбцов)';
  return `${title}${more}:\n${table}`;
}

function feedbackLines(feedback: Feedback, exercise: Exercise, screen: Screen): string[] {
  switch (feedback.kind) {
    case 'passed':
      return 'pipesConcat' in feedback && feedback.pipesConcat
        ? ['Засчитано на SQLite. Но в MySQL || — логическое ИЛИ, а не склейка строк: там этот ' +
          'ответ даст 1 вместо строки или ошибку. Переносимо склеивает CONCAT(...).']
        : [];
    case 'bad-file':
      return [feedback.message];
    case 'no-answer-file':
      return ['Файла с ответом не было: он создан с заданием в комментарии, впишите в него ' +
        'ответ и проверьте снова.'];
    case 'empty-answer':
      return [isSqlExercise(exercise)
        ? `Ответ пуст: напишите ${exercise.kind === 'query' ? 'запрос' : 'операторы'} под ` +
          'строками комментария и сохраните файл.'
        : 'Ответ пуст: впишите его под строками, начинающимися с #, и сохраните файл.'];
    case 'failure':
      return [(feedback.hidden
        ? `На видимой базе ${exercise.kind === 'query' ? 'запрос выполнился' : 'операторы ' +
          'выполнились'}, а на скрытом наборе данных («${feedback.hidden}») — нет. `
        : '') + (exercise.kind === 'schema' && feedback.failure.kind === 'engine-error'
        ? 'Ваши операторы завершились ошибкой (выполнялись по порядку на свежей копии базы). ' +
          explainEngineError(feedback.failure.message, feedback.failure.statement)
        : failureText(feedback.failure, exercise.kind === 'change'))];
    case 'no-order-by':
      return ['Задание просит определённый порядок строк, а в запросе нет ORDER BY. Без него ' +
        'СУБД не обещает никакого порядка: сейчас строки случайно совпали, на другом сервере ' +
        'или после добавления индекса — нет.'];
    case 'literal-rows':
      return ['Результат совпал, но запрос не читает ни одной таблицы: строки вписаны ' +
        'вручную. Получите их запросом к базе — на других данных ответ должен меняться вместе ' +
        'с ними.'];
    case 'needs-engine':
      return ['Это упражнение проверяется только на ' +
        `${feedback.engines.map(engineTitle).join(', ')}: ` +
        'поведение, которое оно проверяет, есть только там; на урок это не влияет. ' +
        (feedback.engines.includes('mysql')
          ? 'Переключиться: dbcourse db setup (один раз), затем dbcourse db use mysql; или ' +
            'для одной проверки: dbcourse --engine mysql check ...'
          : 'Проверить его на встроенной SQLite: dbcourse --engine sqlite check ... (или ' +
            'насовсем: dbcourse db use sqlite).')];
    case 'reference-broken':
      return ['Эталонное решение этого упражнения не выполнилось на наборе ' +
        `«${feedback.dataset}»: ${failureText(feedback.failure)} Это ошибка урока, ` +
        'а не ваша: сообщите о ней авторам курса.'];
    case 'different':
      return [
        ...differenceText(feedback.difference, false),
        ...(feedback.mistake && mistakes[feedback.mistake] ? [mistakes[feedback.mistake]] : []),
        resultTable('Ваш результат', feedback.shown.actual, screen),
        resultTable('Ожидалось', feedback.shown.expected, screen),
      ];
    case 'statement-not-allowed':
      if (feedback.statement === EXECUTABLE_COMMENT) {
        return ['Комментарии вида /*! ... */ в ответе не допускаются: MySQL выполняет их ' +
          'содержимое как код. Уберите их; ничего не выполнялось.'];
      }
      return [exercise.kind === 'schema'
        ? `«${feedback.statement}…» — такой оператор в этом упражнении не нужен. Здесь можно ` +
          'CREATE, ALTER и DROP для таблиц, индексов и представлений, а если нужно поправить ' +
          'данные — INSERT, UPDATE и DELETE; без транзакций, PRAGMA, ATTACH, временных таблиц ' +
          'и обращений к другим базам. Ничего не выполнялось.'
        : `«${feedback.statement}…» — такой оператор в этом упражнении не нужен. Здесь ` +
        'можно только INSERT, UPDATE и DELETE (SELECT и WITH — внутри них); транзакцию ' +
        'dbcourse открывает и откатывает сам. Ничего не выполнялось.'];
    case 'schema-differs':
    case 'view-differs':
    case 'probe-outcome':
    case 'probe-state':
      return schemaFeedbackLines(feedback, { differenceText, failureText });
    case 'table-differs':
      return [feedback.named
        ? `Таблица ${feedback.table} после ваших операторов не такая, какой её оставляет ` +
          'верное решение.'
        : `Таблица ${feedback.table} изменилась не так, как после верного решения (задание ` +
          'говорит о других таблицах; проверьте, не задели ли вы лишнее и не забыли ли ' +
          'каскадные изменения).',
      ...differenceText(feedback.difference, false)];
    case 'hidden-dataset':
      return ['На основной базе ответ верен, а на одном из скрытых наборов данных результат ' +
        `другой${feedback.table ? ` (таблица ${feedback.table})` : ''}. Главная особенность ` +
        `этого набора: ${feedback.property}; но расхождение может дать и другое его отличие.`,
        ...differenceText(feedback.difference, true),
        feedback.mistake && mistakes[feedback.mistake] ? mistakes[feedback.mistake]
          : 'Проверьте граничные случаи: NULL, равные значения, пустые группы, > против >=, ' +
            'повторяющиеся строки.'];
    case 'plan-statement':
      return [planStatementText(feedback.reason, feedback.statement)];
    case 'index-failed':
      return [`Оператор «${feedback.statement.split(/\s+/).slice(0, 8).join(' ')}» не ` +
        `выполнился: ${failureText(feedback.failure)}`];
    case 'plan-shortfall':
      return shortfallLines(feedback.shortfall, feedback.plan);
    case 'unreadable':
      return [{
        'letters': 'Не удалось прочитать ответ: впишите латинские буквы вариантов ' +
          '(a, b, c), через запятую или пробел.',
        'one-choice': 'Здесь верен ровно один вариант: оставьте одну букву.',
        'unknown-key': `Таких вариантов нет: ${(feedback.keys ?? []).join(', ')}.`,
        'repeated-key': 'Каждая буква должна встречаться один раз.',
      }[feedback.reason]];
    case 'wrong-choice': {
      const lines = feedback.wrongPicks.map((p) =>
        `Вариант ${p.key} неверен${whyAfter(p.why ? prose(p.why) : undefined)}`);
      if (feedback.missed > 0 && (exercise.kind !== 'choice' || exercise.multiple ||
        feedback.wrongPicks.length === 0)) {
        lines.push(`Выбраны не все верные варианты: не хватает ещё ${feedback.missed}.`);
      }
      return lines;
    }
    case 'wrong-order':
      if (feedback.missing) {
        return [`Расставлены не все пункты: не хватает ${feedback.missing} из ${feedback.total}. ` +
          'Впишите буквы всех пунктов по порядку.'];
      }
      return [feedback.correctPrefix === 1
        ? `Первый пункт из ${feedback.total} на своём месте, дальше порядок другой.`
        : feedback.correctPrefix > 0
          ? `Первые ${feedback.correctPrefix} из ${feedback.total} на своих местах, дальше ` +
            'порядок другой.'
          : 'Порядок неверен уже с первого пункта.',
        ...(feedback.why ? [`Подсказка к первому пункту не на своём месте: ` +
          prose(feedback.why)] : [])];
    case 'wrong-short':
      return feedback.numberWithWords
        ? ['Ответ не совпал ни с одним из верных. Ответ здесь — число: напишите только его, ' +
          'без слов и единиц измерения.']
        : ['Ответ не совпал ни с одним из верных. Перечитайте вопрос или возьмите подсказку.'];
  }
}

/**
 * A lesson's prose kept with its line breaks (a YAML block `why: |`) as one paragraph: a line
 * with a break would be shown as it is, as a table is, and not wrapped to the screen.
 */
function prose(text: string): string {
  return text.trim().replace(/\s*\n\s*/g, ' ');
}

/**
 * Styled words in lines of `width`, the lines after the first indented by `hang`, so that a
 * long exercise title wraps under itself rather than where the terminal cuts it.
 */
function wrapWords(words: string[], width: number, hang: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && displayWidth(`${line} ${word}`) > width) {
      lines.push(line);
      line = ' '.repeat(hang) + word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  lines.push(line);
  return lines.join('\n');
}

export function renderVerdict(verdict: Verdict, exercise: Exercise, index: number,
  screen: Screen): string {
  const { style, width } = screen;
  const mark = verdict.passed
    ? (style.color ? style.ok('✓') : '[x]')
    : (style.color ? style.bad('✗') : '[!]');
  const head = wrapWords([mark, ...`${index + 1}. ${exercise.title}`.split(' ')
    .map((word) => style.bold(word)), style.dim(`(${exercise.id})`), '—',
  ...(verdict.passed ? ['верно'].map(style.ok) : ['не', 'зачтено'].map(style.bad))],
  width, displayWidth(mark) + 1);
  const body = feedbackLines(verdict.feedback, exercise, screen).map((line) =>
    (line.includes('\n') ? line.split('\n') : wrapText(line, width - 4))
      .map((l) => `    ${l}`).join('\n'));

  return [head, ...body].join('\n');
}
