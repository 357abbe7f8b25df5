// bench/tracks: a province's patrol tracks over real HTTP into a fresh PostgreSQL database with the demo
// township. 100,000 grid workers (accounts with sessions, each with a patrol started an hour ago in grid
// 410104001001001), a point every 10 s, uploaded in batches of 60 (POST /api/patrols/:id/points, one packed
// row per batch): a province's steady load is 100,000 ÷ 10 = 10,000 points/s; the generator offers
// --rate batches/s (default 400 = 24,000 points/s) for --duration seconds from a process of its own
// (bench/paced.ts, open loop, latency from each batch's due time). Then: points/s achieved, latency per
// batch, bytes stored per point (pg_total_relation_size of patrol_segments, indexes and TOAST included,
// ÷ points), and the coverage of one 6-hour track (2,160 points, with gaps) against its grid — the
// @gewu/geo computation alone (median of --coverage-runs) and the whole patrol detail over HTTP.
// Targets (reported, not asserted): ≥ 20,000 points/s, p99 < 100 ms a batch, ≤ 40 B/point, coverage < 50 ms.
// Usage: npm run tracks -w @gewu/bench [-- --workers 100000 --rate 400 --duration 30 --connections 40 --database-url postgres://…]
import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { PATROL_RULES, type TrackPoint, readTrack } from '@gewu/domain';
import { areaM2, trackCoverage } from '@gewu/geo';
import { sql } from 'drizzle-orm';
import type { Polygon } from 'geojson';
import { buildApp } from '../apps/server/src/app.ts';
import { queryRows } from '../apps/server/src/db/client.ts';
import { DEFAULT_BASE_URL, createBenchDatabase, fmt, pct } from './cases-data.ts';
import { type PacedRequest, runPacedApart } from './paced.ts';

const { values: args } = parseArgs({
  options: {
    workers: { type: 'string', default: '100000' },
    rate: { type: 'string', default: '400' },
    duration: { type: 'string', default: '30' },
    connections: { type: 'string', default: '40' },
    'coverage-runs': { type: 'string', default: '21' },
    'database-url': { type: 'string', default: DEFAULT_BASE_URL },
  },
});
const WORKERS = Number(args.workers);
const RATE = Number(args.rate);
const SECONDS = Number(args.duration);
const WARMUP_S = 3;
const BATCH = PATROL_RULES.batchSize;
const STEP_MS = PATROL_RULES.intervalSeconds * 1000;

console.log(
  `tracks — node ${process.version}, ${os.cpus().length} CPUs, load average ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
const bench = await createBenchDatabase(args['database-url'], 20);
try {
  const db = bench.database.db;
  const [grid] = await queryRows<{
    id: string;
    geometry: Polygon;
    minLon: number;
    minLat: number;
    maxLon: number;
    maxLat: number;
  }>(
    db,
    sql`SELECT g.id, b.geometry, b.min_lon AS "minLon", b.min_lat AS "minLat", b.max_lon AS "maxLon", b.max_lat AS "maxLat"
        FROM grids g JOIN grid_boundaries b ON b.grid_id = g.id AND b.valid_to IS NULL WHERE g.code = '410104001001001'`,
  );
  const [village] = await queryRows<{ id: string; path: string }>(
    db,
    sql`SELECT id, path FROM regions WHERE code = '410104001001'`,
  );
  const [hash] = await queryRows<{ h: string }>(
    db,
    sql`SELECT password_hash AS h FROM users WHERE username = 'gridworker'`,
  );
  if (!grid || !village || !hash) throw new Error('no demo grid');

  // The workers, their sessions and their patrols, written in bulk.
  const t0 = performance.now();
  const started = Date.now() - 3_600_000;
  await db.execute(sql`
    INSERT INTO users (username, display_name, password_hash, region_id, roles)
    SELECT 'bench-gw-' || g, '压测网格员' || g, ${hash.h}, ${village.id}, ARRAY['grid_worker']
    FROM generate_series(1, ${WORKERS}) g`);
  const tokens = Array.from({ length: WORKERS }, () => randomBytes(24).toString('base64url'));
  const csrf = 'bench-csrf-token-0123456789';
  for (let i = 0; i < WORKERS; i += 5000) {
    const slice = tokens.slice(i, i + 5000).map((tok, j) => `('bench-gw-${i + j + 1}','${sha256(tok)}')`);
    await db.execute(
      sql.raw(`INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at)
        SELECT v.h, u.id, '${csrf}', now(), now(), now() + interval '1 day'
        FROM (VALUES ${slice.join(',')}) AS v(n, h) JOIN users u ON u.username = v.n`),
    );
  }
  await db.execute(sql`
    INSERT INTO patrols (id, region_path, village_id, grid_id, worker_id, started_at, created_at)
    SELECT gen_random_uuid(), ${village.path}, ${village.id}, ${grid.id}, u.id, ${new Date(started)}, now()
    FROM users u WHERE u.username LIKE 'bench-gw-%'`);
  const patrolOf = new Map(
    (
      await queryRows<{ n: string; id: string }>(
        db,
        sql`SELECT u.username AS n, p.id FROM patrols p JOIN users u ON u.id = p.worker_id WHERE u.username LIKE 'bench-gw-%'`,
      )
    ).map((r) => [r.n, r.id]),
  );
  console.log(
    `${fmt(WORKERS)} grid workers with sessions and a patrol each, written in ${fmt(performance.now() - t0)} ms`,
  );

  // The batches: worker k's batch s covers [started + s·600 s, …) walking inside the grid's box.
  const total = Math.round(RATE * (SECONDS + WARMUP_S));
  const requests: PacedRequest[] = [];
  for (let i = 0; i < total; i++) {
    const k = i % WORKERS;
    const seq = Math.floor(i / WORKERS);
    const points = walk(grid, started + seq * BATCH * STEP_MS, BATCH, i);
    requests.push({
      method: 'POST',
      path: `/api/patrols/${patrolOf.get(`bench-gw-${k + 1}`)}/points`,
      headers: { cookie: `gewu_session=${tokens[k]}`, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ seq, points }),
    });
  }

  const app = await buildApp(bench.deps);
  const held: number[] = [];
  app.addHook('onResponse', async (req, reply) => {
    if (req.method === 'POST' && req.url.endsWith('/points')) held.push(reply.elapsedTime);
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const result = await runPacedApart({
    url: base,
    connections: Number(args.connections),
    rate: RATE,
    seconds: SECONDS,
    arrivals: 'poisson',
    warmupSeconds: WARMUP_S,
    requests,
  });
  const [stored] = await queryRows<{ batches: number; points: number; bytes: number; table: number }>(
    db,
    sql`SELECT count(*)::int AS batches, coalesce(sum(n), 0)::int AS points,
          pg_total_relation_size('patrol_segments')::bigint AS bytes, pg_relation_size('patrol_segments')::bigint AS table
        FROM patrol_segments`,
  );
  const ok = result.statusCounts['200'] ?? 0;
  console.log(
    `batches: ${fmt(result.completed)} recorded (+ warm-up) at ${fmt(RATE)}/s offered (${fmt(RATE * BATCH)} points/s; Poisson arrivals, ${args.connections} connections, generator in its own process); statuses ${JSON.stringify(result.statusCounts)}, warm-up ${JSON.stringify(result.warmup.statusCounts)}, errors ${result.errors}`,
  );
  console.log(
    `points/s achieved: ${fmt((ok * BATCH) / result.durationS)} (target ≥ 20,000; a province's steady load is 10,000)`,
  );
  console.log(
    `latency per batch (from due time): p50 ${fmt(result.latency.p50, 1)} ms, p95 ${fmt(result.latency.p95, 1)} ms, p99 ${fmt(result.latency.p99, 1)} ms, max ${fmt(result.latency.max, 1)} ms (target p99 < 100 ms)`,
  );
  held.sort((a, b) => a - b);
  console.log(
    `time in the server (onRequest → onResponse): p50 ${fmt(pct(held, 50), 1)} ms, p99 ${fmt(pct(held, 99), 1)} ms; load average now ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  await db.execute(sql`VACUUM ANALYZE patrol_segments`);
  const [after] = await queryRows<{ bytes: number }>(
    db,
    sql`SELECT pg_total_relation_size('patrol_segments')::bigint AS bytes`,
  );
  const points = stored?.points ?? 0;
  console.log(
    `stored: ${fmt(stored?.batches ?? 0)} segments, ${fmt(points)} points; patrol_segments with its index and TOAST ${fmt(Number(after?.bytes ?? 0))} bytes = ${fmt(Number(after?.bytes ?? 0) / Math.max(1, points), 1)} B/point (heap alone ${fmt(Number(stored?.table ?? 0) / Math.max(1, points), 1)}; target ≤ 40)`,
  );

  // One 6-hour track (2,160 points, two gaps) against its grid: the geometry alone, then the patrol over HTTP.
  const sixStart = Date.now() - 7 * 3_600_000;
  const six: TrackPoint[] = walk(grid, sixStart, 6 * 360, 7).filter(
    (_, i) => !(i > 700 && i < 760) && !(i > 1500 && i < 1530),
  );
  const lines = readTrack([six]).lines.map((l) => l.map((p) => [p.lon, p.lat] as const));
  const runs: number[] = [];
  let share = 0;
  for (let i = 0; i < Number(args['coverage-runs']); i++) {
    const s = performance.now();
    share = trackCoverage(grid.geometry, lines, PATROL_RULES.coverageRadiusM).share;
    runs.push(performance.now() - s);
  }
  runs.sort((a, b) => a - b);
  console.log(`the grid: ${fmt(areaM2(grid.geometry) / 1e6, 3)} km²`);
  console.log(
    `coverage of a 6-hour track (${fmt(six.length)} points, ${lines.length} lines) against its grid: ${fmt(share * 100, 1)} %; median ${fmt(pct(runs, 50), 1)} ms, max ${fmt(runs.at(-1) ?? 0, 1)} ms over ${runs.length} runs (target < 50 ms)`,
  );
  // Worker 1's patrol moved to 7 hours ago, its batches replaced by the 6-hour track.
  const sixId = patrolOf.get('bench-gw-1') as string;
  await db.execute(sql`DELETE FROM patrol_segments WHERE patrol_id = ${sixId}`);
  await db.execute(sql`UPDATE patrols SET started_at = ${new Date(sixStart)} WHERE id = ${sixId}`);
  const headers = { cookie: `gewu_session=${tokens[0]}`, 'x-csrf-token': csrf, 'content-type': 'application/json' };
  for (let s = 0; s * BATCH < six.length; s++) {
    const res = await fetch(`${base}/api/patrols/${sixId}/points`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ seq: s, points: six.slice(s * BATCH, (s + 1) * BATCH) }),
    });
    if (!res.ok) throw new Error(`six-hour batch ${s}: ${res.status} ${await res.text()}`);
  }
  const detail: number[] = [];
  let summary: unknown = null;
  for (let i = 0; i < 11; i++) {
    const s = performance.now();
    const res = await fetch(`${base}/api/patrols/${sixId}`, { headers });
    summary = ((await res.json()) as { summary: unknown }).summary;
    detail.push(performance.now() - s);
  }
  detail.sort((a, b) => a - b);
  console.log(
    `the same track's patrol detail over HTTP (decode, gaps, distance, coverage): median ${fmt(pct(detail, 50), 1)} ms; summary ${JSON.stringify(summary)}`,
  );
  await app.close();
} finally {
  await bench.drop();
}

function sha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** `n` points 10 s apart from `t0`: a walk at about 1.2 m/s bouncing inside the grid's box, 5–20 m accuracy. */
function walk(
  g: { minLon: number; minLat: number; maxLon: number; maxLat: number },
  t0: number,
  n: number,
  seed: number,
): TrackPoint[] {
  let x = g.minLon + ((seed * 0.618) % 1) * (g.maxLon - g.minLon);
  let y = g.minLat + ((seed * 0.382) % 1) * (g.maxLat - g.minLat);
  let heading = seed;
  const out: TrackPoint[] = [];
  for (let i = 0; i < n; i++) {
    heading += Math.sin(seed + i * 0.37) * 0.5;
    const nx = x + Math.cos(heading) * 0.00013;
    const ny = y + Math.sin(heading) * 0.00011;
    if (nx < g.minLon || nx > g.maxLon) heading = Math.PI - heading;
    else x = nx;
    if (ny < g.minLat || ny > g.maxLat) heading = -heading;
    else y = ny;
    out.push({
      t: t0 + i * STEP_MS,
      lon: Math.round(x * 1e6) / 1e6,
      lat: Math.round(y * 1e6) / 1e6,
      acc: 5 + ((i * 7) % 16),
    });
  }
  return out;
}
