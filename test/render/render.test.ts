import { describe, expect, it } from 'vitest';
import { renderMarkdown, renderMarkdownSections } from '../../src/render/markdown.js';
import { createStyle } from '../../src/render/style.js';
import { renderTable } from '../../src/render/table.js';
import { displayWidth as stringWidth } from '../../src/render/width.js';
import { ansi } from '../helpers.js';
import { codeSpans } from '../../src/render/screen.js';

const plain = { width: 50, style: createStyle(false) };
const color = { width: 50, style: createStyle(true) };

describe('tables', () => {
  it('fit the width, Cyrillic included, cutting result cells with an ellipsis', () => {
    const table = renderTable(['title', 'price'], [
      ['Мастер и Маргарита: иллюстрированное юбилейное издание', 1499.9],
      ['Война и мир', null],
    ], plain);
    for (const line of table.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(50);
    expect(table).toContain('…');
    expect(table).toContain('NULL');
    expect(table).not.toMatch(ansi);
  });

  it('wrap prose cells onto more lines instead of cutting them', () => {
    const table = renderTable(['Понятие', 'Смысл'], [['Первичный ключ',
      'уникален, не NULL, один на таблицу, выбран из потенциальных ключей']],
    { ...plain, wrap: true });
    expect(table).not.toContain('…');
    expect(table).toContain('потенциальных');
  });

  it('break a word wider than its column over lines, keeping every character', () => {
    const history = 'r1[x]…w2[x]…w2[y]…c2…r1[y]…c1';
    const table = renderTable(['История', 'Аномалия'], [[history, 'чтение несогласованных данных']],
      { ...plain, width: 30, wrap: true });
    for (const line of table.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(30);
    const firstColumn = table.split('\n').slice(3).filter((l) => l.startsWith('|'))
      .map((l) => l.split('|')[1].trim()).join('');
    expect(firstColumn).toBe(history);
  });
});

describe('display width', () => {
  it('counts Cyrillic as one column, wide characters as two, colour codes as none', () => {
    expect(stringWidth('Ёжик в тумане')).toBe(13);
    expect(stringWidth('\u001b[1mЖирный\u001b[22m')).toBe(6);
    expect(stringWidth('数据库')).toBe(6);
    expect(stringWidth('é')).toBe(1);
  });
});

describe('markdown', () => {
  const source = [
    '## Теория', '', 'Текст с **жирным** и `кодом`, который переносится по ширине',
    'экрана, а не по строкам исходника.', '', '- пункт с **жирным**', '',
    '```sql', 'SELECT title FROM books;', '```',
  ].join('\n');

  it('renders plain text with no escape codes and no raw markup', () => {
    const text = renderMarkdown(source, plain);
    expect(text).not.toMatch(ansi);
    expect(text).not.toContain('**');
    expect(text).toContain('ТЕОРИЯ');
    expect(text).toContain('`кодом`');
    expect(text).toContain('    SELECT title FROM books;');
    for (const line of text.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(50);
  });

  it('highlights SQL and emphasis in colour', () => {
    const text = renderMarkdown(source, color);
    expect(text).toMatch(ansi);
    expect(text).not.toContain('**');
  });

  it('keeps underscores of names in section titles and drops only the marks', () => {
    const titles = renderMarkdownSections([
      '### Продажи по книгам: unit_price, а не books.price', '', 'Текст.', '',
      '### `ONLY_FULL_GROUP_BY` и **важное**', '', 'Текст.',
    ].join('\n'), color).map((section) => section.title);
    expect(titles).toEqual(['Продажи по книгам: unit_price, а не books.price',
      'ONLY_FULL_GROUP_BY и важное']);
  });
});

describe('column labels', () => {
  it('keep plain names and hide the reference\'s expressions', async () => {
    const { columnLabel } = await import('../../src/render/verdict.js');
    expect(columnLabel('book_count', 0)).toBe('book_count');
    expect(columnLabel('цена', 1)).toBe('цена');
    expect(columnLabel('SUM(CASE WHEN stock <> 0 THEN 1 ELSE 0 END)', 1)).toBe('столбец 2');
    expect(columnLabel('COUNT(*)', 0)).toBe('столбец 1');
  });
});

describe('code in short texts that are not Markdown', () => {
  it('drops the backticks in colour and keeps them in plain text', () => {
    const colour = codeSpans('ловушки `<>` и NOT IN', createStyle(true));
    expect(colour).not.toContain('`');
    expect(colour).toContain('<>');
    expect(codeSpans('ловушки `<>` и NOT IN', createStyle(false))).toBe('ловушки `<>` и NOT IN');
  });
});

describe('SQLite messages the console meets', () => {
  it('explains an unknown token and a ROLLBACK without a transaction in Russian', async () => {
    const { explainEngineError } = await import('../../src/render/engine-errors.js');
    expect(explainEngineError('unrecognized token: "\'abc"')).toContain('SQLite не понимает');
    expect(explainEngineError('cannot rollback - no transaction is active'))
      .toContain('ROLLBACK без открытой транзакции');
  });
});

describe('why a picked option is wrong', () => {
  it('is its own sentence when it starts with a capital letter, else follows a colon', async () => {
    const { whyAfter } = await import('../../src/render/verdict.js');
    expect(whyAfter('Работает, но у строки два способа быть пустой.'))
      .toBe('. Работает, но у строки два способа быть пустой.');
    expect(whyAfter('exists() отправляет SELECT 1 … LIMIT 1.'))
      .toBe(': exists() отправляет SELECT 1 … LIMIT 1.');
    expect(whyAfter(undefined)).toBe('.');
  });
});

describe('an engine in feedback', () => {
  it('is named as the learner knows it', async () => {
    const { engineTitle } = await import('../../src/render/verdict.js');
    expect(engineTitle('mysql')).toBe('MySQL');
    expect(engineTitle('sqlite')).toBe('SQLite');
  });
});
