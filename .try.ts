import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { readSqlitePlan } from '/work/wt/plan/src/engines/sqlite/plan.ts';
const require = createRequire('/work/wt/plan/src/engines/sqlite/x.js');
const Database = require('better-sqlite3');
const worker = require('/work/wt/plan/src/engines/sqlite/sqlite-worker.cjs');
const path = '/tmp/plan-home/base.db';
rmSync(path, { force: true });
const db = new Database(path);
db.exec(readFileSync('/work/wt/plan/fixtures/bookstore/generated/sqlite/schema.sql', 'utf8'));
db.exec(readFileSync('/work/wt/plan/fixtures/bookstore/generated/sqlite/base.sql', 'utf8'));
db.close();
const indexes = process.argv[2] ? process.argv[2].split(';') : [];
for (const select of readFileSync('' + (process.env.Q ?? '/tmp/plan-home/q1.sql') + '', 'utf8').split('\n====\n').filter((s) => s.trim())) {
  const out = worker.plan({ path, indexes, select });
  console.log('###', select.replace(/\s+/g, ' '));
  if (!out.ok) { console.log(out); continue; }
  const plan = readSqlitePlan(out.raw);
  for (const r of plan.reads) console.log('   ', r.table, r.shownAs, r.access, r.lookup ?? '', r.index ? `${r.index.name}(${r.index.columns})${r.index.primary ? ' pk' : ''}${r.index.automatic ? ' auto' : ''}` : '', r.covering ? 'covering' : '');
  for (const s of plan.sorts) console.log('    sort', s.purpose, s.detail);
}
