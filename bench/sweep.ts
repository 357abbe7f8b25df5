// bench/sweep: the overdue/warning sweep (sweepDeadlines of the clock engine in platform/clocks, every registered kind, clock at "now") over a
// PostgreSQL database holding 1,000,000 open cases (--closed-share 0; the queue and intake benches use
// 0.7), 1% of them past their deadline and not yet flagged (--new-red 0.01: 10,000 stages, a backlog far
// beyond a minute's worth — the sweep runs every GEWU_SWEEP_INTERVAL_MS), 10% red and already flagged, 15%
// yellow already warned. Prints the first sweep's time (it flags the backlog), how many it flagged and
// how many notifications it wrote, a second sweep (nothing new), then five sweeps a minute apart as the
// job runs them (each flags what fell due in its minute), and the plans of the sweep's two selections. Prints figures only; never asserts timings. Target (reported, not asserted): < 1 s.
// The sweep's clock stands at the "now" the data was generated around.
// Usage: npm run sweep -w @gewu/bench [-- --cases 1000000 --closed-share 0 --new-red 0.01 --index "CREATE INDEX …" --database-url postgres://…]
//   --index   create this index (repeatable) after the data is generated, to measure a proposal
//   --closed-share, --new-red   the spread of the generated cases (see above)
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { queryRows } from '../apps/server/src/db/client.ts';
import type { Clock } from '../apps/server/src/platform/clock.ts';
import { sweepDeadlines } from '../apps/server/src/platform/clocks/index.ts';
// The case chain's clock kinds, registered as the server registers them.
import '../apps/server/src/modules/cases/cases.clocks.ts';
import { DEFAULT_BASE_URL, fmt, prepareCases } from './cases-data.ts';

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000000' },
    index: { type: 'string', multiple: true, default: [] },
    'closed-share': { type: 'string', default: '0' },
    'new-red': { type: 'string', default: '0.01' },
    'database-url': { type: 'string', default: DEFAULT_BASE_URL },
  },
});
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
console.log(`sweep — node ${process.version}, ${os.cpus().length} CPUs, load average ${load()}`);

const { bench, data } = await prepareCases(Number(args.cases), args['database-url'], 4, {
  closedShare: Number(args['closed-share']),
  newRedShare: Number(args['new-red']),
});
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
      (SELECT count(*)::int FROM clock_deadlines WHERE kind = 'case.stage' AND light = 'red' AND at < ${now}::timestamptz) AS overdue,
      (SELECT count(*)::int FROM clock_deadlines WHERE kind = 'case.stage' AND light = 'yellow' AND at <= ${now}::timestamptz) AS warn,
      (SELECT count(*)::int FROM cases WHERE stage IS NOT NULL) AS open`);
  const idx = await queryRows<{ name: string; mb: number; rows: number }>(
    db,
    sql`SELECT c.relname AS name, pg_relation_size(c.oid) / 1048576.0 AS mb, c.reltuples::int AS rows FROM pg_class c WHERE c.relname IN ('clock_deadlines', 'clock_deadlines_due_idx') ORDER BY 1`,
  );
  console.log(
    `\nbefore the sweep: ${fmt(data.open)} open cases, ${fmt(due.open)} with a running stage clock; due now: ${fmt(due.overdue)} to flag overdue, ${fmt(due.warn)} to warn`,
  );
  console.log(
    `  pending light changes: ${idx.map((i) => `${i.name} ${fmt(Number(i.mb), 1)} MB, ~${fmt(i.rows)} entries`).join('; ')}`,
  );
  const sweeps: { ms: number; overdue: number; warned: number; notes: number }[] = [];
  for (let k = 0; k < 2; k++) {
    const before = await notifications();
    const t = performance.now();
    const r = await sweepDeadlines({ db, clock });
    const ms = performance.now() - t;
    sweeps.push({ ms, ...r, notes: (await notifications()) - before });
  }
  const [first, second] = sweeps as [(typeof sweeps)[number], (typeof sweeps)[number]];
  // Then as the job runs: every GEWU_SWEEP_INTERVAL_MS (30 s by default) the clock has moved on by one
  // interval and the sweep flags what fell due in it. Measured a minute apart (twice the default: more due each time).
  const interval = 60_000;
  const steady: typeof sweeps = [];
  for (let k = 1; k <= 5; k++) {
    const at = new Date(data.now.getTime() + k * interval);
    const before = await notifications();
    const t = performance.now();
    const r = await sweepDeadlines({ db, clock: { now: () => at } });
    steady.push({ ms: performance.now() - t, ...r, notes: (await notifications()) - before });
  }
  const left = await one<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM clock_deadlines WHERE light = 'red' AND at < ${now}::timestamptz`,
  );
  console.log(
    `\nfirst sweep:  ${fmt(first.ms)} ms — flagged ${fmt(first.overdue)} overdue, warned ${fmt(first.warned)}, wrote ${fmt(first.notes)} notifications`,
  );
  console.log(
    `second sweep: ${fmt(second.ms, 1)} ms — flagged ${fmt(second.overdue)} overdue, warned ${fmt(second.warned)}, wrote ${fmt(second.notes)} notifications`,
  );
  console.log(`overdue and still unflagged afterwards: ${fmt(left.n)}`);
  console.log(`then one sweep a minute (clock +1…+5 min), each flagging what fell due in its minute:`);
  for (const [k, x] of steady.entries())
    console.log(
      `  +${k + 1} min: ${fmt(x.ms, 1)} ms — flagged ${fmt(x.overdue)} overdue, warned ${fmt(x.warned)}, wrote ${fmt(x.notes)} notifications`,
    );
  const worstSteady = Math.max(...steady.map((x) => x.ms));
  // The plans of the two selections as the second sweep met them (after the first, so it ran cold as in production).
  const t2 = now;
  for (const [label, cond] of [
    ['overdue', sql`kind = 'case.stage' AND light = 'red' AND at < ${t2}::timestamptz`],
    ['warning', sql`kind = 'case.stage' AND light = 'yellow' AND at <= ${t2}::timestamptz`],
  ] as const) {
    const plan = await queryRows<{ 'QUERY PLAN': string }>(
      db,
      sql`EXPLAIN (ANALYZE, BUFFERS) SELECT subject_id FROM clock_deadlines WHERE ${cond}`,
    );
    console.log(
      `plan of the ${label} selection now: ${plan
        .map((r) => r['QUERY PLAN'].trim())
        .filter((l) => /Scan|Cond|Filter|Buffers|Execution/.test(l))
        .join(' | ')}`,
    );
  }
  console.log(`\nsummary (load average now ${load()}; other processes on this machine slow every figure down)`);
  console.log(
    `  a sweep over ${fmt(data.open)} open cases as the job runs it (each minute): at most ${fmt(worstSteady, 1)} ms (target < 1,000 ms: ${worstSteady < 1000 ? 'met' : 'NOT met'})`,
  );
  console.log(
    `  catching up a backlog of ${fmt(first.overdue + first.warned)} light changes at once: ${fmt(first.ms)} ms${first.ms < 1000 ? '' : ' (over 1 s)'}; a sweep with nothing due: ${fmt(second.ms, 1)} ms`,
  );
} finally {
  await bench.drop();
}
