// bench/queue: the dispatcher's filtered, sorted, paged case list (GET /api/cases → listCases) over a
// PostgreSQL database holding 1,000,000 cases, in-process through app.inject with a signed-in
// dispatcher (the full route: session, zod query and response schemas, the rows query and the capped
// count). A few hundred requests of realistic kinds, interleaved, pages 1–5; prints p50/p95/p99 per kind
// and overall, the two SQL statements' own times (and the p95 the requests would have without the
// count statement), this process's CPU per request, and EXPLAIN ANALYZE of
// the slowest kind's statements. Prints figures only; never asserts timings. Target (reported, not
// asserted): p95 < 50 ms.
// Usage: npm run queue -w @gewu/bench [-- --cases 1000000 --per-kind 30 --index "CREATE INDEX …"
//        --database-url postgres://…]
//   --index   (repeatable) measure the mix as migrated, create these indexes, measure it again
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app.ts';
import { DEMO_PASSWORD } from '../apps/server/src/seed/demo.ts';
import { DEFAULT_BASE_URL, fmt, pct, prepareCases } from './cases-data.ts';

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000000' },
    'per-kind': { type: 'string', default: '30' },
    index: { type: 'string', multiple: true, default: [] },
    'database-url': { type: 'string', default: DEFAULT_BASE_URL },
  },
});
const PER_KIND = Number(args['per-kind']);
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
console.log(`queue — node ${process.version}, ${os.cpus().length} CPUs, load average ${load()}`);

const { bench } = await prepareCases(Number(args.cases), args['database-url'], 10);
const app = await buildApp(bench.deps);

// Every statement the app sends, timed, so each request splits into its SQL and the rest.
type Stmt = { text: string; values: unknown[]; ms: number };
let statements: Stmt[] = [];
const pool = (bench.database.db as unknown as { $client: pg.Pool }).$client;
const query = pool.query.bind(pool) as (config: unknown, values?: unknown[]) => Promise<unknown>;
(pool as unknown as { query: typeof query }).query = (config, values) => {
  const t = performance.now();
  const text = typeof config === 'string' ? config : (config as { text: string }).text;
  const p = query(config, values);
  void p.then(
    () => statements.push({ text, values: values ?? [], ms: performance.now() - t }),
    () => undefined,
  );
  return p;
};
const isRows = (s: Stmt) => s.text.includes('from "cases" left join "items"');
const isCount = (s: Stmt) => s.text.includes('count(*)::int AS n FROM (SELECT 1 FROM "cases"');

try {
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'dispatcher', password: DEMO_PASSWORD },
  });
  const headers = { cookie: `gewu_session=${login.cookies.find((c) => c.name === 'gewu_session')?.value}` };
  const categories = (
    await pool.query<{ c: string }>(`SELECT DISTINCT category_code AS c FROM items ORDER BY 1`)
  ).rows.map((r) => r.c);
  const codes = (
    await pool.query<{ code: string }>(`SELECT code FROM cases TABLESAMPLE SYSTEM (1) REPEATABLE (7) LIMIT $1`, [
      PER_KIND,
    ])
  ).rows.map((r) => r.code);
  const STATES = ['handling', 'dispatched', 'fed_back', 'closed'];

  // What a township centre's screens ask for all day.
  const kinds: { name: string; url: (k: number) => string }[] = [
    { name: 'queue (view=queue, newest first)', url: (k) => `view=queue&page=${1 + (k % 5)}` },
    { name: 'queue by deadline', url: (k) => `view=queue&sort=deadline_asc&page=${1 + (k % 5)}` },
    {
      name: 'all + state',
      url: (k) => `view=all&state=${STATES[k % STATES.length]}&page=${1 + (Math.floor(k / STATES.length) % 5)}`,
    },
    {
      name: 'all + state=handling by deadline',
      url: (k) => `view=all&state=handling&sort=deadline_asc&page=${1 + (k % 5)}`,
    },
    {
      name: 'all + item category (itemCode=NN)',
      url: (k) =>
        `view=all&itemCode=${categories[k % categories.length]}&page=${1 + (Math.floor(k / categories.length) % 5)}`,
    },
    { name: 'all + light=red', url: (k) => `view=all&light=red&page=${1 + (k % 5)}` },
    { name: 'all + q=<case code>', url: (k) => `view=all&q=${codes[k % codes.length]}` },
    { name: 'all, newest first', url: (k) => `view=all&page=${1 + (k % 5)}` },
  ];
  type Sample = {
    kind: number;
    url: string;
    ms: number;
    cpuMs: number;
    sqlRows: number;
    sqlCount: number;
    total: number;
    stmts: Stmt[];
  };
  const run = async (kind: number, k: number): Promise<Sample> => {
    const url = `/api/cases?${kinds[kind]!.url(k)}`;
    statements = [];
    const cpu = process.cpuUsage();
    const t = performance.now();
    const res = await app.inject({ method: 'GET', url, headers });
    const ms = performance.now() - t;
    const used = process.cpuUsage(cpu);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    await new Promise((r) => setImmediate(r)); // let the statement timers settle
    const body = res.json() as { total: number };
    const sum = (f: (s: Stmt) => boolean) => statements.filter(f).reduce((a, s) => a + s.ms, 0);
    return {
      kind,
      url,
      ms,
      cpuMs: (used.user + used.system) / 1000,
      sqlRows: sum(isRows),
      sqlCount: sum(isCount),
      total: body.total,
      stmts: statements,
    };
  };
  const stats = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return { p50: pct(s, 50), p95: pct(s, 95), p99: pct(s, 99), max: s.at(-1) ?? NaN };
  };
  const f1 = (n: number) => fmt(n, 1).padStart(7);

  /** Warm-up (every kind and page once, as a live server's caches are warm), then the mix, interleaved; prints the table. */
  const measure = async (label: string) => {
    for (let kind = 0; kind < kinds.length; kind++) for (let k = 0; k < 5; k++) await run(kind, k);
    const plan: [number, number][] = [];
    for (let k = 0; k < PER_KIND; k++) for (let kind = 0; kind < kinds.length; kind++) plan.push([kind, k]);
    let seed = 12345;
    for (let i = plan.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const j = seed % (i + 1);
      [plan[i], plan[j]] = [plan[j]!, plan[i]!];
    }
    const samples: Sample[] = [];
    const t0 = performance.now();
    for (const [kind, k] of plan) samples.push(await run(kind, k));
    const wall = performance.now() - t0;
    console.log(
      `\n${label}: GET /api/cases as the township dispatcher, ${fmt(samples.length)} requests (${PER_KIND} per kind, interleaved) in ${fmt(wall / 1000, 1)} s, one at a time, load average ${load()}; ms:`,
    );
    console.log(
      `  ${'kind'.padEnd(36)}     p50     p95     p99     max │ rows SQL p50/p95 │ count SQL p50/p95 │ p95 w/o count │ node CPU p50 │ total (capped at 10,000)`,
    );
    const byKind: { name: string; p95: number; samples: Sample[] }[] = [];
    for (let kind = 0; kind < kinds.length; kind++) {
      const ks = samples.filter((s) => s.kind === kind);
      const a = stats(ks.map((s) => s.ms));
      const r = stats(ks.map((s) => s.sqlRows));
      const c = stats(ks.map((s) => s.sqlCount));
      byKind.push({ name: kinds[kind]!.name, p95: a.p95, samples: ks });
      const withoutCount = stats(ks.map((s) => s.ms - s.sqlCount));
      console.log(
        `  ${kinds[kind]!.name.padEnd(36)} ${f1(a.p50)} ${f1(a.p95)} ${f1(a.p99)} ${f1(a.max)} │ ${f1(r.p50)} ${f1(r.p95)} │ ${f1(c.p50)} ${f1(c.p95)}   │ ${f1(withoutCount.p95)}       │ ${f1(stats(ks.map((s) => s.cpuMs)).p50)}      │ ${fmt(stats(ks.map((s) => s.total)).p50)} (median)`,
      );
    }
    const all = stats(samples.map((s) => s.ms));
    const other = stats(samples.map((s) => s.ms - s.sqlRows - s.sqlCount));
    const allWithoutCount = stats(samples.map((s) => s.ms - s.sqlCount));
    console.log(
      `  ${'overall'.padEnd(36)} ${f1(all.p50)} ${f1(all.p95)} ${f1(all.p99)} ${f1(all.max)} │                  │                   │ ${f1(allWithoutCount.p95)}`,
    );
    console.log(
      `  outside the two list statements (session lookup, validation, serialization): p50 ${fmt(other.p50, 1)} ms, p95 ${fmt(other.p95, 1)} ms`,
    );

    // The slowest kind's statements, as the app sent them, under EXPLAIN ANALYZE.
    const slowest = [...byKind].sort((a, b) => b.p95 - a.p95)[0]!;
    const worst =
      [...slowest.samples].sort((a, b) => b.ms - a.ms)[Math.floor(slowest.samples.length * 0.05)] ??
      slowest.samples[0]!;
    console.log(
      `\n  slowest kind by p95: ${slowest.name} — EXPLAIN (ANALYZE, BUFFERS) of ${worst.url} (${fmt(worst.ms, 1)} ms):`,
    );
    for (const st of worst.stmts.filter((x) => isRows(x) || isCount(x))) {
      const plan = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${st.text}`, st.values);
      console.log(`\n  ${isRows(st) ? 'rows' : 'count'} statement (${fmt(st.ms, 1)} ms in the run):`);
      console.log(st.text.replace(/^/gm, '    '));
      console.log(`    -- values: ${JSON.stringify(st.values)}`);
      for (const row of plan.rows) console.log(`    ${row['QUERY PLAN']}`);
    }
    return { all, allWithoutCount, byKind };
  };

  const before = await measure(args.index.length ? 'as migrated' : 'result');
  let after: Awaited<ReturnType<typeof measure>> | null = null;
  if (args.index.length) {
    for (const ddl of args.index) {
      const t = performance.now();
      await pool.query(ddl);
      console.log(`\n${ddl} — ${fmt((performance.now() - t) / 1000, 1)} s`);
    }
    await pool.query('ANALYZE cases');
    after = await measure('with the indexes above');
  }
  console.log(`\nsummary (load average now ${load()}; other processes on this machine slow every figure down)`);
  for (const [label, m] of [
    ['as migrated', before],
    ['with the indexes', after],
  ] as const) {
    if (!m) continue;
    console.log(
      `  ${label}: overall p50 ${fmt(m.all.p50, 1)} ms, p95 ${fmt(m.all.p95, 1)} ms, p99 ${fmt(m.all.p99, 1)} ms (target p95 < 50 ms: ${m.all.p95 < 50 ? 'met' : 'NOT met'}); kinds over 50 ms at p95: ${
        m.byKind
          .filter((k) => k.p95 >= 50)
          .map((k) => `${k.name} (${fmt(k.p95)})`)
          .join('; ') || 'none'
      }`,
    );
    console.log(`    the same requests less their count statement: p95 ${fmt(m.allWithoutCount.p95, 1)} ms`);
  }
} finally {
  await app.close();
  await bench.drop();
}
