/**
 * Reads SQLite's EXPLAIN QUERY PLAN into the engine-neutral plan (../plan.ts).
 *
 * A plan row names a table as the query does: `SCAN o` for `FROM orders o`. Rows that name an
 * index are resolved through the catalog; the others through the bytecode: the first cursor
 * the row's loop positions (Rewind, SeekRowid, ...) was opened on a root page, and the root
 * page is a table or an index of the catalog. Only when that fails is the name taken as a
 * table name.
 */
import type { QueryFailure } from '../engine.js';
import type { Lookup, PlanIndex, PlanSort, QueryPlan, TableRead } from '../plan.js';

/** [id, parent, notused, detail] as EXPLAIN QUERY PLAN returns them. */
export type PlanRow = [number, number, number, string];
/** [addr, opcode, p1, p2, p4] of the bytecode ops the reader needs. */
export type ProgramOp = [number, string, number, number, string | number | null];

export interface SqliteCatalog {
  /** [type, name, tbl_name, rootpage] from sqlite_master. */
  objects: [string, string, string, number][];
  indexes: { name: string; table: string; columns: (string | null)[]; origin: string }[];
  /** The INTEGER PRIMARY KEY column of each rowid table, null when it has none. */
  rowidKeys: Record<string, string | null>;
}

export interface RawSqlitePlan {
  rows: PlanRow[];
  program: ProgramOp[];
  catalog: SqliteCatalog;
}

export type RawPlanOutcome = { ok: true; raw: RawSqlitePlan }
  | { ok: false; failure: QueryFailure; statement?: number };

/**
 * `SEARCH o EXISTS USING INDEX i (a=?) LEFT-JOIN`: verb, name, older versions' `TABLE t AS a`,
 * flags, the access path in USING, flags again.
 */
const LOOP = new RegExp(String.raw`^(SCAN|SEARCH) (?:TABLE )?(\(.+?\)|\S+)(?: AS (\S+))?` +
  String.raw`(?: [A-Z-]+)*?(?: USING (.+?))?(?: (?:LEFT|RIGHT)-JOIN)?$`);
const POSITIONING = new Set(['Rewind', 'Last', 'SeekRowid', 'NotExists', 'SeekGE', 'SeekGT',
  'SeekLE', 'SeekLT']);

interface Using {
  kind: 'index' | 'rowid' | 'primary' | 'automatic';
  name?: string;
  covering: boolean;
  /** The constraint list in parentheses: `customer_id=? AND created_at>?`. */
  constraints?: string;
}

function parseUsing(text: string | undefined): Using | undefined {
  if (!text) return undefined;
  // The constraint list may hold parentheses of its own: `(price,id)>(?,?)`.
  const [, rest, constraints] = /^(.*?)(?: \((.*)\))?$/.exec(text)!;

  if (/^INTEGER PRIMARY KEY$/.test(rest)) return { kind: 'rowid', covering: false, constraints };
  if (/^PRIMARY KEY$/.test(rest)) return { kind: 'primary', covering: false, constraints };
  if (/^AUTOMATIC /.test(rest)) return { kind: 'automatic', covering: false, constraints };
  const named = /^(COVERING )?INDEX (\S+)$/.exec(rest);
  if (named) return { kind: 'index', name: named[2], covering: Boolean(named[1]), constraints };
  return undefined;
}

/**
 * The columns of a constraint list, in index order: `a=? AND b>? AND b<?` -> a, b. SQLite
 * writes `x=?` per column compared for equality (or IN), `ANY(x)` for a column a skip-scan
 * steps over, then the range: `b>?` or `(b,c)>(?,?)` for a row value; an expression part of
 * the index is `<expr>`. `skipped`: the search does not narrow by the column.
 */
function constraintTerms(constraints: string | undefined):
  { column: string; skipped: boolean }[] {
  if (!constraints) return [];
  const terms: { column: string; skipped: boolean }[] = [];
  for (const term of constraints.split(' AND ')) {
    const any = /^ANY\((.+)\)$/.exec(term);
    if (any) {
      terms.push({ column: any[1], skipped: true });
      continue;
    }
    const left = /^(<expr>|\([^()]*\)|[^=<>]+)[=<>]/.exec(term)?.[1];
    if (!left) continue;
    const columns = left.startsWith('(') ? left.slice(1, -1).split(',') : [left];
    for (const column of columns) {
      const name = column === '<expr>' ? '(expression)' : column.trim();
      if (!terms.some((t) => t.column === name)) terms.push({ column: name, skipped: false });
    }
  }
  return terms;
}

/** The columns the search narrows by; `rowid` is the table's INTEGER PRIMARY KEY column. */
function seekColumns(using: Using, table: string, catalog: SqliteCatalog): string[] {
  return constraintTerms(using.constraints).filter((t) => !t.skipped).map((t) =>
    (t.column === 'rowid' ? catalog.rowidKeys[table] ?? 'rowid' : t.column));
}

function lookupOf(using: Using): Lookup {
  const constraints = (using.constraints ?? '').replaceAll('<expr>', '');
  if (/[<>]/.test(constraints)) return 'range';
  return using.kind === 'rowid' ? 'eq_ref' : 'ref';
}

/** Where each plan row sits in the ordinary program, which lacks most Explain ops. */
function positions(rows: PlanRow[], program: ProgramOp[]): number[] {
  const explains = program.filter((op) => op[1] === 'Explain').map((op) => String(op[4]));
  let present = 0;
  let absent = 0;

  return rows.map(([id, , , detail]) => {
    const position = id - absent;
    if (explains[present] === detail) present += 1;
    else absent += 1;
    return position;
  });
}

class Resolver {
  private readonly opens = new Map<number, { addr: number; opcode: string; root: number }>();
  private readonly byRoot = new Map<number, { type: string; name: string; table: string }>();

  constructor(private readonly program: ProgramOp[], catalog: SqliteCatalog) {
    for (const [type, name, table, root] of catalog.objects) {
      this.byRoot.set(root, { type, name, table });
    }
    for (const [addr, opcode, cursor, root] of program) {
      if (/^(Open|Reopen)/.test(opcode) && !this.opens.has(cursor)) {
        this.opens.set(cursor, { addr, opcode, root });
      }
    }
  }

  /**
   * The table the loop that starts at `from` reads: the first cursor it positions that was
   * opened before it (cursors opened later belong to subqueries inside the loop). Null when
   * that cursor holds no base table (a CTE, a subquery); undefined when none is found.
   * `keyed`: the loop looks rows up by key, so a list it walks first (IN (1, 2, 3)) is not
   * what it reads.
   */
  tableAt(from: number, to: number, keyed: boolean): string | null | undefined {
    for (const [addr, opcode, cursor] of this.program) {
      if (addr < from || addr >= to || !POSITIONING.has(opcode)) continue;
      const open = this.opens.get(cursor);
      if (!open || open.addr >= from) continue;
      const table = this.tableOf(cursor, 0);
      if (table || !keyed) return table;
    }
    return undefined;
  }

  private tableOf(cursor: number, depth: number): string | null {
    const open = this.opens.get(cursor);
    if (!open || depth > 3) return null;
    if (open.opcode === 'OpenAutoindex') {
      // An automatic index is filled by a loop over its source, right after it is opened.
      const source = this.program.find(([addr, opcode, c]) => addr > open.addr &&
        (opcode === 'Rewind' || opcode === 'Last') && c !== cursor);
      return source ? this.tableOf(source[2], depth + 1) : null;
    }
    if (open.opcode !== 'OpenRead' && open.opcode !== 'ReopenIdx') return null;
    return this.byRoot.get(open.root)?.table ?? null;
  }
}

function indexFor(using: Using, table: string, catalog: SqliteCatalog): PlanIndex | undefined {
  const columns = (names: (string | null)[]) => names.map((c) => c ?? '(expression)');

  switch (using.kind) {
    case 'index': {
      const found = catalog.indexes.find((i) => i.name === using.name);
      return { name: using.name!, columns: found ? columns(found.columns) : [],
        primary: found?.origin === 'pk', automatic: false };
    }
    case 'rowid':
      return { name: 'INTEGER PRIMARY KEY', columns: [catalog.rowidKeys[table] ?? 'rowid'],
        primary: true, automatic: false };
    case 'primary': {
      const found = catalog.indexes.find((i) => i.table === table && i.origin === 'pk');
      return { name: 'PRIMARY KEY', columns: columns(found?.columns ?? []), primary: true,
        automatic: false };
    }
    case 'automatic':
      return { name: 'AUTOMATIC', columns: constraintTerms(using.constraints)
        .map((t) => t.column),
        primary: false, automatic: true };
  }
}

function sortOf(detail: string): PlanSort | undefined {
  const match = /^USE TEMP B-TREE FOR (.+)$/.exec(detail);
  if (!match) return undefined;
  // DISTINCT only removes repeats; RIGHT PART / LAST n TERMS OF ORDER BY still sort.
  if (/^DISTINCT/.test(match[1])) return undefined;
  return { purpose: /ORDER BY/.test(match[1]) ? 'order-by'
    : /GROUP BY/.test(match[1]) ? 'group-by' : 'unknown', detail };
}

const MULTI_INDEX_OR = 'MULTI-INDEX OR';

/** The row of the MULTI-INDEX OR loop this row is one term of, if any. */
function orAncestor(rows: PlanRow[], i: number): number | undefined {
  for (let parent = rows[i][1], depth = 0; parent !== 0 && depth < 50; depth++) {
    const at = rows.findIndex((r) => r[0] === parent);
    if (at < 0) return undefined;
    if (rows[at][3] === MULTI_INDEX_OR) return at;
    parent = rows[at][1];
  }
  return undefined;
}

export function readSqlitePlan(raw: RawSqlitePlan): QueryPlan {
  const rows = [...raw.rows].sort((a, b) => a[0] - b[0]);
  const at = positions(rows, raw.program);
  const resolver = new Resolver(raw.program, raw.catalog);
  const tables = new Set(raw.catalog.objects.filter((o) => o[0] === 'table').map((o) => o[1]));
  const reads: TableRead[] = [];
  const sorts: PlanSort[] = [];

  rows.forEach(([, , , detail], i) => {
    const sort = sortOf(detail);
    if (sort) sorts.push(sort);

    const loop = LOOP.exec(detail);
    if (!loop || detail === 'SCAN CONSTANT ROW') return;
    const [, verb, name, alias, usingText] = loop;
    const using = parseUsing(usingText);

    // One term of an OR is explained after its code: the table is the OR loop's.
    const or = orAncestor(rows, i);
    const start = or ?? i;
    // The loop runs until the next loop of the same SELECT starts.
    const next = rows.findIndex(([, p, , d], j) => j > start && p === rows[start][1] &&
      (LOOP.test(d) || d === MULTI_INDEX_OR));
    const end = next < 0 ? Infinity : at[next];
    const named = using?.kind === 'index'
      ? raw.catalog.indexes.find((x) => x.name === using.name)?.table : undefined;
    const keyed = or !== undefined || using?.kind === 'rowid' || using?.kind === 'primary';
    const resolved = named ?? resolver.tableAt(at[start], end, keyed);
    const table = resolved === undefined ? (tables.has(name) ? name : null) : resolved;
    if (!table) return;

    const index = using && indexFor(using, table, raw.catalog);
    reads.push({
      table,
      shownAs: alias ?? name,
      access: verb === 'SCAN' ? (index ? 'index-scan' : 'full-scan') : 'index-lookup',
      ...(verb === 'SEARCH' && using ? { lookup: lookupOf(using) } : {}),
      ...(index ? { index } : {}),
      ...(verb === 'SEARCH' && using ? { seek: seekColumns(using, table, raw.catalog) } : {}),
      covering: Boolean(using?.covering),
    });
  });

  return { reads, sorts };
}
