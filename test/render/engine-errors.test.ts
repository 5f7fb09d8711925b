// Syntax errors explained by what is really unfinished, and where: SQLite says only
// "incomplete input" or "near X", MySQL "near '<the rest>' at line N", for many causes.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { explainEngineError } from '../../src/render/engine-errors.js';

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3') as typeof import('better-sqlite3');

/** SQLite's own message for `sql` on a table like books. */
function sqliteError(sql: string): string {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT, price REAL, pages INT)');
  try {
    db.prepare(sql);
    return 'no error';
  } catch (error) {
    return (error as Error).message;
  } finally {
    db.close();
  }
}

const sqlite = (sql: string) => explainEngineError(sqliteError(sql), sql);

const mysqlSyntax = (rest: string, line = 1) => 'You have an error in your SQL syntax; check ' +
  'the manual that corresponds to your MariaDB server version for the right syntax to use ' +
  `near '${rest}' at line ${line}`;

describe('SQLite syntax errors', () => {
  it('name an operator with nothing after it, not a bracket or a quote', () => {
    for (const sql of ["SELECT 'abc' + ;", "SELECT 'abc' +"]) {
      const text = sqlite(sql);
      expect(text).toContain('после оператора «+» нет второго значения');
      expect(text).toContain("«SELECT 'abc' +»");
      expect(text).not.toMatch(/не закрыта/);
    }
    expect(sqlite('SELECT title FROM books WHERE price > AND pages = 1'))
      .toContain('после оператора «>» нет второго значения');
    expect(sqlite('SELECT title FROM books WHERE price > 1 AND'))
      .toContain('после AND нет продолжения');
  });

  it('name a clause left without its words', () => {
    expect(sqlite('SELECT title FROM books WHERE')).toContain('после WHERE не хватает условия');
    expect(sqlite('SELECT title FROM books WHERE ;')).toContain('после WHERE не хватает условия');
    expect(sqlite('SELECT title FROM books ORDER BY;'))
      .toContain('после BY не хватает столбцов или выражений');
    expect(sqlite('SELECT * FROM')).toContain('после FROM не хватает имени таблицы');
    expect(sqlite('SELECT title FROM books GROUP title')).toContain('после GROUP нужно слово BY');
  });

  it('name commas, brackets and quotes when they are the cause', () => {
    expect(sqlite('SELECT title, FROM books')).toContain('после запятой сразу идёт «FROM»');
    expect(sqlite('SELECT title,')).toContain('список обрывается на запятой');
    expect(sqlite('SELECT (price + 1 FROM books')).toContain('не закрыта до «FROM»');
    expect(sqlite('SELECT COUNT(*')).toContain('не закрыта скобка «(» из строки 1');
    expect(sqlite('SELECT price) FROM books')).toContain('лишняя закрывающая скобка');
    expect(sqlite("SELECT 'abc")).toContain('SQLite не понимает');
  });

  it('name a misspelled first word and a missing comma or operator', () => {
    expect(sqlite('SELEC title FROM books')).toContain('не может начинаться с «SELEC»');
    expect(sqlite('SELECT title FROM books WHERE price = 1 pages = 2'))
      .toContain('между «1» и «pages» чего-то не хватает');
  });

  it('point at the line of the answer file, comments included', () => {
    const sql = '-- задание\n-- ещё строка\nSELECT title\nFROM books\nWHERE price >\nORDER BY 1';
    const text = sqlite(sql);
    expect(text).toContain('Место: строка 6, после «WHERE price >», перед «ORDER»');
    expect(text).toContain('после оператора «>»');
  });

  it('still list what can be wrong when the statement is not known', () => {
    const text = explainEngineError('incomplete input');
    for (const cause of ['не дописано выражение или часть запроса', 'после оператора или ' +
      'запятой ничего нет', 'не закрыта скобка либо кавычка']) expect(text).toContain(cause);
    expect(explainEngineError('near ";": syntax error')).toContain('оператора или запятой без ' +
      'продолжения');
    expect(explainEngineError('near ";": syntax error')).toContain('(СУБД: near ";"');
  });
});

describe('MySQL syntax errors', () => {
  it('read an empty rest as a statement that ended too early', () => {
    const text = explainEngineError(mysqlSyntax(''), "SELECT 'abc' +");
    expect(text).toContain('Запрос оборван');
    expect(text).toContain('после оператора «+» нет второго значения');
    expect(explainEngineError(mysqlSyntax(''), 'SELECT (1 + 2'))
      .toContain('не закрыта скобка «(» из строки 1');
  });

  it('find the place from the rest of the statement and its line', () => {
    const text = explainEngineError(mysqlSyntax('FROM books', 2), 'SELECT title,\nFROM books');
    expect(text).toContain('Синтаксическая ошибка в строке 2, рядом с «FROM books»');
    expect(text).toContain('после запятой сразу идёт «FROM»');
    expect(explainEngineError(mysqlSyntax('SELEC 1'), 'SELEC 1'))
      .toContain('не может начинаться с «SELEC»');
    expect(explainEngineError(mysqlSyntax('FROM t'), 'SELECT COUNT(* FROM t'))
      .toContain('скобка «(» из строки 1 не закрыта до «FROM»');
  });
});

describe('unclosed quotes and comments', () => {
  it('are named with the line they open on', () => {
    expect(explainEngineError(mysqlSyntax("'abc"), "SELECT\n'abc"))
      .toContain("не закрыта кавычка ' из строки 2");
    // A comment left open swallows the rest: what is unfinished before it comes first.
    expect(sqlite('SELECT 1 + /* x')).toContain('после оператора «+»');
    expect(sqlite('SELECT title FROM books WHERE (price > 1 /* x) ORDER BY 1'))
      .toContain('не закрыта скобка «(» из строки 1');
    expect(explainEngineError(mysqlSyntax('/* x'), 'SELECT title FROM books /* x'))
      .toContain('не закрыт комментарий /* из строки 1');
  });
});

describe('MySQL strings with a backslash', () => {
  it('name the backslash that escaped the closing quote (SQLite takes it as it is)', () => {
    const sql = "SELECT id FROM customers\nWHERE email LIKE '%\\_%' ESCAPE '\\'";
    const text = explainEngineError(mysqlSyntax("'\\'", 2), sql);
    expect(text).toContain("не закрыта кавычка ' из строки 2");
    expect(text).toContain("\\' — это сама кавычка");
    expect(text).not.toContain('после ESCAPE нет продолжения');
    // A backslash before another letter ends nothing: the string closes as it should.
    expect(explainEngineError(mysqlSyntax('FROM t'), "SELECT 'a\\_b' 'c' FROM t"))
      .not.toContain('не закрыта кавычка');
  });
});

describe('unknown columns in MySQL', () => {
  const unknown = (name: string, place: string) => `Unknown column '${name}' in '${place}'`;

  it('blame a SELECT alias only when WHERE names one', () => {
    expect(explainEngineError(unknown('stock_value', 'WHERE'),
      'SELECT price * stock AS stock_value FROM books WHERE stock_value > 1'))
      .toContain('псевдоним из SELECT нельзя использовать в WHERE');
    for (const [name, place, sql] of [
      ['prise', 'WHERE', 'SELECT title FROM books WHERE prise < 300'],
      ['titel', 'field list', 'SELECT titel FROM books'],
      ['foo', 'order clause', 'SELECT title AS foo2 FROM books ORDER BY foo'],
    ]) {
      const text = explainEngineError(unknown(name, place), sql);
      expect(text).toContain(`Нет столбца ${name} (в ${place}): проверьте имя столбца`);
      expect(text).not.toContain('псевдоним из SELECT');
    }
  });
});

describe("dbcourse's own database names", () => {
  it('are left out of what the learner reads, old scratch names and new ones alike', () => {
    for (const name of ['dbcourse_scratch_1796400000_0badc0de',
      'dbcourse_scratch_1796400000_1a2b3c4d_0badc0de']) {
      const message = explainEngineError(`Table '${name}.coupons' doesn't exist`);
      expect(message).not.toContain('dbcourse_scratch');
      expect(message).toContain("'coupons'");
    }
  });
});

describe('ALTER TABLE limits of SQLite and || in MySQL', () => {
  it('say how to add a unique column in SQLite', () => {
    const text = sqlite('ALTER TABLE books ADD COLUMN isbn CHAR(13) UNIQUE');
    expect(text).toContain('CREATE UNIQUE INDEX');
    expect(text).toContain('(СУБД: Cannot add a UNIQUE column)');
    expect(explainEngineError('Cannot add a NOT NULL column with default value NULL'))
      .toContain('Допустите NULL или задайте DEFAULT');
  });

  it('name || as the usual cause of a string turned into a number in MySQL', () => {
    const text = explainEngineError("Truncated incorrect DOUBLE value: 'customer'");
    expect(text).toContain("строку 'customer' в число");
    expect(text).toContain('CONCAT');
  });
});

describe('MySQL date functions on SQLite', () => {
  it('name TIMESTAMPDIFF, not a missing column, for its time unit', () => {
    const sql = 'SELECT TIMESTAMPDIFF(SECOND, title, title) FROM books';
    const text = sqlite(sql);
    expect(text).toContain('единица времени из функции MySQL');
    expect(text).toContain("strftime('%s'");
    expect(explainEngineError('no such column: SECOND')).toContain('функции MySQL');
  });

  it('leave a missing alias that happens to be a unit a missing column', () => {
    expect(sqlite('SELECT id FROM books WHERE hour = 3')).toContain('Нет столбца hour');
    expect(explainEngineError('no such column: hour')).toContain('Нет столбца hour');
  });
});

describe('MySQL statements SQLite does not have', () => {
  it('say the statement is MySQL-only rather than misspelled', () => {
    const show = sqlite("SHOW GLOBAL STATUS LIKE 'Questions'");
    expect(show).toContain('SHOW — оператор MySQL, в SQLite его нет');
    expect(show).toContain('dbcourse db use mysql');
    expect(show).not.toContain('написание');
    expect(sqlite('-- audit\nGRANT SELECT ON books TO anna')).toContain('нет ни пользователей');
    expect(sqlite('TRUNCATE TABLE books')).toContain('DELETE FROM t');
    expect(sqlite('START TRANSACTION')).toContain('BEGIN');
  });

  it('keep the usual explanation when the word is not where the statement starts', () => {
    expect(sqlite('SELECT id FROM books SHOW')).not.toContain('оператор MySQL');
    expect(explainEngineError('near "SHOW": syntax error')).not.toContain('оператор MySQL');
  });
});
