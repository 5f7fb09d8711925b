/**
 * A query plan in one engine-neutral shape: how each table is read and whether rows are
 * sorted. SQLite's EXPLAIN QUERY PLAN (sqlite/plan.ts) and MySQL's / MariaDB's EXPLAIN
 * FORMAT=JSON (mysql/plan.ts) are both read into it; plan exercises are judged on it.
 */

/** An index as the catalog describes it: columns in index order. */
export interface PlanIndex {
  /** The engine's name for it (PRIMARY, sqlite_autoindex_orders_1, ...): never judged. */
  name: string;
  /** Column names in order; an expression part is `(expression)`. */
  columns: string[];
  /** The table's primary key (MySQL PRIMARY, SQLite INTEGER PRIMARY KEY or its index). */
  primary: boolean;
  /** Built by SQLite for this one query (AUTOMATIC INDEX): not an index of the schema. */
  automatic: boolean;
}

/**
 * - full-scan: every row of the table, in storage order;
 * - index-scan: every entry of an index (MySQL access type `index`, SQLite `SCAN t USING
 *   INDEX i`): still the whole table, only in index order;
 * - index-lookup: only the entries a condition selects (range, ref, eq_ref, const).
 */
export type Access = 'full-scan' | 'index-scan' | 'index-lookup';

export type Lookup = 'range' | 'ref' | 'eq_ref' | 'const';

export interface TableRead {
  /** The base table. */
  table: string;
  /** The name the plan shows (an alias when the query gives one). */
  shownAs: string;
  access: Access;
  lookup?: Lookup;
  index?: PlanIndex;
  /**
   * For an index lookup: the columns of the index the engine narrows the search by, in index
   * order (SQLite's constraint list `(status=? AND shipped_at<?)`, MySQL's used_key_parts).
   * A column the condition only filters afterwards (inside a function, say) is not here.
   * Absent when the plan does not tell.
   */
  seek?: string[];
  /** Read from the index alone, the table's rows never visited. */
  covering: boolean;
}

export type SortPurpose = 'order-by' | 'group-by' | 'distinct' | 'window' | 'unknown';

export interface PlanSort {
  purpose: SortPurpose;
  /** The engine's own words for it: `filesort`, `USE TEMP B-TREE FOR ORDER BY`. */
  detail: string;
}

export interface QueryPlan {
  /** Base tables read, in plan order; derived tables and CTEs are not tables here. */
  reads: TableRead[];
  /**
   * Sorts of rows. A temporary table or B-tree that only removes repeats (DISTINCT without a
   * filesort) is no sort.
   */
  sorts: PlanSort[];
}

/** A plan exercise's answer, split: CREATE INDEX statements, then the one SELECT. */
export interface PlanRequest {
  indexes: string[];
  select: string;
}
