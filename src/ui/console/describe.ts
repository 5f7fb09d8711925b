/** `\d` and `\d <table>` as text: pure functions of the catalog, the width and the style. */
import type { TableDescription, TableSummary } from '../../engines/console.js';
import type { Screen } from '../../render/screen.js';
import { renderTable } from '../../render/table.js';
import { wrapText } from '../../render/wrap.js';

export function renderTableList(tables: TableSummary[], screen: Screen): string {
  if (tables.length === 0) return 'В базе нет таблиц.';
  const rows = tables.map((t) => [t.name, t.kind === 'view' ? 'представление' : 'таблица',
    t.rows]);
  return [
    renderTable(['Таблица', 'Вид', 'Строк'], rows, screen),
    screen.style.dim('Столбцы, ключи и индексы таблицы: \\d <таблица>, например \\d books'),
  ].join('\n');
}

function rule(action: string): string {
  return action.toUpperCase();
}

export function renderDescription(table: TableDescription, screen: Screen): string {
  const { style } = screen;
  const inForeignKey = new Set(table.foreignKeys.flatMap((k) => k.columns));
  const rows = table.columns.map((c) => [
    c.name,
    c.type || '—',
    c.nullable ? 'да' : 'нет',
    c.defaultValue,
    [c.primaryKey ? 'PK' : '', inForeignKey.has(c.name) ? 'FK' : ''].filter(Boolean).join(', '),
  ]);

  const out = [
    style.bold(`${table.kind === 'view' ? 'Представление' : 'Таблица'} ${table.name}`),
    // Wrapped, not cut: a narrow terminal must still show whole column names and types.
    renderTable(['Столбец', 'Тип', 'NULL', 'По умолчанию', 'Ключ'], rows,
      { ...screen, nullText: '', wrap: true }),
  ];

  if (table.primaryKey.length > 0) {
    out.push(`Первичный ключ: (${table.primaryKey.join(', ')})`);
  }

  if (table.foreignKeys.length > 0) {
    out.push('Внешние ключи:', ...table.foreignKeys.map((k) => {
      const onUpdate = /^(NO ACTION|RESTRICT)$/i.test(k.onUpdate) ? ''
        : ` ON UPDATE ${rule(k.onUpdate)}`;
      return `  (${k.columns.join(', ')}) → ${k.table}(${k.references.join(', ')}) ` +
        style.dim(`ON DELETE ${rule(k.onDelete)}${onUpdate}`);
    }));
  }

  if (table.indexes.length > 0) {
    out.push('Индексы:', ...table.indexes.map((i) =>
      `  ${[i.name, i.unique ? 'UNIQUE' : ''].filter(Boolean).join(' ')} (${i.columns
        .join(', ')})`));
  }

  if (table.referencedBy.length > 0) {
    out.push(...wrapText(`На неё ссылаются: ${table.referencedBy.join(', ')}`, screen.width));
  }

  return out.join('\n');
}
