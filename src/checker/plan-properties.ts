/**
 * The properties a plan exercise declares, checked on the engine-neutral plan: the first one
 * missing, in the order the exercise lists them, with what the plan does instead.
 */
import type { PlanProperty } from '../course/format.js';
import type { PlanSort, QueryPlan, TableRead } from '../engines/plan.js';

export type PlanShortfall =
  /** No read of `table` goes through an index that starts with `columns`. */
  | { property: 'usesIndex'; table: string; columns: string[]; reads: TableRead[] }
  /**
   * No read of `table` narrows its search by all of `columns`. `read`: the read through an
   * index that starts with them, if there is one; `missing`: the first column its search does
   * not use (then `read.seek` says which ones it does).
   */
  | { property: 'seeks'; table: string; columns: string[]; reads: TableRead[];
    read?: TableRead; missing?: string }
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

/** A read through a schema index (not an automatic one) whose leading columns are these. */
function through(read: TableRead, columns: string[]): boolean {
  return Boolean(read.index && !read.index.automatic && startsWith(read.index.columns, columns));
}

/** The first of `columns` the read's search does not narrow by; undefined when it uses all. */
export function unsought(read: TableRead, columns: string[]): string | undefined {
  const seek = read.access === 'index-lookup' ? read.seek ?? [] : [];
  return columns.find((c) => !seek.some((s) => same(s, c)));
}

function seeksShortfall(reads: TableRead[], table: string, columns: string[]):
  PlanShortfall | undefined {
  const candidates = reads.filter((r) => through(r, columns));
  if (candidates.some((r) => unsought(r, columns) === undefined)) return undefined;
  // The lookup the learner is closest with: the one whose search uses the most columns.
  const read = [...candidates].sort((a, b) => (b.access === 'index-lookup' ? 1 : 0) -
    (a.access === 'index-lookup' ? 1 : 0) || (b.seek?.length ?? 0) - (a.seek?.length ?? 0))[0];
  return { property: 'seeks', table, columns, reads,
    ...(read ? { read, missing: unsought(read, columns) } : {}) };
}

function shortfall(plan: QueryPlan, property: PlanProperty): PlanShortfall | undefined {
  const readsOf = (table: string) => plan.reads.filter((r) => same(r.table, table));

  if ('usesIndex' in property) {
    const { table, columns } = property.usesIndex;
    const reads = readsOf(table);
    const used = reads.some((r) => through(r, columns));
    return used ? undefined : { property: 'usesIndex', table, columns, reads };
  }

  if ('seeks' in property) {
    const { table, columns } = property.seeks;
    return seeksShortfall(readsOf(table), table, columns);
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
