/**
 * What is wrong near a syntax error, read from the learner's SQL: the engines only say
 * "incomplete input" or "near X", which covers an operator with nothing after it, a clause
 * left without its words, a missing comma, an extra or unclosed bracket or quote. Pure:
 * (SQL, where the engine stopped) -> a cause and a place in Russian, or nothing.
 */

interface Token {
  text: string;
  kind: 'word' | 'number' | 'string' | 'name' | 'op';
  start: number;
  end: number;
  line: number;
}

interface Scan {
  tokens: Token[];
  /** A quote opened and never closed: "не закрыта кавычка '", and its line. */
  unclosed?: { what: string; line: number; note?: string };
  /** The line of a comment "/*" never closed: it swallows the rest of the text. */
  openComment?: number;
}

/** Where the engine stopped: at the end of the text, at a token it names, at an offset. */
export type ErrorPoint = { at: 'end' } | { at: 'token'; text: string } |
  { at: 'offset'; offset: number };

export interface SyntaxDiagnosis {
  /** What is wrong, as a clause: "после оператора «+» нет второго операнда". */
  cause?: string;
  /** Where: "строка 3, после «price +»". */
  place?: string;
}

const QUOTES: Record<string, [string, string]> = {
  "'": ["'", 'не закрыта кавычка \''],
  '"': ['"', 'не закрыта кавычка "'],
  '`': ['`', 'не закрыта обратная кавычка `'],
  '[': [']', 'не закрыта квадратная скобка ['],
};

const OPERATORS = ['<=', '>=', '<>', '!=', '==', '||', '<<', '>>', ':='];

/** How the engine reads strings: MySQL takes a backslash in a string as an escape. */
export interface SyntaxOptions {
  backslashEscapes?: boolean;
}

function scan(sql: string, options: SyntaxOptions = {}): Scan {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  const lineAt = (from: number, to: number) => {
    for (let j = from; j < to; j++) if (sql[j] === '\n') line += 1;
  };

  while (i < sql.length) {
    const char = sql[i];
    const startLine = line;
    if (/\s/.test(char)) {
      lineAt(i, i + 1);
      i += 1;
    } else if (sql.startsWith('--', i)) {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end;
    } else if (sql.startsWith('/*', i)) {
      const end = sql.indexOf('*/', i + 2);
      if (end < 0) return { tokens, openComment: startLine };
      lineAt(i, end + 2);
      i = end + 2;
    } else if (QUOTES[char]) {
      const [close, what] = QUOTES[char];
      const escapes = options.backslashEscapes && (char === "'" || char === '"');
      let escapedQuote = false;
      let j = i + 1;
      for (;;) {
        const quote = sql.indexOf(close, j);
        const slash = escapes ? sql.indexOf('\\', j) : -1;
        if (slash >= 0 && (quote < 0 || slash < quote)) {
          // MySQL: \' is the quote itself, \\ the backslash.
          if (sql[slash + 1] === close) escapedQuote = true;
          j = slash + 2;
          continue;
        }
        j = quote;
        if (j < 0) {
          const note = escapedQuote ? 'в MySQL обратная косая черта в строке экранирует ' +
            `следующий знак, и \\${close} — это сама кавычка, а не конец строки; чтобы ` +
            `записать \\, удвойте его (${close}\\\\${close}) или возьмите другой знак` : undefined;
          return { tokens, unclosed: { what, line: startLine, note } };
        }
        // A doubled quote inside a string is the quote itself.
        if (close !== ']' && sql[j + 1] === close) j += 2;
        else break;
      }
      lineAt(i, j + 1);
      tokens.push({ text: sql.slice(i, j + 1), kind: char === "'" ? 'string' : 'name',
        start: i, end: j + 1, line: startLine });
      i = j + 1;
    } else {
      const word = /^(?:[A-Za-z_\u0400-\u04ff][\w$\u0400-\u04ff]*|\d+(?:\.\d*)?(?:e[+-]?\d+)?)/i
        .exec(sql.slice(i, i + 200));
      const op = OPERATORS.find((o) => sql.startsWith(o, i)) ?? char;
      const text = word ? word[0] : op;
      tokens.push({ text, kind: word ? (/^\d/.test(text) ? 'number' : 'word') : 'op',
        start: i, end: i + text.length, line: startLine });
      i += text.length;
    }
  }
  return { tokens };
}

/** Operators that need a value after them. */
const BINARY = new Set(['+', '-', '*', '/', '%', '=', '==', '<', '>', '<=', '>=', '<>', '!=',
  '||', '&', '|', '<<', '>>', 'AND', 'OR', 'NOT', 'LIKE', 'IN', 'BETWEEN', 'IS', 'ESCAPE']);

/** Clause words and what must follow them. */
const NEEDS: Record<string, string> = {
  SELECT: 'списка столбцов', DISTINCT: 'списка столбцов', FROM: 'имени таблицы',
  JOIN: 'имени таблицы', INTO: 'имени таблицы', UPDATE: 'имени таблицы',
  TABLE: 'имени таблицы', WHERE: 'условия', HAVING: 'условия', ON: 'условия соединения',
  WHEN: 'условия', THEN: 'значения', ELSE: 'значения', BY: 'столбцов или выражений',
  SET: 'присваивания «столбец = значение»', VALUES: 'значений в скобках', LIMIT: 'числа',
  OFFSET: 'числа', AS: 'имени (псевдонима)', GROUP: 'слова BY', ORDER: 'слова BY',
  CASE: 'WHEN', USING: 'столбцов в скобках',
};

/** Words that start a clause: nothing that waits for a value can be followed by them. */
const CLAUSES = new Set(['SELECT', 'FROM', 'WHERE', 'GROUP', 'ORDER', 'HAVING', 'LIMIT',
  'OFFSET', 'JOIN', 'INNER', 'LEFT', 'RIGHT', 'CROSS', 'ON', 'SET', 'VALUES', 'UNION',
  'EXCEPT', 'INTERSECT', 'THEN', 'ELSE', 'END', 'WHEN', 'AS']);

const upper = (token: Token | undefined) => (token?.kind === 'word' ? token.text.toUpperCase()
  : token?.text);

/** A "*" right after "(", ",", "." or SELECT is "all columns", not multiplication. */
function isStar(tokens: Token[], i: number): boolean {
  const before = upper(tokens[i - 1]);
  return tokens[i]?.text === '*' && (before === undefined ||
    ['(', ',', '.', 'SELECT', 'DISTINCT'].includes(before));
}

/** The token at `i` waits for something after it: an operator, a comma, a clause word. */
function waits(tokens: Token[], i: number): boolean {
  const token = tokens[i];
  const text = upper(token);
  if (text === undefined || isStar(tokens, i)) return false;
  return BINARY.has(text) || text === ',' || text === '(' ||
    (token.kind === 'word' && text in NEEDS);
}

/** Whether `tokens[i]` cannot follow the token before it, whatever comes around them. */
function cannotFollow(tokens: Token[], i: number): boolean {
  const before = upper(tokens[i - 1]);
  const here = upper(tokens[i]);
  if (here === undefined) return false;
  if ((before === 'GROUP' || before === 'ORDER') && here !== 'BY') return true;
  const closing = [';', ')', ','].includes(here) || CLAUSES.has(here);
  return closing && waits(tokens, i - 1);
}

/** The index of the token the engine stopped at (tokens.length: the end), if it is clear. */
function errorIndex(tokens: Token[], point: ErrorPoint): number | undefined {
  if (point.at === 'end') {
    // MySQL reports a statement that ends in ";" too early as ending before the ";".
    let end = tokens.length;
    while (end > 0 && tokens[end - 1].text === ';') end -= 1;
    return end;
  }
  if (point.at === 'offset') {
    const found = tokens.findIndex((t) => t.end > point.offset);
    return found < 0 ? tokens.length : found;
  }
  const wanted = point.text.toUpperCase();
  const same = tokens.map((t, i) => (t.text.toUpperCase() === wanted ? i : -1))
    .filter((i) => i >= 0);
  const literal = (i: number) => ['number', 'string'].includes(tokens[i - 1]?.kind ?? '');
  // The engine stops at the first token that cannot go on; a literal followed by a word is
  // the next best guess (a missing comma or operator).
  return same.find((i) => cannotFollow(tokens, i)) ?? (same.length === 1 ? same[0]
    : same.find(literal));
}

const OPERAND = ['word', 'number', 'string', 'name'];

function cause(tokens: Token[], k: number): string | undefined {
  const open: Token[] = [];
  for (const token of tokens.slice(0, k)) {
    if (token.text === '(') open.push(token);
    if (token.text === ')') open.pop();
  }

  const here = tokens[k];
  if (here?.text === ')' && open.length === 0) {
    return 'лишняя закрывающая скобка «)»: открывающей к ней нет';
  }

  // A ";" ends the statement just as the end of the text does.
  const atEnd = k === tokens.length || here?.text === ';';
  const before = tokens[k - 1];
  const word = upper(before);

  if (before && waits(tokens, k - 1) && word !== '(' && word !== ',') {
    if (word === 'GROUP' || word === 'ORDER') {
      if (upper(here) !== 'BY') return `после ${word} нужно слово BY: ${word} BY столбцы`;
    } else if (before.kind === 'op') {
      return `после оператора «${before.text}» нет второго значения: выражение не дописано`;
    } else if (word && BINARY.has(word)) {
      return `после ${word} нет продолжения: условие или выражение не дописано`;
    } else if (word) {
      return `после ${word} не хватает ${NEEDS[word]}: эта часть запроса не дописана`;
    }
  }
  if (word === ',') {
    return atEnd ? 'список обрывается на запятой: после неё ничего нет'
      : `после запятой сразу идёт «${here.text}»: лишняя запятая или пропущен элемент списка`;
  }
  const unclosed = open.at(-1);
  if (atEnd && unclosed) return `не закрыта скобка «(» из строки ${unclosed.line}`;
  if (unclosed && CLAUSES.has(upper(here) ?? '')) {
    return `скобка «(» из строки ${unclosed.line} не закрыта до «${here.text}»`;
  }
  if (k === 0 && here?.kind === 'word') {
    return `запрос не может начинаться с «${here.text}»: проверьте написание ключевого слова`;
  }
  if (here && before && !atEnd && OPERAND.includes(before.kind) && OPERAND.includes(here.kind)) {
    return `между «${before.text}» и «${here.text}» чего-то не хватает: запятой, оператора ` +
      '(AND, +, =) или ключевого слова, или одно из слов написано с ошибкой';
  }
  return undefined;
}

/** Up to the last three tokens before the error, as the learner wrote them. */
function context(sql: string, tokens: Token[], k: number): string {
  const from = tokens[Math.max(0, k - 3)];
  const to = tokens[k - 1];
  if (!from || !to) return '';
  const text = sql.slice(from.start, to.end).replace(/\s+/g, ' ');
  return text.length > 40 ? `…${text.slice(-40)}` : text;
}

export function diagnoseSyntax(sql: string, point: ErrorPoint, options: SyntaxOptions = {}):
  SyntaxDiagnosis {
  const { tokens, unclosed, openComment } = scan(sql, options);
  if (unclosed) {
    return { cause: `${unclosed.what} из строки ${unclosed.line}` +
      (unclosed.note ? `: ${unclosed.note}` : '') };
  }

  const k = errorIndex(tokens, point);
  if (k === undefined) return {};
  const before = context(sql, tokens, k);
  const line = (tokens[k] ?? tokens[k - 1])?.line;
  const lines = sql.trimEnd().split('\n').length > 1;
  const where = lines && line ? `строка ${line}, ` : '';
  const place = !before ? undefined : k === tokens.length || tokens[k].text === ';'
    ? `${where}запрос обрывается после «${before}»`
    : `${where}после «${before}», перед «${tokens[k].text}»`;
  const comment = openComment === undefined ? undefined : `не закрыт комментарий /* из ` +
    `строки ${openComment}: весь текст после него считается комментарием`;
  return { cause: cause(tokens, k) ?? comment, place };
}
