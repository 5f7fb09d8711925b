/**
 * The properties a plan exercise declares, checked on the engine-neutral plan: the first one
 * missing, in the order the exercise lists them, with what the plan does instead.
 */
// Known shortcoming: no property says "seeks on these columns", so a function on the second
// column of a used index (YEAR(created_at) after status) passes usesIndex and noFullScan.
import type { PlanProperty } from '../course/format.js';
import type { PlanSort, QueryPlan, TableRead } from '../engines/plan.js';

export type PlanShortfall =
  /** No read of `table` goes through an index that starts with `columns`. */
  | { property: 'usesIndex'; table: string; columns: string[]; reads: TableRead[] }
  /** `read` takes the whole table. */
  | { property: 'noFullScan'; table: string; read: TableRead }
  | { property: 'noSort'; sort: PlanSort }
  /** Some read of `table` (or none at all) visits the table's rows. */
  | { property: 'covering'; table: string; reads: TableRead[] };

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Index names never matter: the leading columns, in order, do. */
export function startsWith(index: string[], columns: string[]): boolean {
  return columns.length <= index.length && columns.every((c, i) => same(c, index[i]));
}

/** A read that takes every row: a table scan, a whole-index scan, an index built for it. */
export function readsWhole(read: TableRead): boolean {
  return read.access !== 'index-lookup' || Boolean(read.index?.automatic);
}

function shortfall(plan: QueryPlan, property: PlanProperty): PlanShortfall | undefined {
  const readsOf = (table: string) => plan.reads.filter((r) => same(r.table, table));

  if ('usesIndex' in property) {
    const { table, columns } = property.usesIndex;
    const reads = readsOf(table);
    const used = reads.some((r) => r.index && !r.index.automatic &&
      startsWith(r.index.columns, columns));
    return used ? undefined : { property: 'usesIndex', table, columns, reads };
  }

  if ('noFullScan' in property) {
    const read = readsOf(property.noFullScan).find(readsWhole);
    return read && { property: 'noFullScan', table: property.noFullScan, read };
  }

  if ('noSort' in property) {
    const sort = plan.sorts[0];
    return sort && { property: 'noSort', sort };
  }

  const reads = readsOf(property.covering);
  const covered = reads.length > 0 && reads.every((r) => r.covering);
  return covered ? undefined : { property: 'covering', table: property.covering, reads };
}

export function firstShortfall(plan: QueryPlan, properties: PlanProperty[]):
  PlanShortfall | undefined {
  for (const property of properties) {
    const found = shortfall(plan, property);
    if (found) return found;
  }
  return undefined;
}
