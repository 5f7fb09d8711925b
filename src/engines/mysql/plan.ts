/**
 * Reads EXPLAIN FORMAT=JSON of MySQL 8 and MariaDB into the engine-neutral plan (../plan.ts).
 *
 * The two servers nest the same facts differently. Both list tables as `table` objects
 * (table_name, access_type, key, used_key_parts, using_index) inside `nested_loop` arrays,
 * subqueries and derived tables. A sort is `"filesort": {...}` (also wrapped in
 * `read_sorted_file`) on MariaDB, and `"using_filesort": true` inside `ordering_operation`,
 * `grouping_operation`, `duplicates_removal` or `windowing` on MySQL. So the reader walks the
 * whole document and takes those markers wherever they are.
 *
 * `table_name` is the alias when the query gives one; the server's expanded statement (the
 * note SHOW WARNINGS gives after EXPLAIN) names every table as `db`.`table` `alias`, which
 * maps aliases back to tables. Index columns come from information_schema.STATISTICS.
 */
import type { Lookup, PlanIndex, PlanSort, QueryPlan, SortPurpose, TableRead } from '../plan.js';

export interface RawMysqlPlan {
  /** EXPLAIN FORMAT=JSON's one cell. */
  json: string;
  /** The expanded statement of Note 1003 (MariaDB gives it after EXPLAIN EXTENDED). */
  note?: string;
  /** [table, index, position from 1, column or null for an expression part]. */
  statistics: [string, string, number, string | null][];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const SORT_PURPOSE: Record<string, SortPurpose> = {
  ordering_operation: 'order-by',
  grouping_operation: 'group-by',
  duplicates_removal: 'distinct',
  windowing: 'window',
};

const LOOKUPS: Record<string, Lookup> = {
  range: 'range', index_merge: 'range', ref: 'ref', ref_or_null: 'ref', fulltext: 'ref',
  index_subquery: 'ref', eq_ref: 'eq_ref', unique_subquery: 'eq_ref', const: 'const',
  system: 'const',
};

/**
 * Alias -> table from the expanded statement: `db`.`orders` `o`. String literals are skipped,
 * and a name followed by a dot is a column's qualifier, not a table.
 */
export function tablesByAlias(note: string): Map<string, string> {
  const tokens: string[] = [];
  for (let i = 0; i < note.length;) {
    const c = note[i];
    if (c === "'") {
      let end = i + 1;
      while (end < note.length && !(note[end] === "'" && note[end + 1] !== "'")) {
        end += note[end] === '\\' || note[end] === "'" ? 2 : 1;
      }
      tokens.push("'");
      i = end + 1;
    } else if (c === '`') {
      let end = i + 1;
      let name = '';
      while (end < note.length && !(note[end] === '`' && note[end + 1] !== '`')) {
        name += note[end];
        end += note[end] === '`' ? 2 : 1;
      }
      tokens.push(`\`${name}`);
      i = end + 1;
    } else if (/\s/.test(c)) {
      i += 1;
    } else {
      tokens.push(c);
      i += 1;
    }
  }

  const map = new Map<string, string>();
  const isName = (t: string | undefined) => t !== undefined && t.startsWith('`');
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (!isName(tokens[i]) || tokens[i + 1] !== '.' || !isName(tokens[i + 2])) continue;
    if (tokens[i - 1] === '.' || tokens[i + 3] === '.') continue;
    const table = tokens[i + 2].slice(1);
    const alias = isName(tokens[i + 3]) && tokens[i + 4] !== '.' ? tokens[i + 3].slice(1) : table;
    if (!map.has(alias)) map.set(alias, table);
  }
  return map;
}

function indexes(statistics: RawMysqlPlan['statistics']): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const [table, index, position, column] of statistics) {
    const key = `${table}\u0000${index}`;
    const columns = found.get(key) ?? [];
    columns[Number(position) - 1] = column ?? '(expression)';
    found.set(key, columns);
  }
  return found;
}

function strings(value: Json | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * The keys of an index_merge: MySQL lists them in `key` (and no key parts), MariaDB in nested
 * range objects, each with its used_key_parts.
 */
function mergedKeys(node: JsonObject): { key: string; used?: string[] }[] {
  const keys: { key: string; used?: string[] }[] = [];
  const visit = (value: Json) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      if (typeof value.key === 'string') {
        keys.push({ key: value.key, ...(Array.isArray(value.used_key_parts)
          ? { used: strings(value.used_key_parts) } : {}) });
      }
      Object.values(value).forEach(visit);
    }
  };
  visit(node.index_merge ?? null);
  return keys;
}

/** `union(PRIMARY,idx_a)`, `sort_union(a,intersect(b,c))` or `a,b` -> the index names. */
function mergeKeyNames(key: string): string[] {
  return (key.match(/[\w$]+/g) ?? []).filter((k) => !/^(sort_)?union$|^intersect$/.test(k));
}

export function readMysqlPlan(raw: RawMysqlPlan): QueryPlan {
  const aliases = raw.note ? tablesByAlias(raw.note) : new Map<string, string>();
  const catalog = indexes(raw.statistics);
  const tables = new Set(raw.statistics.map((s) => s[0]));
  const reads: TableRead[] = [];
  const sorts: PlanSort[] = [];

  const indexOf = (table: string, key: string, used: string[]): PlanIndex => ({
    name: key,
    columns: catalog.get(`${table}\u0000${key}`) ?? used,
    primary: key === 'PRIMARY',
    automatic: false,
  });

  const tableRead = (node: JsonObject) => {
    const shownAs = node.table_name;
    const accessType = node.access_type;
    if (typeof shownAs !== 'string' || typeof accessType !== 'string') return;
    // <derived2>, <subquery2>, <union1,2> (MariaDB) or a derived table's alias with the
    // subquery it is made from (MySQL): rows the query made, not a table.
    if (shownAs.startsWith('<') || node.materialized_from_subquery || node.materialized) return;
    const table = aliases.get(shownAs) ?? shownAs;
    if (aliases.size > 0 && !aliases.has(shownAs) && !tables.has(shownAs)) return;

    const keyText = typeof node.key === 'string' ? node.key : undefined;
    const used = Array.isArray(node.used_key_parts) ? strings(node.used_key_parts) : undefined;
    const keys: { key: string; used?: string[] }[] = accessType === 'index_merge'
      ? (keyText ? mergeKeyNames(keyText).map((key) => ({ key })) : mergedKeys(node))
      : keyText ? [{ key: keyText, used }] : [];
    const access = accessType === 'ALL' ? 'full-scan' as const
      : accessType === 'index' ? 'index-scan' as const : 'index-lookup' as const;
    const base = { table, shownAs, access, covering: node.using_index === true,
      ...(LOOKUPS[accessType] ? { lookup: LOOKUPS[accessType] } : {}) };

    if (keys.length === 0) reads.push(base);
    for (const { key, used: parts } of keys) {
      const index = indexOf(table, key, parts ?? []);
      // MySQL 8's skip scan steps over the leading parts and narrows by the range part only.
      const seek = node.using_index_for_skip_scan === true ? parts?.slice(-1) : parts;
      reads.push({ ...base, index,
        ...(access === 'index-lookup' && seek ? { seek } : {}) });
    }
  };

  const walk = (value: Json, purpose: SortPurpose) => {
    if (Array.isArray(value)) {
      value.forEach((v) => walk(v, purpose));
      return;
    }
    if (!value || typeof value !== 'object') return;

    tableRead(value);
    if (value.using_filesort === true) sorts.push({ purpose, detail: 'filesort' });

    for (const [key, child] of Object.entries(value)) {
      // MariaDB: the sort is the block itself, whatever it sorts for.
      if (key === 'filesort') sorts.push({ purpose: 'unknown', detail: 'filesort' });
      walk(child, SORT_PURPOSE[key] ?? purpose);
    }
  };

  walk(JSON.parse(raw.json) as Json, 'unknown');
  return { reads, sorts };
}
