// bench/grid-lookup: point → grid lookup (落格) on a synthetic province-sized tiling.
// Prints index build time and memory, single-core lookups/s and per-lookup latency, the speed-up over
// a naive scan and over PostgreSQL's built-in `polygon` type with a GiST index, and a correctness check
// (index == naive on a sample). Prints figures only; never asserts timings.
// Usage: cd bench && npx tsx grid-lookup.ts [--grids 200000] [--points 1000000] [--naive-points 2000]
//        [--pg-points 20000] [--pg-concurrency 8] [--no-pg] [--database-url postgres://…]
import os from 'node:os';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import pg from 'pg';
import {
  GridIndex,
  INSIDE,
  ON_BOUNDARY,
  jitteredTiling,
  mulberry32,
  pointInBoundary,
  validateBoundary,
  type GridIndexItem,
} from '@gewu/geo';

const { values: args } = parseArgs({
  options: {
    grids: { type: 'string', default: '200000' },
    points: { type: 'string', default: '1000000' },
    'naive-points': { type: 'string', default: '2000' },
    'pg-points': { type: 'string', default: '20000' },
    'pg-concurrency': { type: 'string', default: '8' },
    'no-pg': { type: 'boolean', default: false },
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
  },
});
const GRIDS = Number(args.grids);
const POINTS = Number(args.points);
const NAIVE_POINTS = Number(args['naive-points']);
const PG_POINTS = Number(args['pg-points']);
const PG_CONCURRENCY = Number(args['pg-concurrency']);
const HENAN: [number, number, number, number] = [110.3, 31.4, 116.6, 36.4];

v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const now = () => performance.now();
/** CPU milliseconds used by this process (all its threads: JS, GC helpers). */
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mb = (bytes: number) => `${fmt(bytes / 2 ** 20, 1)} MB`;
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
const heapBytes = () => {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
console.log(`grid-lookup — node ${process.version}, ${os.cpus().length} CPUs, load average ${load()}`);
console.log(`${GRIDS.toLocaleString('en-US')} grids over Henan's extent ${HENAN.join(', ')}`);

// 1. Tiling. cols × rows = GRIDS exactly when a divisor pair near the extent's aspect exists.
const aspect = (HENAN[2] - HENAN[0]) / (HENAN[3] - HENAN[1]);
let cols = Math.max(1, Math.round(Math.sqrt(GRIDS * aspect)));
for (let d = 0; d < cols * 0.2; d++) {
  if (GRIDS % (cols + d) === 0) {
    cols += d;
    break;
  }
  if (cols - d > 0 && GRIDS % (cols - d) === 0) {
    cols -= d;
    break;
  }
}
const rows = Math.max(1, Math.round(GRIDS / cols));
let t = now();
const items = jitteredTiling({ cols, rows, extent: HENAN, seed: 2024 });
const genMs = now() - t;
const vertices = items.reduce((s, i) => s + (i.geometry.coordinates[0] as unknown[]).length - 1, 0);
console.log(
  `\ntiling: ${cols} × ${rows} = ${fmt(items.length)} grids, ${fmt(vertices / items.length, 1)} vertices each (shared edges), generated in ${fmt(genMs)} ms`,
);
const sampleValid = items.filter((_, k) => k % Math.max(1, Math.floor(items.length / 2000)) === 0);
const invalid = sampleValid.filter((i) => !validateBoundary(i.geometry).ok).length;
console.log(`validateBoundary on ${fmt(sampleValid.length)} sampled grids: ${invalid} invalid`);

// 2. Build (cold, then a rebuild as the server would do when grids change).
const heapBefore = heapBytes();
t = now();
let cpu = cpuNow();
let index = new GridIndex(items);
const buildColdMs = now() - t;
const buildCpuMs = cpuNow() - cpu;
const heapAfter = heapBytes();
const rebuilds: number[] = [];
for (let k = 0; k < 3; k++) {
  t = now();
  index = new GridIndex(items);
  rebuilds.push(now() - t);
}
console.log(
  `\nindex build: ${fmt(buildColdMs)} ms cold (${fmt(buildCpuMs)} ms CPU), rebuilds ${rebuilds.map((x) => fmt(x)).join(' / ')} ms`,
);
console.log(
  `index memory: ${mb(index.memoryBytes)} (memoryBytes); heap + ArrayBuffers grew ${mb(heapAfter - heapBefore)} during the first build`,
);

// 3. Throughput over POINTS uniformly random points in the extent, one thread.
const random = mulberry32(7);
const xs = new Float64Array(POINTS);
const ys = new Float64Array(POINTS);
for (let k = 0; k < POINTS; k++) {
  xs[k] = HENAN[0] + random() * (HENAN[2] - HENAN[0]);
  ys[k] = HENAN[1] + random() * (HENAN[3] - HENAN[1]);
}
const sweep = () => {
  let found = 0;
  for (let k = 0; k < POINTS; k++) if (index.lookup(xs[k]!, ys[k]!).gridId !== null) found++;
  return found;
};
sweep(); // warm-up (JIT)
t = now();
cpu = cpuNow();
const found = sweep();
const sweepMs = now() - t;
const sweepCpuMs = cpuNow() - cpu;
const perSecond = (POINTS / sweepMs) * 1000;
console.log(
  `\nlookups: ${fmt(POINTS)} random points in ${fmt(sweepMs)} ms → ${fmt(perSecond)} lookups/s on one core; ${fmt(POINTS - found)} found no grid`,
);
console.log(
  `  the same per CPU-second (less sensitive to other processes taking the core): ${fmt((POINTS / sweepCpuMs) * 1000)} lookups/s`,
);

// 4. Latency. One lookup takes about a microsecond, close to the cost of reading the clock
// (process.hrtime.bigint ≈ tens of ns), so two views: (a) each lookup timed alone, minus the median
// cost of an empty timer pair; (b) batches of 64 lookups, each batch's time / 64 — robust to timer
// cost but averaging away tails inside a batch.
const timerPairs: number[] = [];
for (let k = 0; k < 100_000; k++) {
  const a = process.hrtime.bigint();
  timerPairs.push(Number(process.hrtime.bigint() - a));
}
const timerNs = pct(
  timerPairs.sort((a, b) => a - b),
  50,
);
const single: number[] = [];
const singleN = Math.min(POINTS, 500_000);
for (let k = 0; k < singleN; k++) {
  const a = process.hrtime.bigint();
  index.lookup(xs[k]!, ys[k]!);
  single.push(Number(process.hrtime.bigint() - a) - timerNs);
}
single.sort((a, b) => a - b);
const BATCH = 64;
const batches: number[] = [];
for (let k = 0; k + BATCH <= POINTS; k += BATCH) {
  const a = process.hrtime.bigint();
  for (let q = k; q < k + BATCH; q++) index.lookup(xs[q]!, ys[q]!);
  batches.push(Number(process.hrtime.bigint() - a) / BATCH);
}
batches.sort((a, b) => a - b);
console.log(
  `latency per lookup (a) single, timer cost ${timerNs} ns subtracted: p50 ${fmt(pct(single, 50))} ns, p99 ${fmt(pct(single, 99))} ns, p99.9 ${fmt(pct(single, 99.9))} ns`,
);
console.log(
  `latency per lookup (b) batches of ${BATCH}: p50 ${fmt(pct(batches, 50))} ns, p99 ${fmt(pct(batches, 99))} ns`,
);

// 5. Naive scan: every grid's bbox, then an exact point-in-polygon (the independent winding-number
// classifier), then the same boundary rule. Also the correctness reference.
const boxes = new Float64Array(items.length * 4);
items.forEach((item, k) => {
  const ring = item.geometry.coordinates[0] as number[][];
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring as [number, number][]) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  boxes.set([x0, y0, x1, y1], k * 4);
});
function naiveLookup(all: GridIndexItem[], x: number, y: number): string | null {
  let inside: GridIndexItem | null = null;
  let edge: GridIndexItem | null = null;
  for (let k = 0; k < all.length; k++) {
    if (x < boxes[4 * k]! || y < boxes[4 * k + 1]! || x > boxes[4 * k + 2]! || y > boxes[4 * k + 3]!) continue;
    const item = all[k]!;
    const c = pointInBoundary(item.geometry, x, y);
    if (c === INSIDE && (inside === null || item.code < inside.code)) inside = item;
    if (c === ON_BOUNDARY && (edge === null || item.code < edge.code)) edge = item;
  }
  return (inside ?? edge)?.id ?? null;
}
const naiveN = Math.min(NAIVE_POINTS, POINTS);
t = now();
const naiveIds: (string | null)[] = [];
for (let k = 0; k < naiveN; k++) naiveIds.push(naiveLookup(items, xs[k]!, ys[k]!));
const naiveMs = now() - t;
const naivePerSecond = (naiveN / naiveMs) * 1000;
let mismatches = 0;
for (let k = 0; k < naiveN; k++) if (index.lookup(xs[k]!, ys[k]!).gridId !== naiveIds[k]) mismatches++;
// Points exactly on shared vertices and edges, where the boundary rule decides.
const pick = mulberry32(99);
let edgeChecks = 0;
let edgeMismatches = 0;
for (let k = 0; k < naiveN; k++) {
  const ring = items[Math.floor(pick() * items.length)]!.geometry.coordinates[0] as [number, number][];
  const [x, y] = ring[Math.floor(pick() * (ring.length - 1))]!;
  edgeChecks++;
  if (index.lookup(x, y).gridId !== naiveLookup(items, x, y)) edgeMismatches++;
}
console.log(
  `\nnaive scan (all ${fmt(items.length)} bboxes + exact PIP): ${fmt(naiveN)} points in ${fmt(naiveMs)} ms → ${fmt(naivePerSecond, 1)} lookups/s; index is ${fmt(perSecond / naivePerSecond)}× faster`,
);
console.log(
  `correctness: index == naive on ${fmt(naiveN - mismatches)}/${fmt(naiveN)} random points and ${fmt(edgeChecks - edgeMismatches)}/${fmt(edgeChecks)} shared vertices`,
);

// 6. PostgreSQL, built-in polygon type + GiST.
let pgPerSecond: number | null = null;
if (!args['no-pg']) pgPerSecond = await benchPostgres();

console.log(`\nsummary (load average now ${load()}; other processes on this machine slow every figure down)`);
console.log(`  build            ${fmt(buildColdMs)} ms (target < 5,000 ms: ${buildColdMs < 5000 ? 'met' : 'NOT met'})`);
console.log(
  `  index memory     ${mb(index.memoryBytes)} (target < 300 MB: ${index.memoryBytes < 300 * 2 ** 20 ? 'met' : 'NOT met'})`,
);
console.log(`  lookups/s        ${fmt(perSecond)} (target ≥ 500,000: ${perSecond >= 500_000 ? 'met' : 'NOT met'})`);
console.log(`  vs naive scan    ${fmt(perSecond / naivePerSecond)}×`);
if (pgPerSecond !== null) console.log(`  vs PostgreSQL    ${fmt(perSecond / pgPerSecond)}× (one connection, GiST)`);
console.log(
  `  correctness      ${mismatches + edgeMismatches === 0 ? 'index == naive on every sampled point' : `${mismatches + edgeMismatches} MISMATCHES`}`,
);

async function benchPostgres(): Promise<number | null> {
  const table = `gewu_bench_grid_lookup_${process.pid}`;
  const pool = new pg.Pool({ connectionString: args['database-url'], max: Math.max(1, PG_CONCURRENCY) });
  try {
    await pool.query('SELECT 1');
  } catch (e) {
    console.log(`\nPostgreSQL: skipped, cannot connect (${(e as Error).message})`);
    await pool.end();
    return null;
  }
  const client = await pool.connect();
  try {
    const version = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
    console.log(`\nPostgreSQL ${version}: table ${table} (unlogged, dropped at the end), polygon + GiST`);
    await client.query(`CREATE UNLOGGED TABLE ${table} (id int PRIMARY KEY, poly polygon NOT NULL)`);
    t = now();
    const CHUNK = 5000;
    for (let k = 0; k < items.length; k += CHUNK) {
      const ids: number[] = [];
      const polys: string[] = [];
      for (let q = k; q < Math.min(items.length, k + CHUNK); q++) {
        const ring = items[q]!.geometry.coordinates[0] as [number, number][];
        ids.push(q);
        polys.push(
          `(${ring
            .slice(0, -1)
            .map(([x, y]) => `(${x},${y})`)
            .join(',')})`,
        );
      }
      await client.query(`INSERT INTO ${table} SELECT * FROM unnest($1::int[], $2::polygon[])`, [ids, polys]);
    }
    const loadMs = now() - t;
    t = now();
    await client.query(`CREATE INDEX ON ${table} USING gist (poly)`);
    await client.query(`ANALYZE ${table}`);
    const indexMs = now() - t;
    const size = (
      await client.query<{ t: string; i: string }>(
        `SELECT pg_total_relation_size('${table}') t, pg_indexes_size('${table}') i`,
      )
    ).rows[0]!;
    console.log(
      `  load ${fmt(loadMs)} ms (batched INSERT … unnest), CREATE INDEX USING gist + ANALYZE ${fmt(indexMs)} ms, table+indexes ${mb(Number(size.t))} of which indexes ${mb(Number(size.i))}`,
    );

    // `poly @> point` is what one writes first, but polygon's GiST opclass (poly_ops) has no
    // polygon-contains-point operator, so it scans every row. `poly @> polygon(box(p, p))` asks the
    // same question (a degenerate polygon at p) through the indexable polygon @> polygon.
    const seqSql = `SELECT id FROM ${table} WHERE poly @> point($1, $2)`;
    const gistSql = `SELECT id FROM ${table} WHERE poly @> polygon(box(point($1, $2), point($1, $2)))`;
    for (const [label, sql] of [
      ['poly @> point($1,$2)', seqSql],
      ['poly @> polygon(box(point, point))', gistSql],
    ] as const) {
      const plan = (
        await client.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN ${sql.replaceAll('$1', '113.6').replaceAll('$2', '34.7')}`,
        )
      ).rows;
      console.log(
        `  plan for ${label}: ${plan
          .map((r) => r['QUERY PLAN'].trim())
          .filter((l) => /Scan|Cond|Filter/.test(l))
          .join(' | ')}`,
      );
    }
    // Answers compared with the index: the same single grid, several grids including the index's
    // (PostgreSQL's geometric operators compare with a fuzzy EPSILON of 1e-6, so points near an edge
    // can be "in" both neighbours), or otherwise wrong.
    type Tally = { same: number; several: number; wrong: number };
    const tally = (): Tally => ({ same: 0, several: 0, wrong: 0 });
    const show = (t: Tally) =>
      `answers vs index: ${fmt(t.same)} same, ${fmt(t.several)} with several grids (fuzzy edges), ${fmt(t.wrong)} wrong`;
    const timeQueries = async (
      c: pg.PoolClient,
      name: string,
      sql: string,
      from: number,
      to: number,
      lat: number[],
      t: Tally,
    ) => {
      for (let k = from; k < to; k++) {
        const a = now();
        const res = await c.query<{ id: number }>({ name, text: sql, values: [xs[k]!, ys[k]!] });
        lat.push(now() - a);
        const got = res.rows.map((r) => items[r.id]!.id);
        const want = index.lookup(xs[k]!, ys[k]!).gridId;
        if (got.length === 1 && got[0] === want) t.same++;
        else if (want !== null && got.includes(want)) t.several++;
        else t.wrong++;
      }
      return t;
    };
    // The literal form: a few points only, it reads the whole table each time.
    const seqN = Math.min(20, PG_POINTS);
    const seqLat: number[] = [];
    t = now();
    const seqTally = await timeQueries(client, 'seq', seqSql, 0, seqN, seqLat, tally());
    const seqQps = (seqN / (now() - t)) * 1000;
    console.log(
      `  poly @> point, 1 connection: ${fmt(seqN)} queries → ${fmt(seqQps, 1)} queries/s (p50 ${fmt(
        pct(
          seqLat.sort((a, b) => a - b),
          50,
        ),
        1,
      )} ms); ${show(seqTally)}`,
    );

    await timeQueries(client, 'gist', gistSql, 0, Math.min(500, PG_POINTS), [], tally()); // warm-up: cache the index
    const lat: number[] = [];
    t = now();
    const gistTally = await timeQueries(client, 'gist', gistSql, 0, PG_POINTS, lat, tally());
    const qps = (PG_POINTS / (now() - t)) * 1000;
    lat.sort((a, b) => a - b);
    console.log(
      `  GiST, 1 connection: ${fmt(PG_POINTS)} queries → ${fmt(qps)} queries/s, p50 ${fmt(pct(lat, 50) * 1000)} µs, p99 ${fmt(pct(lat, 99) * 1000)} µs; ${show(gistTally)}`,
    );

    const clients = [client];
    for (let k = 1; k < PG_CONCURRENCY; k++) clients.push(await pool.connect());
    const per = Math.floor(PG_POINTS / PG_CONCURRENCY);
    t = now();
    const concurrentTally = tally();
    await Promise.all(
      clients.map((c, k) => timeQueries(c, 'gist', gistSql, k * per, (k + 1) * per, [], concurrentTally)),
    );
    const qpsConcurrent = ((per * PG_CONCURRENCY) / (now() - t)) * 1000;
    for (const c of clients.slice(1)) c.release();
    console.log(
      `  GiST, ${PG_CONCURRENCY} connections: ${fmt(per * PG_CONCURRENCY)} queries → ${fmt(qpsConcurrent)} queries/s; ${show(concurrentTally)}`,
    );
    console.log(
      `  in-process index vs PostgreSQL GiST: ${fmt(perSecond / qps)}× one connection, ${fmt(perSecond / qpsConcurrent)}× ${PG_CONCURRENCY} connections, ${fmt(perSecond / seqQps)}× poly @> point`,
    );
    return qps;
  } finally {
    await client.query(`DROP TABLE IF EXISTS ${table}`);
    client.release();
    await pool.end();
  }
}
