// npm run bench: start-up time of dbcourse commands as a ratio to Node's own start-up
// (`node -e 0`), measured in one run on this machine, and each command's peak memory; then the
// time from saving an answer to its verdict in `dbcourse watch`, with events and with polling.
// Checks run as a learner's do: the first one starts the check server (src/server) and the
// next ones go through it; the lines marked "no check server" show a check in its own process.
import { spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS) || 21;
const home = mkdtempSync(join(tmpdir(), 'dbcourse-bench-'));
const env = {
  ...process.env,
  DBCOURSE_DATA_DIR: join(home, 'data'),
  DBCOURSE_CACHE_DIR: join(home, 'cache'),
  DBCOURSE_WORKSPACE: join(home, 'answers'),
  DBCOURSE_PAGER: '',
};
const bin = join(root, 'bin', 'dbcourse');

function once(args, extraNodeArgs = [], extraEnv = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [...extraNodeArgs, ...args], {
    env: { ...env, ...extraEnv }, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { ms, result };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Peak memory of the check server that the bench's checks started, with its sandbox child
 * (Linux /proc; undefined elsewhere or when none runs).
 */
function serverMemory() {
  const socketDir = join(env.DBCOURSE_CACHE_DIR, 'server');
  let total = 0;
  for (const pid of readdirSafe('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const ours = command.includes(socketDir) ||
        (command.includes('sqlite-worker.cjs') && isChildOfServer(pid, socketDir));
      if (!ours) continue;
      const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
      total += kb / 1024;
    } catch {
      // Gone meanwhile.
    }
  }
  return total || undefined;
}

function isChildOfServer(pid, socketDir) {
  const parent = /PPid:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return readFileSync(`/proc/${parent}/cmdline`, 'utf8').includes(socketDir);
}

function readdirSafe(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** A first check: no verdict remembered from an earlier run of the same answers. */
function forgetVerdicts() {
  rmSync(join(env.DBCOURSE_CACHE_DIR, 'verdicts'), { recursive: true, force: true });
}

let edits = 0;

/**
 * The usual check: the learner edited one answer since the last check (here a new comment on
 * the reference), so that one exercise runs on every dataset and the others are remembered.
 */
function editOneAnswer() {
  const meta = lessonMeta();
  const exercise = meta.exercises.find((e) => e.kind === 'query');
  writeFileSync(join(env.DBCOURSE_WORKSPACE, meta.key, `${exercise.id}.sql`),
    `-- edit ${edits++}\n${exercise.solution}\n`);
}

/** The front matter of lesson 2-4, whose answers the bench writes. */
function lessonMeta() {
  const lessonDir = join(root, 'lessons', '02-sql-single-table', '01-selecting');
  const file = join(lessonDir, '04-aggregates-group-by.md');
  return parse(/^---\n([\s\S]*?)\n---\n/.exec(readFileSync(file, 'utf8'))[1]);
}

/** Writes the reference answers of lesson 2-4 into the workspace, as a learner who solved it. */
function solveLesson(short) {
  spawnSync(process.execPath, [bin, 'show', short], { env });
  const meta = lessonMeta();

  for (const e of meta.exercises) {
    const answer = e.kind === 'query' ? e.solution
      : e.kind === 'choice' ? e.options.filter((o) => o.correct).map((o) => o.key).join(', ')
        : e.kind === 'ordering' ? e.answer.join(' ') : e.accept[0];
    appendFileSync(join(env.DBCOURSE_WORKSPACE, meta.key,
      `${e.id}.${e.kind === 'query' ? 'sql' : 'txt'}`), `${answer}\n`);
  }
}

/**
 * Milliseconds from writing an answer file to its verdict on the output of `dbcourse watch 2-4`
 * in plain mode, one per round. Each round's answer is the reference with another comment, so
 * no remembered verdict is reused: every round is a full check on every dataset.
 */
async function watchLatencies(rounds, options = []) {
  const meta = lessonMeta();
  const exercise = meta.exercises.find((e) => e.kind === 'query');
  const file = join(env.DBCOURSE_WORKSPACE, meta.key, `${exercise.id}.sql`);
  const child = spawn(process.execPath, [bin, 'watch', ...options, '2-4'], { env,
    stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const waiting = new Set();
  child.stdout.on('data', (chunk) => {
    out += chunk;
    for (const check of [...waiting]) check();
  });

  /** Resolves with the moment the output first satisfies `test`. */
  const until = (test, what) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      waiting.delete(check);
      reject(new Error(`dbcourse watch did not show ${what}:\n${out}`));
    }, 20_000);
    const check = () => {
      if (!test(out)) return;
      clearTimeout(timer);
      waiting.delete(check);
      resolve(process.hrtime.bigint());
    };
    waiting.add(check);
    check();
  });

  try {
    await until((o) => o.includes('Выход: Ctrl+C.'), 'that it watches');
    // The state of every exercise is listed once the first checks are done.
    // A verdict's head may wrap between the exercise id and its state.
    const verdict = new RegExp(`\\(${exercise.id}\\)\\s+— `);
    await until((o) => verdict.test(o), 'the first check');
    const times = [];
    for (let round = 0; round < rounds; round++) {
      const from = out.length;
      const started = process.hrtime.bigint();
      writeFileSync(file, `-- round ${round}\n${exercise.solution}\n`);
      const shown = await until((o) => verdict.test(o.slice(from)),
        `the verdict of round ${round}`);
      times.push(Number(shown - started) / 1e6);
    }
    return times;
  } finally {
    child.kill('SIGINT');
  }
}

try {
  const cold = once([bin, 'check', '2-4']).ms;
  solveLesson('2-4');
  const check = spawnSync(process.execPath, [bin, 'check', '2-4'], { env, encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`check 2-4 with the reference answers failed:\n${check.stdout}`);

  const cases = [
    { name: 'dbcourse --help', args: [bin, '--help'], target: 1.3 },
    { name: 'dbcourse show 2-4', args: [bin, 'show', '2-4'], target: 2.5 },
    // In this order: each round forgets every verdict first (the MySQL case below does too),
    // so the re-check and the edited check find all the others remembered.
    { name: 'dbcourse check 2-4 (correct, all answers new)', args: [bin, 'check', '2-4'],
      target: 2, before: forgetVerdicts },
    { name: 'dbcourse check 2-4 (correct, re-check)', args: [bin, 'check', '2-4'], target: 2 },
    { name: 'dbcourse check 2-4 (correct, one answer edited)', args: [bin, 'check', '2-4'],
      target: 2, before: editOneAnswer },
    // The same checks in their own process, as the first check after ten idle minutes runs
    // (the check server, src/server, is not there yet): for comparison, no target.
    { name: '  the same, all answers new, no check server', args: [bin, 'check', '2-4'],
      before: forgetVerdicts, env: { DBCOURSE_SERVER: '0' } },
    { name: '  the same, one answer edited, no check server', args: [bin, 'check', '2-4'],
      before: editOneAnswer, env: { DBCOURSE_SERVER: '0' } },
  ];

  // MySQL: a server prepared by `db setup` (admin from BENCH_MYSQL_ADMIN_URL, or local root).
  const admin = process.env.BENCH_MYSQL_ADMIN_URL ?? 'mysql://root@127.0.0.1:3306';
  const setup = spawnSync(process.execPath, [bin, 'db', 'setup', '--admin-url', admin,
    '--user', 'dbcourse_bench'], { env, encoding: 'utf8' });
  if (setup.status === 0) {
    spawnSync(process.execPath, [bin, 'db', 'use', 'sqlite'], { env });
    cases.push({ name: 'dbcourse check 2-4 on MySQL (first check)',
      args: [bin, '--engine', 'mysql', 'check', '2-4'], target: 5, before: forgetVerdicts });
  } else {
    console.log(`MySQL case skipped: db setup with ${admin} failed:\n${setup.stdout}${setup.stderr}`);
  }

  // Rounds interleave Node's own start-up with every command, so that a busy machine slows
  // both alike; each ratio is the median of the per-round ratios.
  const baseline = ['-e', '0'];
  for (const c of [{ args: baseline }, ...cases]) {
    c.before?.();
    once(c.args, [], c.env);
  }

  const nodeTimes = [];
  const ratios = cases.map(() => []);
  const times = cases.map(() => []);
  for (let round = 0; round < runs; round++) {
    const node = once(baseline).ms;
    nodeTimes.push(node);
    cases.forEach((c, i) => {
      c.before?.();
      const ms = once(c.args, [], c.env).ms;
      times[i].push(ms);
      ratios[i].push(ms / node);
    });
  }

  const rss = (args, before, extraEnv) => {
    before?.();
    const probe = once(args, ['--import', join(root, 'scripts', 'bench-rss.mjs')], extraEnv)
      .result;
    return Number(/BENCH_MAXRSS_KB (\d+)/.exec(probe.stderr)?.[1] ?? NaN) / 1024;
  };

  console.log(`rounds: ${runs}; node -e 0: median ${median(nodeTimes).toFixed(1)} ms, ` +
    `peak ${rss(baseline).toFixed(1)} MB`);
  console.log(`first check ever (builds the SQLite datasets into the cache): ${cold.toFixed(0)} ms`);
  console.log('');

  let failed = 0;
  cases.forEach((c, i) => {
    const ratio = median(ratios[i]);
    const ok = c.target === undefined || ratio <= c.target;
    if (!ok) failed += 1;
    const verdict = c.target === undefined ? ' '.repeat(21)
      : `(target ${c.target}x) ${ok ? 'ok  ' : 'OVER'}`;
    console.log(`${c.name.padEnd(48)} ${median(times[i]).toFixed(1).padStart(7)} ms  ` +
      `${ratio.toFixed(2)}x node ${verdict}  ` +
      `peak ${rss(c.args, c.before, c.env).toFixed(1)} MB`);
  });
  const server = serverMemory();
  if (server) {
    console.log(`check server (stays 10 min after the last check): peak ${server.toFixed(1)} MB` +
      ' with its SQLite sandbox process');
  }

  const watchRounds = Math.max(5, Math.min(runs, 15));
  for (const options of [[], ['--poll']]) {
    const latencies = await watchLatencies(watchRounds, options);
    const latency = median(latencies);
    const ok = latency < 500;
    if (!ok) failed += 1;
    console.log(`${`dbcourse watch ${options.join(' ')} 2-4: save -> verdict`.replace('  ', ' ')
      .padEnd(48)} ${latency.toFixed(1).padStart(7)} ms  median of ${watchRounds} saves ` +
      `(target < 500 ms) ${ok ? 'ok  ' : 'OVER'}  max ${Math.max(...latencies).toFixed(1)} ms`);
  }

  process.exitCode = failed > 0 ? 1 : 0;
} finally {
  rmSync(home, { recursive: true, force: true });
}
