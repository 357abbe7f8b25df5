// bench/sweep: the overdue/warning sweep (sweepDeadlines from cases.jobs.ts, clock at "now") over a
// PostgreSQL database holding 1,000,000 cases of which ~300,000 open and ~1% of all past their
// deadline but not yet flagged. Prints the first sweep's time (it flags those), how many it flagged and
// how many notifications it wrote, then a second sweep (nothing new: near zero), and the plans of the
// sweep's two selections. Prints figures only; never asserts timings. Target (reported, not asserted): < 1 s.
// The sweep's clock stands at the "now" the data was generated around.
// Usage: npm run sweep -w @gewu/bench [-- --cases 1000000 --index "CREATE INDEX …" --database-url postgres://…]
//   --index   create this index (repeatable) after the data is generated, to measure a proposal
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { queryRows } from '../apps/server/src/db/client.ts';
import type { Clock } from '../apps/server/src/platform/clock.ts';
import { sweepDeadlines } from '../apps/server/src/modules/cases/cases.jobs.ts';
import { DEFAULT_BASE_URL, fmt, prepareCases } from './cases-data.ts';

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000000' },
    index: { type: 'string', multiple: true, default: [] },
    'database-url': { type: 'string', default: DEFAULT_BASE_URL },
  },
});
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`sweep — node ${process.version}, ${os.cpus().length} CPUs, load average ${load()}`);

const { bench, data } = await prepareCases(Number(args.cases), args['database-url'], 4);
const db = bench.database.db;
const one = async <T>(q: ReturnType<typeof sql>) => (await queryRows<T>(db, q))[0] as T;
const notifications = async () => (await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM notifications`)).n;

// The clock stands at the moment the data was generated around, so what is due is what the generator
// made due (~1% overdue), not also what turned red while the indexes were being built.
const clock: Clock = { now: () => new Date(data.now) };

try {
  for (const ddl of args.index) {
    const t = performance.now();
    await db.execute(sql.raw(ddl));
    await db.execute(sql`ANALYZE cases`);
    console.log(`index for this run: ${ddl} (${fmt((performance.now() - t) / 1000, 1)} s)`);
  }
  const now = clock.now().toISOString();
  const due = await one<{ overdue: number; warn: number; open: number }>(sql`SELECT
      (SELECT count(*)::int FROM cases WHERE stage IS NOT NULL AND overdue_stage IS DISTINCT FROM stage AND stage_deadline < ${now}::timestamptz) AS overdue,
      (SELECT count(*)::int FROM cases WHERE stage IS NOT NULL AND warned_stage IS DISTINCT FROM stage AND stage_warn_at <= ${now}::timestamptz) AS warn,
      (SELECT count(*)::int FROM cases WHERE stage IS NOT NULL) AS open`);
  const idx = await queryRows<{ name: string; mb: number; rows: number }>(
    db,
    sql`SELECT c.relname AS name, pg_relation_size(c.oid) / 1048576.0 AS mb, c.reltuples::int AS rows FROM pg_class c WHERE c.relname IN ('cases_overdue_sweep_idx', 'cases_warn_sweep_idx') ORDER BY 1`,
  );
  console.log(`\nbefore the sweep: ${fmt(data.open)} open cases, ${fmt(due.open)} with a running stage clock; due now: ${fmt(due.overdue)} to flag overdue, ${fmt(due.warn)} to warn`);
  console.log(`  partial indexes: ${idx.map((i) => `${i.name} ${fmt(Number(i.mb), 1)} MB, ~${fmt(i.rows)} entries`).join('; ')}`);
  const sweeps: { ms: number; overdue: number; warned: number; notes: number }[] = [];
  for (let k = 0; k < 2; k++) {
    const before = await notifications();
    const t = performance.now();
    const r = await sweepDeadlines({ db, clock });
    const ms = performance.now() - t;
    sweeps.push({ ms, ...r, notes: (await notifications()) - before });
  }
  const [first, second] = sweeps as [(typeof sweeps)[number], (typeof sweeps)[number]];
  const left = await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM cases WHERE stage IS NOT NULL AND overdue_stage IS DISTINCT FROM stage AND stage_deadline < ${now}::timestamptz`);
  console.log(`\nfirst sweep:  ${fmt(first.ms)} ms — flagged ${fmt(first.overdue)} overdue, warned ${fmt(first.warned)}, wrote ${fmt(first.notes)} notifications`);
  console.log(`second sweep: ${fmt(second.ms, 1)} ms — flagged ${fmt(second.overdue)} overdue, warned ${fmt(second.warned)}, wrote ${fmt(second.notes)} notifications`);
  console.log(`overdue and still unflagged afterwards: ${fmt(left.n)}`);
  // The plans of the two selections as the second sweep met them (after the first, so it ran cold as in production).
  const t2 = now;
  for (const [label, cond] of [
    ['overdue', sql`stage IS NOT NULL AND overdue_stage IS DISTINCT FROM stage AND stage_deadline < ${t2}::timestamptz`],
    ['warning', sql`stage IS NOT NULL AND warned_stage IS DISTINCT FROM stage AND stage_warn_at <= ${t2}::timestamptz`],
  ] as const) {
    const plan = await queryRows<{ 'QUERY PLAN': string }>(db, sql`EXPLAIN (ANALYZE, BUFFERS) SELECT id FROM cases WHERE ${cond}`);
    console.log(`plan of the ${label} selection now: ${plan.map((r) => r['QUERY PLAN'].trim()).filter((l) => /Scan|Cond|Filter|Buffers|Execution/.test(l)).join(' | ')}`);
  }
  console.log(`\nsummary (load average now ${load()}; other processes on this machine slow every figure down)`);
  console.log(`  first sweep ${fmt(first.ms)} ms (target < 1,000 ms: ${first.ms < 1000 ? 'met' : 'NOT met'}); second sweep ${fmt(second.ms, 1)} ms`);
} finally {
  await bench.drop();
}
