import { tables, type ColumnDef, type TableDef } from '../../../fixtures/bookstore/schema.js';
import type { Context } from '../context.js';
import { EXIT_OK, UsageError } from '../errors.js';

function typeText(column: ColumnDef): string {
  const t = column.type;
  switch (t.kind) {
    case 'varchar':
    case 'char':
      return `${t.kind.toUpperCase()}(${t.length})`;
    case 'decimal':
      return `DECIMAL(${t.precision},${t.scale})`;
    default:
      return t.kind.toUpperCase();
  }
}

function keyMark(table: TableDef, column: ColumnDef): string {
  const marks: string[] = [];
  if (table.primaryKey.includes(column.name)) marks.push('PK');
  if (table.foreignKeys?.some((fk) => fk.columns.includes(column.name))) marks.push('FK');
  if (table.uniques?.some((u) => u.length === 1 && u[0] === column.name)) marks.push('UQ');
  return marks.join(',');
}

/** Each table as a box, then the relations as arrows: an ER picture a terminal can show. */
function textDiagram(): string {
  const boxes = tables.map((table) => {
    const rows = table.columns.map((c) =>
      [keyMark(table, c).padEnd(5), c.name, typeText(c) + (c.nullable ? ' NULL' : '')]);
    const widths = [5, Math.max(...rows.map((r) => r[1].length)), Math.max(...rows.map((r) =>
      r[2].length))];
    const inner = Math.max(table.name.length, widths[0] + widths[1] + widths[2] + 2);
    const line = '+' + '-'.repeat(inner + 2) + '+';
    return [
      line,
      `| ${table.name.toUpperCase().padEnd(inner)} |`,
      line,
      ...rows.map((r) => `| ${`${r[0]} ${r[1].padEnd(widths[1])} ${r[2]}`.padEnd(inner)} |`),
      line,
    ].join('\n');
  });

  const relations = tables.flatMap((table) => (table.foreignKeys ?? []).map((fk) =>
    `  ${table.name}.${fk.columns.join(', ')}  >──  ${fk.table}.${fk.references.join(', ')}` +
    `   (многие к одному; ON DELETE ${fk.onDelete})`));

  return [...boxes, '', 'Связи (внешние ключи):', ...relations].join('\n');
}

function mermaid(): string {
  const lines = ['erDiagram'];
  for (const table of tables) {
    for (const fk of table.foreignKeys ?? []) {
      const optional = table.columns.some((c) => fk.columns.includes(c.name) && c.nullable);
      lines.push(`  ${fk.table} ${optional ? '|o' : '||'}--o{ ${table.name} : "${fk.columns
        .join(', ')}"`);
    }
  }
  for (const table of tables) {
    lines.push(`  ${table.name} {`);
    for (const c of table.columns) {
      const mark = keyMark(table, c);
      lines.push(`    ${typeText(c).replace(/[(),]/g, '_').replace(/_+$/, '')} ${c.name}` +
        (mark ? ` ${mark.replace('UQ', 'UK')}` : ''));
    }
    lines.push('  }');
  }
  return lines.join('\n');
}

export async function schema(ctx: Context, format: string): Promise<number> {
  if (format !== 'text' && format !== 'mermaid') {
    throw new UsageError(`Формат «${format}» не знаком: есть text и mermaid.`);
  }
  ctx.print(format === 'mermaid' ? mermaid() : textDiagram());
  return EXIT_OK;
}
