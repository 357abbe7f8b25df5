// bench/cases-data: the shared set-up of the case-chain benchmarks (intake, queue, sweep). Creates a
// fresh database `gewu_bench_<ts>` on the PostgreSQL server, migrates it, seeds the demo township, then
// fills it with synthetic cases straight in SQL (INSERT … SELECT FROM generate_series, in chunks), one
// 'report' event per case, and runs VACUUM ANALYZE. Not a script of its own: the three benchmarks import it.
//
// The spread aims at a live system a year in: every case lies in one of the demo township's real grids
// (a point jittered inside the grid's box), items skew towards the common ones, ~70% are closed and the
// rest open across reported/accepted/dispatched/handling/fed_back/verified. Open stages carry their
// clock (started, deadline, 80% warning) from the item's limits: most green, some yellow or red and
// already flagged by earlier sweeps, ~1% of all cases red but not yet flagged (the next sweep's work)
// and ~0.2% yellow not yet warned. Older cases are closed; open ones are recent, and the heap is put in
// reported_at order (CLUSTER), so they sit near its end as in a table filled over a year. Every case keeps
// version 1 and only its report event (the later events are not generated), so the row is a plausible
// projection but not a replay of its history.
// While working on a benchmark: BENCH_KEEP_DATABASE=1 keeps the database at the end (its name is
// printed), BENCH_REUSE_DATABASE=<name> starts from such a kept one instead of generating again (the
// intake and sweep runs change it, so figures from a reused database are not comparable).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { makeDeps } from '../apps/server/src/app.ts';
import type { AppDeps } from '../apps/server/src/platform/http/app-type.ts';
import { type Config, loadConfig } from '../apps/server/src/config.ts';
import { type Database, openDatabase } from '../apps/server/src/db/client.ts';
import { systemClock } from '../apps/server/src/platform/clock.ts';
import { seedDemoIfEmpty } from '../apps/server/src/seed/demo.ts';

export const DEFAULT_BASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
export const pct = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((sorted.length * p) / 100) - 1))] ?? NaN;

export interface BenchDatabase {
  name: string;
  url: string;
  /** GEWU_DATA_DIR of this run (PII keys live there): a child server must use the same. */
  dataDir: string;
  config: Config;
  database: Database;
  deps: AppDeps;
  /** Closes the pool, drops the database, removes the data directory. */
  drop(): Promise<void>;
}

/** The config every bench process uses (the server's defaults, quiet logs, no web UI, logins not rate-limited). */
export function benchConfig(dataDir: string): Config {
  return loadConfig({
    GEWU_LOG_LEVEL: 'warn',
    GEWU_DATA_DIR: dataDir,
    GEWU_WEB_DIST: '/nonexistent',
    GEWU_LOGIN_RATE_LIMIT: '100000',
  });
}

/** A fresh database on the server, migrated, with the demo township, regions, users, grids, items and units. */
export async function createBenchDatabase(
  baseUrl = DEFAULT_BASE_URL,
  poolSize = 10,
  reuse?: string,
): Promise<BenchDatabase> {
  const name = reuse ?? `gewu_bench_${Date.now()}`;
  if (!/^gewu_bench_\w+$/.test(name)) throw new Error(`not a bench database: ${name}`);
  if (!reuse) {
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  // The PII keys live in the data directory: a reused database keeps its directory too.
  const dataDir = path.join(os.tmpdir(), `${name}-data`);
  fs.mkdirSync(dataDir, { recursive: true });
  const database = await openDatabase({ url: url.toString(), poolSize });
  await database.migrate();
  const config = benchConfig(dataDir);
  const deps = makeDeps({ db: database.db, engine: database.engine, clock: systemClock, config });
  await seedDemoIfEmpty(database.db, systemClock, deps.pii);
  let dropped = false;
  return {
    name,
    url: url.toString(),
    dataDir,
    config,
    database,
    deps,
    async drop() {
      if (dropped) return;
      dropped = true;
      await database.close().catch(() => undefined);
      if (reuse || process.env.BENCH_KEEP_DATABASE === '1') {
        console.log(`kept database ${name} (BENCH_REUSE_DATABASE=${name} to start from it; drop it when done)`);
        return;
      }
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface GenerateOptions {
  count: number;
  chunk?: number;
  /** The "now" the data is generated around (deadlines, ages). */
  now?: Date;
  /** Share of cases closed (default 0.70: a live system a year in). */
  closedShare?: number;
  /** Share of open cases past their deadline and not flagged yet (default 0.037). */
  newRedShare?: number;
  log?: (line: string) => void;
}

export interface GenerateResult {
  /** The "now" the data was generated around: a clock set to it sees exactly the spread described here. */
  now: Date;
  totalMs: number;
  insertMs: number;
  clusterMs: number;
  indexMs: number;
  vacuumMs: number;
  cases: number;
  events: number;
  byState: Record<string, number>;
  open: number;
  /** Open stages past their deadline not flagged yet: what the next sweep turns red. */
  newlyOverdue: number;
  /** Open stages past 80% not warned yet. */
  newlyYellow: number;
  casesMb: number;
  eventsMb: number;
}

/**
 * Fills `cases` and `case_events` with `count` synthetic cases. The non-constraint indexes of both
 * tables are dropped for the load and rebuilt from their own definitions afterwards (a bulk load's
 * usual order; the primary keys and unique constraints stay and are checked row by row).
 */
export async function generateCases(url: string, opts: GenerateOptions): Promise<GenerateResult> {
  const count = opts.count;
  const chunk = opts.chunk ?? 100_000;
  const now = opts.now ?? new Date();
  const log = opts.log ?? (() => undefined);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const t0 = performance.now();
  try {
    await c.query(
      `SET TimeZone = 'UTC'; SET maintenance_work_mem = '512MB'; SET synchronous_commit = off; SELECT setseed(0.2026)`,
    );
    const users = (
      await c.query<{ username: string; id: string }>(
        `SELECT username, id FROM users WHERE username IN ('resident', 'dispatcher')`,
      )
    ).rows;
    const userId = (u: string) => users.find((r) => r.username === u)?.id ?? null;
    // Helper tables: the real demo grids (unit grids only, as the locator files cases) and the items, with
    // their stage limits as intervals (a working hour counted as 3 elapsed, a working day as 1.4 days).
    await c.query(`
      CREATE TEMP TABLE bench_grids AS
      SELECT (row_number() OVER (ORDER BY g.code) - 1)::int AS idx, g.id, g.code, g.name, g.region_path,
             b.min_lon, b.min_lat, b.max_lon, b.max_lat,
             COALESCE((SELECT a.user_id FROM grid_assignments a WHERE a.grid_id = g.id AND a.duty = 'grid_worker_full' AND a.valid_to IS NULL AND a.user_id IS NOT NULL LIMIT 1),
                      md5('grid-worker-' || g.code)::uuid) AS worker_id
        FROM grids g JOIN grid_boundaries b ON b.grid_id = g.id AND b.valid_to IS NULL
       WHERE g.kind <> 'micro' AND g.retired_at IS NULL;
      CREATE TEMP TABLE bench_items AS
      SELECT (row_number() OVER (ORDER BY i.code) - 1)::int AS idx, i.id, i.code, i.name,
             COALESCE((SELECT u.id FROM units u WHERE u.kind = i.department_kind ORDER BY u.region_path LIKE '/41/4101/410104/410104001/%' DESC, length(u.region_path), u.name LIMIT 1),
                      (SELECT u.id FROM units u WHERE u.kind = 'governance_centre' ORDER BY length(u.region_path) DESC LIMIT 1)) AS unit_id,
             ${['accept', 'dispatch', 'sign', 'handle', 'verify']
               .map(
                 (
                   s,
                 ) => `(i.limits->'${s}'->>'amount')::float8 * CASE i.limits->'${s}'->>'unit' WHEN 'work_hours' THEN interval '3 hours' WHEN 'work_days' THEN interval '1.4 days'
                   WHEN 'natural_days' THEN interval '1 day' ELSE interval '1 hour' END AS ${s}_iv`,
               )
               .join(',\n')}
        FROM items i WHERE i.active;
      CREATE INDEX ON bench_grids (idx); CREATE INDEX ON bench_items (idx); CREATE INDEX ON bench_items (id);
      ANALYZE bench_grids; ANALYZE bench_items;`);
    const nGrids = Number((await c.query<{ n: string }>('SELECT count(*) AS n FROM bench_grids')).rows[0]?.n);
    const nItems = Number((await c.query<{ n: string }>('SELECT count(*) AS n FROM bench_items')).rows[0]?.n);
    if (!nGrids || !nItems) throw new Error('the demo seed has no grids or items');
    log(`  ${nGrids} demo grids, ${nItems} items`);

    const indexes = (
      await c.query<{ name: string; def: string }>(`
        SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
          FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
         WHERE t.relname IN ('cases', 'case_events') AND t.relnamespace = 'public'::regnamespace
           AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`)
    ).rows;
    for (const ix of indexes) await c.query(`DROP INDEX ${ix.name}`);

    const tInsert = performance.now();
    for (let lo = 1; lo <= count; lo += chunk) {
      const hi = Math.min(count, lo + chunk - 1);
      await c.query(CHUNK_SQL, [
        lo,
        hi,
        now.toISOString(),
        nItems,
        nGrids,
        userId('resident'),
        userId('dispatcher'),
        opts.closedShare ?? 0.7,
        opts.newRedShare ?? 0.037,
      ]);
      log(`  cases ${fmt(hi)} / ${fmt(count)} (${fmt((performance.now() - tInsert) / 1000, 1)} s)`);
    }
    const insertMs = performance.now() - tInsert;
    await c.query(`SELECT setval('case_code_seq', $1::bigint)`, [count]);
    // A live table holds its rows roughly in the order they were filed (and rows changed lately, which
    // are mostly the open ones, near its end): put the heap in reported_at order, as such a table would be.
    const tCluster = performance.now();
    await c.query(
      `CREATE INDEX bench_reported_tmp ON cases (reported_at); CLUSTER cases USING bench_reported_tmp; DROP INDEX bench_reported_tmp`,
    );
    const clusterMs = performance.now() - tCluster;
    log(`  heap ordered by reported_at (CLUSTER) in ${fmt(clusterMs / 1000, 1)} s`);

    const tIndex = performance.now();
    for (const ix of indexes) await c.query(ix.def);
    const indexMs = performance.now() - tIndex;
    log(`  rebuilt ${indexes.length} indexes in ${fmt(indexMs / 1000, 1)} s`);
    // A live table has been vacuumed by autovacuum (visibility map set); without this, autovacuum
    // would start on these fresh rows in the middle of a measurement.
    const tVacuum = performance.now();
    await c.query('VACUUM ANALYZE cases');
    await c.query('VACUUM ANALYZE case_events');
    await c.query('VACUUM ANALYZE clock_deadlines');
    const vacuumMs = performance.now() - tVacuum;
    const totalMs = performance.now() - t0;

    return await describeCases(url, now, { totalMs, insertMs, clusterMs, indexMs, vacuumMs });
  } finally {
    await c.end();
  }
}

/** What the database holds now: states, open cases, what the next sweep has to do, sizes. */
async function describeCases(
  url: string,
  now: Date,
  times: Pick<GenerateResult, 'totalMs' | 'insertMs' | 'clusterMs' | 'indexMs' | 'vacuumMs'>,
): Promise<GenerateResult> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const states = (
      await c.query<{ state: string; n: string }>(
        'SELECT state, count(*) AS n FROM cases GROUP BY state ORDER BY count(*) DESC',
      )
    ).rows;
    const byState = Object.fromEntries(states.map((r) => [r.state, Number(r.n)]));
    const f = (
      await c.query<{ open: string; overdue: string; yellow: string; events: string; cmb: string; emb: string }>(
        `SELECT (SELECT count(*) FROM cases WHERE state NOT IN ('closed', 'rejected', 'voided', 'merged')) AS open,
                (SELECT count(*) FROM clock_deadlines WHERE kind = 'case.stage' AND light = 'red' AND at < $1) AS overdue,
                (SELECT count(*) FROM clock_deadlines WHERE kind = 'case.stage' AND light = 'yellow' AND at <= $1) AS yellow,
                (SELECT count(*) FROM case_events) AS events,
                pg_total_relation_size('cases') / 1048576.0 AS cmb, pg_total_relation_size('case_events') / 1048576.0 AS emb`,
        [now.toISOString()],
      )
    ).rows[0]!;
    return {
      now,
      ...times,
      cases: Object.values(byState).reduce((a, b) => a + b, 0),
      events: Number(f.events),
      byState,
      open: Number(f.open),
      newlyOverdue: Number(f.overdue),
      newlyYellow: Number(f.yellow),
      casesMb: Number(f.cmb),
      eventsMb: Number(f.emb),
    };
  } finally {
    await c.end();
  }
}

/** Creates the database and fills it; prints what was made and how long it took. */
export async function prepareCases(
  count: number,
  baseUrl = DEFAULT_BASE_URL,
  poolSize = 10,
  spread: Pick<GenerateOptions, 'closedShare' | 'newRedShare'> = {},
): Promise<{ bench: BenchDatabase; data: GenerateResult }> {
  const reuse = process.env.BENCH_REUSE_DATABASE;
  const t0 = performance.now();
  const bench = await createBenchDatabase(baseUrl, poolSize, reuse);
  const setupMs = performance.now() - t0;
  if (reuse) {
    console.log(
      `database ${bench.name}: REUSED (BENCH_REUSE_DATABASE), not generated — figures are not comparable with a fresh run`,
    );
    return {
      bench,
      data: await describeCases(bench.url, new Date(), {
        totalMs: 0,
        insertMs: 0,
        clusterMs: 0,
        indexMs: 0,
        vacuumMs: 0,
      }),
    };
  }
  try {
    console.log(
      `database ${bench.name}: created, migrated and demo-seeded in ${fmt(setupMs / 1000, 1)} s; generating ${fmt(count)} cases…`,
    );
    const data = await generateCases(bench.url, { count, ...spread, log: (l) => console.log(l) });
    printGenerated(data);
    return { bench, data };
  } catch (e) {
    await bench.drop();
    throw e;
  }
}

export function printGenerated(d: GenerateResult): void {
  const share = (n: number) => `${fmt((100 * n) / d.cases, 1)}%`;
  console.log(
    `generated ${fmt(d.cases)} cases + ${fmt(d.events)} report events in ${fmt(d.totalMs / 1000, 1)} s ` +
      `(insert ${fmt(d.insertMs / 1000, 1)} s → ${fmt(d.cases / (d.insertMs / 1000))} cases/s, CLUSTER ${fmt(d.clusterMs / 1000, 1)} s, index rebuild ${fmt(d.indexMs / 1000, 1)} s, VACUUM ANALYZE ${fmt(d.vacuumMs / 1000, 1)} s)`,
  );
  console.log(
    `  states: ${Object.entries(d.byState)
      .map(([s, n]) => `${s} ${share(n)}`)
      .join(', ')}`,
  );
  console.log(
    `  open ${fmt(d.open)}; past deadline and not yet flagged ${fmt(d.newlyOverdue)} (${share(d.newlyOverdue)}); past 80% not yet warned ${fmt(d.newlyYellow)}`,
  );
  console.log(`  size: cases ${fmt(d.casesMb)} MB, case_events ${fmt(d.eventsMb)} MB (with indexes)`);
}

/**
 * One chunk: $1..$2 row numbers, $3 now, $4 items, $5 grids, $6 the demo resident, $7 the demo dispatcher,
 * $8 the share closed, $9 the share of open stages newly red (then 0.7% newly yellow, 10% red and 15% yellow flagged).
 * r: the dice; s: state, channel, place, item; st: the stage and its clock length, the chain's offsets;
 * tm: when the current stage started (by light) and so when the case was reported.
 */
const CHUNK_SQL = `
WITH r AS (
  SELECT g AS i, random() AS u_state, random() AS u_light, random() AS u_x, random() AS u_age, random() AS u_item,
         random() AS u_grid, random() AS u_lon, random() AS u_lat, random() AS u_chan, random() AS u_k, random() AS u_misc
    FROM generate_series($1::int, $2::int) AS g
), s AS (
  SELECT r.*,
         CASE WHEN u_state < $8::float8 THEN 'closed' WHEN u_state < $8 + (1 - $8) * 0.1333 THEN 'reported' WHEN u_state < $8 + (1 - $8) * 0.2333 THEN 'accepted'
              WHEN u_state < $8 + (1 - $8) * 0.3667 THEN 'dispatched' WHEN u_state < $8 + (1 - $8) * 0.7667 THEN 'handling'
              WHEN u_state < $8 + (1 - $8) * 0.9 THEN 'fed_back' ELSE 'verified' END AS state,
         CASE WHEN u_chan < 0.40 THEN 'resident_web' WHEN u_chan < 0.75 THEN 'grid_worker' WHEN u_chan < 0.95 THEN 'hotline' ELSE 'api' END AS channel,
         CASE WHEN u_light < $9::float8 THEN 'new_red' WHEN u_light < $9 + 0.007 THEN 'new_yellow' WHEN u_light < $9 + 0.107 THEN 'red'
              WHEN u_light < $9 + 0.257 THEN 'yellow' ELSE 'green' END AS light,
         it.id AS item_id, it.code AS item_code, it.name AS item_name, it.unit_id,
         it.accept_iv, it.dispatch_iv, it.sign_iv, it.handle_iv, it.verify_iv,
         gr.id AS grid_id, gr.region_path, gr.name AS grid_name, gr.worker_id,
         gr.min_lon + (0.02 + 0.96 * u_lon) * (gr.max_lon - gr.min_lon) AS lon,
         gr.min_lat + (0.02 + 0.96 * u_lat) * (gr.max_lat - gr.min_lat) AS lat
    FROM r
    JOIN bench_items it ON it.idx = least($4::int - 1, floor(power(r.u_item, 1.7) * $4::int)::int)
    JOIN bench_grids gr ON gr.idx = least($5::int - 1, floor(r.u_grid * $5::int)::int)
), st AS (
  SELECT s.*,
         (state = 'closed' AND channel = 'grid_worker' AND u_misc < 0.3) AS self_handled,
         CASE state WHEN 'reported' THEN 0 WHEN 'accepted' THEN 1 WHEN 'dispatched' THEN 2 WHEN 'handling' THEN 3
                    WHEN 'fed_back' THEN 4 WHEN 'verified' THEN 5 ELSE 6 END AS rank,
         CASE state WHEN 'reported' THEN 'accept' WHEN 'accepted' THEN 'dispatch' WHEN 'dispatched' THEN 'sign'
                    WHEN 'handling' THEN 'handle' WHEN 'fed_back' THEN 'verify' END AS stage,
         CASE state WHEN 'reported' THEN accept_iv WHEN 'accepted' THEN dispatch_iv WHEN 'dispatched' THEN sign_iv
                    WHEN 'handling' THEN handle_iv WHEN 'fed_back' THEN verify_iv END AS dur,
         -- when each step happened, counted from the report
         u_k * interval '2 hours' AS o_accepted, u_k * interval '3 hours' AS o_dispatched, u_k * interval '5 hours' AS o_signed,
         interval '4 hours' + u_k * interval '77 hours' AS o_fed_back, interval '5 hours' + u_k * interval '100 hours' AS o_verified,
         interval '6 hours' + u_k * interval '102 hours' AS o_closed
    FROM s
), tm AS (
  SELECT st.*,
         CASE WHEN stage IS NULL THEN NULL
              WHEN light = 'green' THEN $3::timestamptz - dur * (0.8 * u_x)
              WHEN light IN ('yellow', 'new_yellow') THEN $3::timestamptz - dur * (0.8 + 0.2 * u_x)
              WHEN light = 'red' THEN $3::timestamptz - dur - u_x * u_x * interval '60 days'
              ELSE $3::timestamptz - dur - u_x * interval '30 minutes' END AS started
    FROM st
), tr AS MATERIALIZED (
  SELECT tm.*,
         CASE WHEN self_handled THEN $3::timestamptz - interval '1 day' - u_age * interval '362 days'
              WHEN state = 'closed' THEN $3::timestamptz - interval '1 day' - u_age * interval '358 days' - o_closed
              WHEN state = 'verified' THEN $3::timestamptz - u_x * interval '2 days' - o_verified
              ELSE started - CASE rank WHEN 0 THEN interval '0' WHEN 1 THEN o_accepted WHEN 2 THEN o_dispatched WHEN 3 THEN o_signed ELSE o_fed_back END
         END AS t_rep
    FROM tm
), cr AS MATERIALIZED (
  SELECT tr.*, gen_random_uuid() AS case_id,
         CASE channel WHEN 'resident_web' THEN CASE WHEN i % 500 = 0 THEN $6::uuid ELSE md5('resident-' || (i % 50000))::uuid END
                      WHEN 'grid_worker' THEN worker_id WHEN 'hotline' THEN $7::uuid END AS reporter_user_id,
         CASE WHEN channel = 'api' THEN md5('bench-api-key')::uuid END AS reporter_api_key_id,
         (channel = 'resident_web' AND u_misc > 0.95) AS anonymous,
         CASE WHEN self_handled THEN t_rep WHEN rank >= 1 THEN t_rep + o_accepted END AS accepted_at,
         CASE WHEN self_handled THEN t_rep WHEN rank >= 2 THEN t_rep + o_dispatched END AS dispatched_at,
         CASE WHEN self_handled THEN t_rep WHEN rank >= 3 THEN t_rep + o_signed END AS signed_at,
         CASE WHEN self_handled THEN t_rep WHEN rank >= 4 THEN t_rep + o_fed_back END AS fed_back_at,
         CASE WHEN self_handled THEN t_rep WHEN rank >= 5 THEN t_rep + o_verified END AS verified_at,
         CASE WHEN self_handled THEN t_rep WHEN rank >= 6 THEN t_rep + o_closed END AS closed_at,
         CASE WHEN state = 'closed' AND u_lon < 0.6 THEN CASE WHEN u_lat < 0.80 THEN 'satisfied' WHEN u_lat < 0.95 THEN 'basically_satisfied' ELSE 'dissatisfied' END END AS rating
    FROM tr
), ins AS (
  INSERT INTO cases (id, code, item_id, item_code, state, level, region_path, grid_id, lon, lat, address, description, channel, source, external_ref,
                     reporter_user_id, reporter_api_key_id, reporter_name, anonymous, reporter_key, idempotency_key, first_contact_user_id,
                     assignee_unit_id, assignee_user_id, verifier_user_id, stage, stage_started_at, stage_deadline, stage_warn_at,
                     ever_overdue, handle_deadline, pending, dispatch_count, dispatch_on_time, self_handled, rating, resolved,
                     reported_at, accepted_at, dispatched_at, signed_at, fed_back_at, verified_at, closed_at, rated_at, updated_at, version)
  SELECT case_id,
         to_char(t_rep AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad(i::text, 7, '0'),
         item_id, item_code, state, CASE WHEN self_handled THEN 'grid' ELSE 'township' END, region_path, grid_id, lon, lat,
         (1 + i % 36) || '号楼' || (1 + i % 6) || '单元附近',
         item_name || '：' || grid_name || (ARRAY['小区门口', '主干道旁', '菜市场东侧', '学校北门', '公交站台', '背街小巷', '单元楼下', '广场西南角'])[1 + i % 8]
           || (ARRAY['，影响居民出行，请尽快处理。', '，已持续多日，群众反映强烈。', '，现场拍照上报。', '，请相关部门核实处置。'])[1 + i % 4],
         channel,
         CASE WHEN channel = 'api' THEN (ARRAY['video', 'sensor', '12345'])[1 + i % 3] END,
         CASE WHEN channel = 'api' THEN 'EXT' || i END,
         reporter_user_id, reporter_api_key_id,
         CASE WHEN anonymous THEN NULL WHEN channel = 'hotline' THEN '来电群众' WHEN channel = 'resident_web' THEN '居民' || (i % 50000) WHEN channel = 'grid_worker' THEN '网格员' END,
         anonymous,
         CASE WHEN reporter_user_id IS NOT NULL THEN 'u:' || reporter_user_id ELSE 'k:' || reporter_api_key_id END,
         'bench-' || i,
         reporter_user_id,
         CASE WHEN rank >= 2 AND NOT self_handled THEN unit_id END,
         CASE WHEN self_handled THEN worker_id END,
         CASE WHEN rank >= 4 AND NOT self_handled AND u_misc < 0.3 THEN worker_id END,
         stage, started, started + dur, started + dur * 0.8,
         (state = 'closed' AND u_x < 0.08),
         CASE WHEN rank >= 3 THEN signed_at + handle_iv END,
         CASE WHEN state = 'handling' AND u_misc < 0.02 THEN jsonb_build_object('kind', 'extension', 'requestedUntil', to_jsonb(started + dur + interval '3 days'), 'remainingMs', NULL, 'requestedBy', NULL) END,
         CASE WHEN rank >= 2 AND NOT self_handled THEN 1 ELSE 0 END,
         CASE WHEN rank >= 2 AND NOT self_handled THEN u_misc > 0.05 END,
         self_handled, rating, CASE WHEN rating IS NOT NULL THEN rating <> 'dissatisfied' END,
         t_rep, accepted_at, dispatched_at, signed_at, fed_back_at, verified_at, closed_at,
         CASE WHEN rating IS NOT NULL THEN least($3::timestamptz, closed_at + interval '1 day') END,
         greatest(t_rep, accepted_at, dispatched_at, signed_at, fed_back_at, verified_at, closed_at),
         1
    FROM cr
  RETURNING id, code, item_id, item_code, level, region_path, grid_id, lon, lat, address, description, channel, source, external_ref,
            reporter_user_id, reporter_api_key_id, reporter_name, anonymous, reporter_key, idempotency_key, reported_at, self_handled
), dl AS (
  -- The sweep's pending light changes: none for a light already shown (red flagged; yellow warned, also under a new red).
  INSERT INTO clock_deadlines (kind, subject_id, stage, light, at)
  SELECT 'case.stage', case_id, stage, 'red', started + dur FROM cr WHERE stage IS NOT NULL AND light <> 'red'
  UNION ALL
  SELECT 'case.stage', case_id, stage, 'yellow', started + dur * 0.8 FROM cr WHERE stage IS NOT NULL AND light NOT IN ('red', 'new_red', 'yellow')
)
INSERT INTO case_events (case_id, seq, type, actor_id, actor_name, actor_unit_id, at, note, data)
SELECT ins.id, 1, 'report', ins.reporter_user_id, ins.reporter_name, NULL, ins.reported_at, NULL,
       jsonb_build_object(
         'report', jsonb_build_object('id', ins.id, 'code', ins.code, 'itemId', ins.item_id, 'itemCode', ins.item_code, 'level', 'township',
           'regionPath', ins.region_path, 'gridId', ins.grid_id, 'lon', ins.lon, 'lat', ins.lat, 'address', ins.address, 'description', ins.description,
           'channel', ins.channel, 'source', ins.source, 'externalRef', ins.external_ref, 'reporterUserId', ins.reporter_user_id,
           'reporterApiKeyId', ins.reporter_api_key_id, 'reporterName', ins.reporter_name, 'reporterPhoneEnc', NULL, 'reporterPhoneHash', NULL,
           'reporterPhoneMasked', NULL, 'anonymous', ins.anonymous, 'reporterKey', ins.reporter_key, 'idempotencyKey', ins.idempotency_key),
         'clock', CASE WHEN ins.self_handled THEN 'null'::jsonb ELSE jsonb_build_object('stage', 'accept', 'startedAt', to_jsonb(ins.reported_at),
           'deadline', to_jsonb(ins.reported_at + it.accept_iv), 'warnAt', to_jsonb(ins.reported_at + it.accept_iv * 0.8)) END,
         'fields', '{}'::jsonb)
  FROM ins JOIN bench_items it ON it.id = ins.item_id`;
