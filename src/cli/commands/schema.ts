import { tables, type ColumnDef, type TableDef } from '../../../fixtures/bookstore/schema.js';
import { wrapText } from '../../render/wrap.js';
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

/** One table as a box: its name, then each column with its key marks, type and target. */
function box(table: TableDef): string[] {
  const target = (c: ColumnDef) => table.foreignKeys?.find((fk) => fk.columns.includes(c.name));
  const rows = table.columns.map((c) => {
    const fk = target(c);
    return [keyMark(table, c), c.name, typeText(c) + (c.nullable ? ' NULL' : ''),
      fk ? `→ ${fk.table}` : ''];
  });
  const width = (i: number) => Math.max(...rows.map((r) => r[i].length));
  const lines = rows.map((r) => [r[0].padEnd(width(0)), r[1].padEnd(width(1)),
    r[2].padEnd(width(2)), r[3]].join(' ').trimEnd());
  const inner = Math.max(table.name.length, ...lines.map((l) => l.length));
  return [
    `┌${'─'.repeat(inner + 2)}┐`,
    `│ ${table.name.toUpperCase().padEnd(inner)} │`,
    `├${'─'.repeat(inner + 2)}┤`,
    ...lines.map((l) => `│ ${l.padEnd(inner)} │`),
    `└${'─'.repeat(inner + 2)}┘`,
  ];
}

/** Boxes side by side, as many to a row as the width allows, in the schema's order. */
function layOut(boxes: string[][], width: number): string[] {
  const out: string[] = [];
  const gap = '   ';
  let row: string[][] = [];
  const flush = () => {
    const height = Math.max(...row.map((b) => b.length));
    for (let i = 0; i < height; i++) {
      out.push(row.map((b) => (b[i] ?? '').padEnd(b[0].length)).join(gap).trimEnd());
    }
    out.push('');
    row = [];
  };
  for (const b of boxes) {
    const used = row.reduce((sum, r) => sum + r[0].length + gap.length, 0);
    if (row.length > 0 && used + b[0].length > width) flush();
    row.push(b);
  }
  if (row.length > 0) flush();
  return out;
}

/** A link table: its primary key is exactly two foreign keys (many to many). */
function linkOf(table: TableDef): [string, string] | undefined {
  const fks = table.foreignKeys ?? [];
  if (fks.length !== 2 || table.primaryKey.length !== 2) return undefined;
  const keyed = fks.every((fk) => fk.columns.every((c) => table.primaryKey.includes(c)));
  return keyed ? [fks[0].table, fks[1].table] : undefined;
}

/**
 * The ER picture a terminal can show: the tables as boxes laid out across the width (each
 * foreign key column says where it points), then every relation in words.
 */
function textDiagram(width: number): string {
  const relations = tables.flatMap((table) => (table.foreignKeys ?? []).map((fk) => {
    const optional = table.columns.some((c) => fk.columns.includes(c.name) && c.nullable);
    return `  ${fk.table} 1 ──< ${table.name}: ${table.name}.${fk.columns.join(', ')} → ` +
      `${fk.table}.${fk.references.join(', ')}, ON DELETE ${fk.onDelete}` +
      (optional ? ' (может быть NULL)' : '');
  }));
  const manyToMany = tables.flatMap((table) => {
    const link = linkOf(table);
    return link ? [`  ${link[0]} >──< ${link[1]}: через ${table.name}`] : [];
  });

  const wrap = (line: string) => wrapText(line.trim(), width - 4).map((l, i) =>
    (i === 0 ? `  ${l}` : `      ${l}`));
  return [
    ...layOut(tables.map(box), width),
    'Связи «один ко многим» (1 ──< много):',
    ...relations.flatMap(wrap),
    '',
    'Связи «многие ко многим»:',
    ...manyToMany.flatMap(wrap),
    '',
    ...wrapText('PK — первичный ключ, FK — внешний ключ, UQ — уникальный. Для заметок: ' +
      'dbcourse schema --format mermaid', width),
  ].join('\n');
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
  ctx.print(format === 'mermaid' ? mermaid() : textDiagram(ctx.screen.width));
  return EXIT_OK;
}
