// Plan properties on the engine-neutral plan, and how a missing one is said.
import { describe, expect, it } from 'vitest';
import { firstShortfall } from '../../src/checker/plan-properties.js';
import type { PlanIndex, QueryPlan, TableRead } from '../../src/engines/plan.js';
import { shortfallLines } from '../../src/render/plan-verdict.js';

const index = (name: string, columns: string[], extra: Partial<PlanIndex> = {}): PlanIndex =>
  ({ name, columns, primary: false, automatic: false, ...extra });
const read = (extra: Partial<TableRead>): TableRead =>
  ({ table: 'orders', shownAs: 'orders', access: 'full-scan', covering: false, ...extra });
const plan = (reads: TableRead[], sorts: QueryPlan['sorts'] = []): QueryPlan => ({ reads, sorts });

const wanted = [{ usesIndex: { table: 'orders', columns: ['customer_id', 'created_at'] } }];

describe('usesIndex', () => {
  it('passes any index whose leading columns are these, whatever its name', () => {
    const wider = read({ access: 'index-lookup', index: index('x', ['customer_id',
      'created_at', 'status']) });
    expect(firstShortfall(plan([wider]), wanted)).toBeUndefined();
    const other = read({ access: 'index-lookup', index: index('idx_whatever',
      ['CUSTOMER_ID', 'created_at']) });
    expect(firstShortfall(plan([other]), wanted)).toBeUndefined();
  });

  it('fails another column order, a shorter index, an automatic index and no read', () => {
    for (const columns of [['created_at', 'customer_id'], ['customer_id']]) {
      const r = read({ access: 'index-lookup', index: index('i', columns) });
      expect(firstShortfall(plan([r]), wanted)).toMatchObject({ property: 'usesIndex' });
    }
    const automatic = read({ access: 'index-lookup', index: index('AUTOMATIC',
      ['customer_id', 'created_at'], { automatic: true }) });
    expect(firstShortfall(plan([automatic]), wanted)).toMatchObject({ property: 'usesIndex' });
    expect(firstShortfall(plan([]), wanted)).toMatchObject({ property: 'usesIndex',
      reads: [] });
  });
});

describe('seeks', () => {
  const seeks = [{ seeks: { table: 'orders', columns: ['status', 'shipped_at'] } }];
  const through = (seek: string[] | undefined, extra: Partial<TableRead> = {}) =>
    read({ access: 'index-lookup', index: index('i', ['status', 'shipped_at', 'id']),
      ...(seek ? { seek } : {}), ...extra });

  it('passes a search that narrows by every column, and by more', () => {
    expect(firstShortfall(plan([through(['STATUS', 'shipped_at'])]), seeks)).toBeUndefined();
    expect(firstShortfall(plan([through(['status', 'shipped_at', 'id'])]), seeks))
      .toBeUndefined();
    expect(firstShortfall(plan([read({}), through(['status', 'shipped_at'])]), seeks))
      .toBeUndefined();
  });

  it('names the first column the search does not use', () => {
    expect(firstShortfall(plan([through(['status'])]), seeks)).toMatchObject(
      { property: 'seeks', missing: 'shipped_at', read: { seek: ['status'] } });
    expect(firstShortfall(plan([through(undefined)]), seeks)).toMatchObject(
      { property: 'seeks', missing: 'status' });
    // A whole-index scan seeks nothing, whatever the engine lists.
    expect(firstShortfall(plan([through(['status', 'shipped_at'], { access: 'index-scan' })]),
      seeks)).toMatchObject({ property: 'seeks', missing: 'status' });
  });

  it('fails without a read through an index that starts with the columns', () => {
    const other = read({ access: 'index-lookup', index: index('j', ['shipped_at', 'status']),
      seek: ['shipped_at'] });
    const found = firstShortfall(plan([other]), seeks);
    expect(found).toMatchObject({ property: 'seeks', reads: [other] });
    expect(found).not.toHaveProperty('read');
    const automatic = through(['status', 'shipped_at'], { index: index('A',
      ['status', 'shipped_at'], { automatic: true }) });
    expect(firstShortfall(plan([automatic]), seeks)).toMatchObject({ property: 'seeks' });
  });
});

describe('noFullScan, noSort, covering', () => {
  it('counts a scan of a whole index and an automatic index as reading the whole table', () => {
    const property = [{ noFullScan: 'orders' }];
    expect(firstShortfall(plan([read({ access: 'index-scan',
      index: index('i', ['created_at']), covering: true })]), property))
      .toMatchObject({ property: 'noFullScan' });
    expect(firstShortfall(plan([read({ access: 'index-lookup',
      index: index('A', ['customer_id'], { automatic: true }) })]), property))
      .toMatchObject({ property: 'noFullScan' });
    expect(firstShortfall(plan([read({ table: 'customers' }), read({ access: 'index-lookup',
      index: index('i', ['customer_id']) })]), property)).toBeUndefined();
  });

  it('fails noSort on any sort, and covering unless every read of the table is index-only',
    () => {
      expect(firstShortfall(plan([], [{ purpose: 'order-by', detail: 'filesort' }]),
        [{ noSort: true }])).toMatchObject({ property: 'noSort' });
      const lookup = { access: 'index-lookup' as const, index: index('i', ['customer_id']) };
      expect(firstShortfall(plan([read({ ...lookup, covering: true }), read(lookup)]),
        [{ covering: 'orders' }])).toMatchObject({ property: 'covering' });
      expect(firstShortfall(plan([read({ ...lookup, covering: true })]),
        [{ covering: 'orders' }])).toBeUndefined();
    });

  it('names the first missing property in the order the exercise lists them', () => {
    const scanned = plan([read({})], [{ purpose: 'order-by', detail: 'filesort' }]);
    expect(firstShortfall(scanned, [{ noSort: true }, { noFullScan: 'orders' }]))
      .toMatchObject({ property: 'noSort' });
    expect(firstShortfall(scanned, [{ noFullScan: 'orders' }, { noSort: true }]))
      .toMatchObject({ property: 'noFullScan' });
  });
});

describe('what the learner reads', () => {
  it('says how the table is read and what was expected', () => {
    const scanned = plan([read({})]);
    const [head, text, summary] = shortfallLines(firstShortfall(scanned, wanted)!, scanned);
    expect(head).toContain('Результат верный');
    expect(text).toBe('Таблица orders читается целиком (полный просмотр); ожидалось чтение ' +
      'по индексу с первыми столбцами customer_id, created_at.');
    expect(summary).toBe('План запроса на основной базе: orders читается целиком ' +
      '(полный просмотр).');
  });

  it('says which sort happens and what the index must give', () => {
    const sorted = plan([read({ shownAs: 'o', access: 'index-lookup',
      index: index('fk', ['customer_id']) })], [{ purpose: 'order-by', detail: 'filesort' }]);
    const [, text, summary] = shortfallLines(firstShortfall(sorted, [{ noSort: true }])!,
      sorted);
    expect(text).toMatch(/^Для ORDER BY выполняется сортировка \(filesort\): индекс должен /);
    expect(summary).toContain('orders (o) ищется по индексу (customer_id)');
  });

  it('says the column order matters when another index is used', () => {
    const other = plan([read({ access: 'index-lookup', index: index('i', ['customer_id']) })]);
    const [, text] = shortfallLines(firstShortfall(other, wanted)!, other);
    expect(text).toContain('ищется по индексу (customer_id), а ожидалось чтение по индексу ' +
      'с первыми столбцами customer_id, created_at');
  });

  it('says which column the search does not use, and the usual reasons', () => {
    const half = plan([read({ access: 'index-lookup', covering: true,
      index: index('i', ['status', 'shipped_at']), seek: ['status'] })]);
    const [, text, summary] = shortfallLines(firstShortfall(half,
      [{ seeks: { table: 'orders', columns: ['status', 'shipped_at'] } }])!, half);
    expect(text).toMatch(/^Таблица orders ищется по индексу \(status, shipped_at\), но поиск /);
    expect(text).toContain('сужается только по столбцу status; столбец shipped_at поиск не ' +
      'использует');
    expect(text).toContain('столбец shipped_at стоит в условии внутри функции');
    expect(text).toContain('шаблон LIKE начинается с %');
    expect(text).toContain('значением другого типа');
    expect(summary).toBe('План запроса на основной базе: orders ищется по индексу ' +
      '(status, shipped_at), только из индекса.');
  });

  it('says the whole index is read when the search uses none of its columns', () => {
    const scan = plan([read({ access: 'index-scan', index: index('i', ['status', 'created_at']),
      covering: true })]);
    const [, text] = shortfallLines(firstShortfall(scan,
      [{ seeks: { table: 'orders', columns: ['status', 'created_at'] } }])!, scan);
    expect(text).toContain('читается целиком, весь индекс (status, created_at) по порядку, ' +
      'только из индекса: поиск не сужается ни по одному столбцу индекса');
    expect(text).toContain('столбец status стоит в условии');
  });

  it('says what usesIndex says when no index starts with the columns', () => {
    const scanned = plan([read({})]);
    const [, text] = shortfallLines(firstShortfall(scanned,
      [{ seeks: { table: 'orders', columns: ['customer_id', 'created_at'] } }])!, scanned);
    expect(text).toBe('Таблица orders читается целиком (полный просмотр); ожидалось чтение ' +
      'по индексу с первыми столбцами customer_id, created_at.');
  });
});
