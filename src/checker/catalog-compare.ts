/**
 * Compares a learner's catalog with the reference's, aspect by aspect, for the tables an
 * exercise names (rule 11 of CHECKING.md: the catalog, never the DDL text). Names of
 * constraints and indexes never count; neither does the order of columns in a table, in a
 * primary key, a UNIQUE or a CHECK. The order of columns in an index does.
 */
import {
  sameAction, type Catalog, type ForeignKeyInfo, type IndexInfo, type TableInfo,
} from '../engines/catalog.js';
import type { SchemaAspect } from '../course/format.js';
import type { ForeignKeyRef, SchemaDifference } from './verdict.js';

export interface TableSpec {
  name: string;
  aspects: SchemaAspect[];
}

const sorted = (columns: string[]) => [...columns].sort();
const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function ref(table: string, key: ForeignKeyInfo): ForeignKeyRef {
  return { table, columns: key.columns, parent: key.table, references: key.references };
}

/** The key's column pairs in a canonical order: FOREIGN KEY (a, b) = FOREIGN KEY (b, a). */
function pairs(key: ForeignKeyInfo): string {
  return key.columns.map((c, i) => `${c}>${key.references[i]}`).sort().join(',');
}

function columnDifferences(actual: TableInfo, expected: TableInfo,
  aspects: Set<SchemaAspect>): SchemaDifference[] {
  const table = expected.name;
  const found: SchemaDifference[] = [];
  const have = new Map(actual.columns.map((c) => [c.name, c]));

  if (aspects.has('columns')) {
    const want = new Set(expected.columns.map((c) => c.name));
    for (const c of expected.columns) {
      if (!have.has(c.name)) found.push({ kind: 'missing-column', table, column: c.name });
    }
    for (const c of actual.columns) {
      if (!want.has(c.name)) found.push({ kind: 'extra-column', table, column: c.name });
    }
  }

  // Before the columns' details: a key on other columns changes them (NOT NULL, and in
  // SQLite an INTEGER PRIMARY KEY numbers itself), and the key is what to fix.
  if (aspects.has('primary-key') &&
    !same(sorted(actual.primaryKey), sorted(expected.primaryKey))) {
    found.push({ kind: 'primary-key', table, expected: expected.primaryKey,
      actual: actual.primaryKey });
  }

  for (const want of expected.columns) {
    const got = have.get(want.name);
    if (!got) continue;
    const column = want.name;
    if (aspects.has('types') && got.type.key !== want.type.key) {
      found.push({ kind: 'column-type', table, column, expected: want.type.shown,
        actual: got.type.shown });
    }
    if (aspects.has('nullability') && got.nullable !== want.nullable) {
      found.push({ kind: 'nullability', table, column, nullable: want.nullable });
    }
    if (aspects.has('defaults') && got.autoIncrement !== want.autoIncrement) {
      found.push({ kind: 'auto-increment', table, column, expected: want.autoIncrement });
    } else if (aspects.has('defaults') && got.default !== want.default) {
      found.push({ kind: 'default', table, column, expected: want.default,
        actual: got.default });
    }
  }

  return found;
}

function foreignKeyDifferences(actual: TableInfo, expected: TableInfo): SchemaDifference[] {
  const table = expected.name;
  const found: SchemaDifference[] = [];
  const unmatched = [...actual.foreignKeys];

  for (const want of expected.foreignKeys) {
    const at = unmatched.findIndex((k) => k.table === want.table && pairs(k) === pairs(want));
    if (at < 0) {
      const other = unmatched.find((k) => same(sorted(k.columns), sorted(want.columns)));
      found.push({ kind: 'missing-foreign-key', key: ref(table, want),
        ...(other ? { otherTarget: ref(table, other) } : {}) });
      continue;
    }

    const [got] = unmatched.splice(at, 1);
    for (const event of ['DELETE', 'UPDATE'] as const) {
      const [w, g] = event === 'DELETE' ? [want.onDelete, got.onDelete]
        : [want.onUpdate, got.onUpdate];
      if (!sameAction(w, g)) {
        found.push({ kind: 'foreign-key-action', key: ref(table, want), event, expected: w,
          actual: g });
      }
    }
  }

  // A key on the same columns to another table was reported as missing already.
  for (const extra of unmatched) {
    const reported = found.some((d) => d.kind === 'missing-foreign-key' &&
      d.otherTarget && same(d.otherTarget.columns, extra.columns));
    if (!reported) found.push({ kind: 'extra-foreign-key', key: ref(table, extra) });
  }

  return found;
}

/** Lists of columns compared as multisets; `ordered` keeps each list's own order. */
function listDifferences(actual: IndexInfo[], expected: IndexInfo[], ordered: boolean) {
  const key = (i: IndexInfo) => (ordered ? i.columns : sorted(i.columns)).join(',');
  const left = actual.map(key);
  const missing: string[][] = [];

  for (const want of expected) {
    const at = left.indexOf(key(want));
    if (at >= 0) left.splice(at, 1);
    else missing.push(ordered ? want.columns : sorted(want.columns));
  }

  return { missing, extra: left.map((k) => (k === '' ? [] : k.split(','))) };
}

function constraintDifferences(actual: TableInfo, expected: TableInfo,
  aspects: Set<SchemaAspect>): SchemaDifference[] {
  const table = expected.name;
  const found: SchemaDifference[] = [];

  if (aspects.has('foreign-keys')) found.push(...foreignKeyDifferences(actual, expected));

  if (aspects.has('unique')) {
    const { missing, extra } = listDifferences(actual.uniques, expected.uniques, false);
    found.push(...missing.map((columns) => ({ kind: 'missing-unique' as const, table, columns })),
      ...extra.map((columns) => ({ kind: 'extra-unique' as const, table, columns })));
  }

  if (aspects.has('checks')) {
    // What a CHECK allows is for the probes to show; the catalog says which columns have
    // one. Two CHECKs on one column (a >= 1, a <= 50) are one rule written in two parts.
    const asLists = (t: TableInfo) => [...new Set(t.checks.map((c) => c.columns.join(',')))]
      .map((key) => ({ columns: key === '' ? [] : key.split(',') }));
    const { missing, extra } = listDifferences(asLists(actual), asLists(expected), false);
    found.push(...missing.map((columns) => ({ kind: 'missing-check' as const, table, columns })));
    for (const columns of extra) {
      const check = actual.checks.find((c) => sorted(c.columns).join(',') === columns.join(','));
      found.push({ kind: 'extra-check', table, text: check?.text ?? columns.join(', ') });
    }
  }

  if (aspects.has('indexes')) {
    const { missing, extra } = listDifferences(actual.indexes, expected.indexes, true);
    found.push(...missing.map((columns) => ({ kind: 'missing-index' as const, table, columns })),
      ...extra.map((columns) => ({ kind: 'extra-index' as const, table, columns })));
  }

  return found;
}

/** Every difference, in the order feedback names them: table by table as the task lists. */
export function compareCatalogs(actual: Catalog, expected: Catalog,
  tables: TableSpec[]): SchemaDifference[] {
  const found: SchemaDifference[] = [];

  for (const spec of tables) {
    const want = expected[spec.name];
    const got = actual[spec.name];
    // The reference lacks it too: a broken lesson, which course:check reports.
    if (!want) continue;
    if (!got) {
      found.push({ kind: 'missing-table', table: spec.name });
      continue;
    }
    const aspects = new Set(spec.aspects);
    found.push(...columnDifferences(got, want, aspects),
      ...constraintDifferences(got, want, aspects));
  }

  return found;
}
