// bench/intake: reports filed over real HTTP (POST /api/cases) against a PostgreSQL database already
// holding 1,000,000 cases. The real app (buildApp + app.listen, in a child process of its own) is driven
// by autocannon with 50 connections: signed-in residents, a unique idempotency key per request, points
// inside the demo township's real grids. Then, for scale, at the same concurrency: an empty Fastify route
// (the ceiling of Node + Fastify here) and pgbench's single-row insert transactions (the database's own
// ceiling). Prints reports/s, latency, non-2xx, the ratios, where the CPU went, the number of cases
// afterwards and a duplicate check. Prints figures only; never asserts timings.
// Target (reported, not asserted): ≥ 1,000 reports/s with p99 < 50 ms — measured twice: as fast as the
// 50 clients can go (the most the server takes, latency then being mostly queueing), and with 50
// connections offered 1,000 reports/s in all (--rate) by an open-loop generator (bench/paced.ts: each
// latency runs from when the report was due, so queueing for a connection counts), with evenly spaced
// and with Poisson arrivals.
// Usage: npm run intake -w @gewu/bench [-- --cases 1000000 --duration 20 --connections 50 --rate 1000 --pool 10
//        --sessions 8 --without-jobs --cpu-prof DIR --database-url postgres://…]
//   --pool      the server's pg pool size (main.ts uses the default, 10)
//   --without-jobs  leave out main.ts's interval jobs (audit chain, deadline sweep, retention), which the
//               server otherwise runs beside the requests as in production
//   --cpu-prof  profile the server process over the measured run (V8 inspector), write the .cpuprofile
//               to DIR and print where its CPU went
//   (--role server|empty and --jobs are how this file starts its own child processes.) Needs pgbench on the PATH.
//   BENCH_SERVER_FLAGS (environment): extra Node flags for the server child only, e.g. "--trace-gc".
import { execFile, fork, type ChildProcess } from 'node:child_process';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import autocannon from 'autocannon';
import * as hdr from 'hdr-histogram-js';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp, makeDeps } from '../apps/server/src/app.ts';
import { openDatabase } from '../apps/server/src/db/client.ts';
import { systemClock } from '../apps/server/src/platform/clock.ts';
import {
  chainPendingAudit,
  purgeExpiredAudit,
  unchainedAuditCount,
} from '../apps/server/src/platform/audit/audit.service.ts';
import { startIntervalJob } from '../apps/server/src/platform/jobs.ts';
import { sweepDeadlines } from '../apps/server/src/platform/clocks/index.ts';
// The case chain's clock kinds, registered as the server registers them (the backlog sweep below needs them).
import '../apps/server/src/modules/cases/cases.clocks.ts';
import { DEMO_PASSWORD } from '../apps/server/src/seed/demo.ts';
import { DEFAULT_BASE_URL, benchConfig, fmt, prepareCases } from './cases-data.ts';
import { CpuMeter, summarizeCpuProfile } from './cpu.ts';
import { runPaced, type PacedRequest, type PacedResult } from './paced.ts';

/** The cores this machine has, as measured (the figures are printed per core, never assumed). */
const CORES = os.availableParallelism();

const { values: args } = parseArgs({
  options: {
    role: { type: 'string', default: 'main' },
    url: { type: 'string' },
    'data-dir': { type: 'string' },
    cases: { type: 'string', default: '1000000' },
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '4' },
    connections: { type: 'string', default: '50' },
    rate: { type: 'string', default: '1000' },
    pool: { type: 'string', default: '10' },
    sessions: { type: 'string', default: '8' },
    'without-jobs': { type: 'boolean', default: false },
    jobs: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
    'database-url': { type: 'string', default: DEFAULT_BASE_URL },
  },
});

/** What stalled the server's event loop since the last reading (ms): its longest delay and GC pauses. */
interface Stalls {
  /** Time the server itself took per request (Fastify's onRequest to onResponse), ms. */
  handledP50: number;
  handledP99: number;
  handledMax: number;
  loopP99: number;
  loopMax: number;
  gcCount: number;
  gcTotal: number;
  gcMax: number;
}
type ToParent =
  | { type: 'ready'; port: number }
  | { type: 'cpu'; cpuMs: number; stalls: Stalls }
  | { type: 'profiled'; file: string }
  | { type: 'stopped' };

if (args.role === 'server') await serveApp();
else if (args.role === 'empty') await serveEmpty();
else await main();

/** Child: the real app over the bench database, as main.ts builds it (with its jobs unless told not to). */
async function serveApp() {
  const config = benchConfig(args['data-dir']!);
  const database = await openDatabase({ url: args.url!, poolSize: Number(args.pool) });
  const deps = makeDeps({ db: database.db, engine: database.engine, clock: systemClock, config });
  const app = await buildApp(deps);
  const jobs = args.jobs
    ? [
        startIntervalJob(
          'audit.chain',
          config.GEWU_AUDIT_CHAIN_INTERVAL_MS,
          () => chainPendingAudit(database.db, config.GEWU_AUDIT_HASH),
          app.log,
        ),
        startIntervalJob(
          'clocks.sweep',
          config.GEWU_SWEEP_INTERVAL_MS,
          () => sweepDeadlines({ db: database.db, clock: systemClock }),
          app.log,
        ),
        startIntervalJob(
          'audit.retention',
          3_600_000,
          () => purgeExpiredAudit(database.db, systemClock, config.GEWU_AUDIT_RETENTION_DAYS),
          app.log,
        ),
      ]
    : [];
  // How long the server itself held each request: set beside the latency the clients saw, it tells a
  // tail made inside the server from one made outside it (scheduling, the network, the generator).
  const handled = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 600_000_000,
    numberOfSignificantValueDigits: 3,
  });
  app.addHook('onResponse', async (_req, reply) => {
    handled.recordValue(Math.max(1, Math.round(reply.elapsedTime * 1000)));
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  await childLoop((app.server.address() as AddressInfo).port, handled, async () => {
    await app.close();
    await Promise.all(jobs.map((j) => j.stop()));
    await database.close();
  });
}

/** Child: a minimal Fastify app with one empty route — what Node + Fastify alone can answer here. */
async function serveEmpty() {
  const app = Fastify({ logger: false });
  app.get('/', async () => ({}));
  await app.listen({ host: '127.0.0.1', port: 0 });
  await childLoop((app.server.address() as AddressInfo).port, null, () => app.close());
}

async function childLoop(port: number, handled: hdr.Histogram | null, close: () => Promise<unknown>) {
  const send = (m: ToParent) => process.send?.(m);
  const inspector = new Session();
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const gc = { count: 0, total: 0, max: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.count++;
      gc.total += entry.duration;
      gc.max = Math.max(gc.max, entry.duration);
    }
  }).observe({ entryTypes: ['gc'] });
  process.on('message', (m: { type: string; dir?: string }) => {
    if (m.type === 'profile-start') {
      inspector.connect();
      void inspector.post('Profiler.enable').then(() => inspector.post('Profiler.start'));
    }
    if (m.type === 'profile-stop') {
      void inspector.post('Profiler.stop').then(({ profile }) => {
        const file = path.join(m.dir!, `intake-server-${process.pid}.cpuprofile`);
        fs.writeFileSync(file, JSON.stringify(profile));
        inspector.disconnect();
        send({ type: 'profiled', file });
      });
    }
    if (m.type === 'cpu') {
      const u = process.cpuUsage();
      const ms = (q: number) => (handled ? handled.getValueAtPercentile(q) / 1000 : 0);
      const stalls = {
        handledP50: ms(50),
        handledP99: ms(99),
        handledMax: ms(100),
        loopP99: loop.percentile(99) / 1e6,
        loopMax: loop.max / 1e6,
        gcCount: gc.count,
        gcTotal: gc.total,
        gcMax: gc.max,
      };
      loop.reset();
      handled?.reset();
      Object.assign(gc, { count: 0, total: 0, max: 0 });
      send({ type: 'cpu', cpuMs: (u.user + u.system) / 1000, stalls });
    }
    if (m.type === 'stop') {
      void close().then(() => {
        send({ type: 'stopped' });
        process.disconnect?.();
      });
    }
  });
  send({ type: 'ready', port });
}

/** Starts this file in a child process in `role`; resolves with its port once it listens. */
async function startChild(role: string, extra: string[] = []) {
  const child: ChildProcess = fork(import.meta.filename, ['--role', role, ...extra], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [
      ...process.execArgv,
      ...(role === 'server' && process.env.BENCH_SERVER_FLAGS ? process.env.BENCH_SERVER_FLAGS.split(' ') : []),
    ],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${role} exited early (${code})`)));
    child.on('message', (m: ToParent) => m.type === 'ready' && resolve(m.port));
  });
  child.removeAllListeners('exit');
  const ask = <T extends ToParent['type']>(message: object, answer: T) =>
    new Promise<Extract<ToParent, { type: T }>>((resolve) => {
      const on = (m: ToParent) => {
        if (m.type !== answer) return;
        child.off('message', on);
        resolve(m as Extract<ToParent, { type: T }>);
      };
      child.on('message', on);
      child.send(message);
    });
  /** The server's CPU time so far, and its event-loop delay and GC pauses since the last reading. */
  const reading = async () => ask({ type: 'cpu' }, 'cpu');
  const profileStart = () => child.send({ type: 'profile-start' });
  const profileStop = async (dir: string) => (await ask({ type: 'profile-stop', dir }, 'profiled')).file;
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.send({ type: 'stop' });
    });
  return { child, port, reading, profileStart, profileStop, stop };
}

async function main() {
  const CONNECTIONS = Number(args.connections);
  const PACED_RATE = Number(args.rate);
  const DURATION = Number(args.duration);
  const WARMUP = Number(args.warmup);
  const load = () =>
    os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
  console.log(`intake — node ${process.version}, ${os.cpus().length} CPUs, load average ${load()}`);
  const { bench } = await prepareCases(Number(args.cases), args['database-url'], 4);
  const db = new pg.Pool({ connectionString: bench.url, max: 2 });
  // The server's own queries (the backlog sweep, the audit rows not yet chained) run on this one.
  const serverDb = await openDatabase({ url: bench.url, poolSize: 1 });
  const runId = Date.now().toString(36);
  try {
    const grids = (
      await db.query<{ min_lon: number; min_lat: number; max_lon: number; max_lat: number }>(
        `SELECT b.min_lon, b.min_lat, b.max_lon, b.max_lat FROM grids g JOIN grid_boundaries b ON b.grid_id = g.id AND b.valid_to IS NULL WHERE g.kind <> 'micro'`,
      )
    ).rows;
    // Items a resident may report that ask for no required extra field.
    const itemCodes = (
      await db.query<{ code: string }>(
        `SELECT code FROM items WHERE active AND public_report AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(fields) f WHERE (f->>'required')::boolean) ORDER BY code`,
      )
    ).rows.map((r) => r.code);
    const casesBefore = await countCases(db);
    // The generated data holds a backlog of light changes already due (for bench/sweep). A server that
    // has been running would have swept them long ago; sweep them now, so the server's own sweep job
    // takes only what falls due during the runs, as it does in steady state.
    const swept = performance.now();
    const backlog = await sweepDeadlines({ db: serverDb.db, clock: systemClock });
    console.log(
      `  caught up the generated backlog before starting the server: ${fmt(backlog.overdue)} red, ${fmt(backlog.warned)} yellow in ${fmt(performance.now() - swept)} ms`,
    );

    // 1. The real server.
    const profileDir = args['cpu-prof'] ? path.resolve(args['cpu-prof']) : undefined;
    if (profileDir) fs.mkdirSync(profileDir, { recursive: true });
    const server = await startChild('server', [
      '--url',
      bench.url,
      '--data-dir',
      bench.dataDir,
      '--pool',
      args.pool!,
      ...(args['without-jobs'] ? [] : ['--jobs']),
    ]);
    const base = `http://127.0.0.1:${server.port}`;
    const sessions: { cookie: string; csrf: string }[] = [];
    for (let k = 0; k < Number(args.sessions); k++) {
      const res = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'resident', password: DEMO_PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`);
      const token = /gewu_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
      sessions.push({ cookie: `gewu_session=${token}`, csrf: ((await res.json()) as { csrfToken: string }).csrfToken });
    }
    let n = 0;
    const report = (): PacedRequest => {
      const k = n++;
      const s = sessions[k % sessions.length]!;
      const g = grids[Math.floor(Math.random() * grids.length)]!;
      const lon = g.min_lon + (0.05 + 0.9 * Math.random()) * (g.max_lon - g.min_lon);
      const lat = g.min_lat + (0.05 + 0.9 * Math.random()) * (g.max_lat - g.min_lat);
      return {
        method: 'POST',
        path: '/api/cases',
        headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
        body: JSON.stringify({
          itemCode: itemCodes[k % itemCodes.length],
          description: '小区东门口垃圾堆放多日，散发异味，请尽快清运。',
          address: `${1 + (k % 30)}号楼附近`,
          location: { lon, lat },
          idempotencyKey: `intake-${runId}-${k}`,
        }),
      };
    };
    const fire = (connections: number, seconds: number) =>
      autocannon({
        url: base,
        connections,
        duration: seconds,
        requests: [{ setupRequest: (req) => ({ ...req, ...report() }) }],
      });
    const pace = (arrivals: 'uniform' | 'poisson') =>
      runPaced({
        url: base,
        connections: CONNECTIONS,
        rate: PACED_RATE,
        seconds: DURATION,
        warmupSeconds: 3,
        arrivals,
        request: report,
      });

    const single = await fire(1, 3);
    const warm = await fire(CONNECTIONS, WARMUP);
    const cpu = new CpuMeter(bench.name);
    const server0 = (await server.reading()).cpuMs;
    if (profileDir) server.profileStart();
    const pg0 = await pgActivity(db);
    const r = await fire(CONNECTIONS, DURATION);
    const after = await server.reading();
    const serverCpuMs = after.cpuMs - server0;
    const rStalls = { server: after.stalls, pg: diffActivity(pg0, await pgActivity(db)) };
    const profileFile = profileDir ? await server.profileStop(profileDir) : null;
    const used = cpu.read();
    // The target rate offered: the latency a thousand reports a second meet (the run above measures
    // the most the server takes, where every request queues behind the others).
    const stallsOf = async <T>(run: () => Promise<T>) => {
      await server.reading();
      const before = await pgActivity(db);
      const result = await run();
      return {
        result,
        stalls: { server: (await server.reading()).stalls, pg: diffActivity(before, await pgActivity(db)) },
      };
    };
    // The chainer links audit rows one batch at a time; at full speed it falls behind and catches up
    // afterwards. Let it, so each paced run measures 1,000 reports/s and not the tail of the run before.
    const settle = async () => {
      const t0 = performance.now();
      const waiting = await unchainedAuditCount(serverDb.db);
      if (!args['without-jobs'])
        while ((await unchainedAuditCount(serverDb.db)) > 200 && performance.now() - t0 < 120_000)
          await new Promise((r) => setTimeout(r, 200));
      return { waiting, ms: performance.now() - t0 };
    };
    const settled = [await settle()];
    const uniform = await stallsOf(() => pace('uniform'));
    settled.push(await settle());
    const poisson = await stallsOf(() => pace('poisson'));
    const paced = { uniform: uniform.result, poisson: poisson.result };
    const pacedStalls = { uniform: uniform.stalls, poisson: poisson.stalls };
    await new Promise((r) => setTimeout(r, 1500)); // let the server settle before it is stopped
    await server.stop();
    const rate = r['2xx'] / r.duration;
    const codes = Object.entries(r.statusCodeStats ?? {})
      .map(([code, v]) => `${code}: ${fmt(v.count ?? 0)}`)
      .join(', ');

    // 2. An empty Fastify route, same concurrency.
    const empty = await startChild('empty');
    await autocannon({ url: `http://127.0.0.1:${empty.port}`, connections: CONNECTIONS, duration: 2 });
    const e = await autocannon({ url: `http://127.0.0.1:${empty.port}`, connections: CONNECTIONS, duration: 10 });
    await empty.stop();
    const emptyRate = e['2xx'] / e.duration;

    // 3. PostgreSQL's own single-row insert transactions, same concurrency.
    const pgb = await pgbenchInserts(bench.url, CONNECTIONS, 15);

    const casesAfter = await countCases(db);
    const created = Number(
      (
        await db.query<{ n: string }>(`SELECT count(*) AS n FROM cases WHERE idempotency_key LIKE $1`, [
          `intake-${runId}-%`,
        ])
      ).rows[0]?.n,
    );
    const dup = Number(
      (
        await db.query<{ n: string }>(
          `SELECT count(*) AS n FROM (SELECT 1 FROM cases GROUP BY reporter_key, idempotency_key HAVING count(*) > 1) d`,
        )
      ).rows[0]?.n,
    );
    const events = Number(
      (
        await db.query<{ n: string }>(
          `SELECT count(*) AS n FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.idempotency_key LIKE $1`,
          [`intake-${runId}-%`],
        )
      ).rows[0]?.n,
    );

    console.log(
      `\nPOST /api/cases — ${CONNECTIONS} connections, ${fmt(r.duration, 1)} s after a ${WARMUP} s warm-up; server pool ${args.pool}, ${sessions.length} resident sessions${args['without-jobs'] ? ', without the jobs' : ', with main.ts jobs running'}`,
    );
    console.log(`  reports/s        ${fmt(rate)} (2xx ${fmt(r['2xx'])}; all responses ${fmt(r.requests.total)})`);
    console.log(
      `  latency          p50 ${fmt(r.latency.p50, 1)} ms, p90 ${fmt(r.latency.p90, 1)} ms, p99 ${fmt(r.latency.p99, 1)} ms, max ${fmt(r.latency.max)} ms`,
    );
    console.log(
      `  non-2xx          ${fmt(r.non2xx)}; errors ${r.errors}, timeouts ${r.timeouts}; status codes ${codes}`,
    );
    console.log(`  stalls           ${describeStalls(rStalls, r.requests.total)}`);
    console.log(
      `  audit rows not yet chained when the run ended ${fmt(settled[0]!.waiting)}; caught up ${fmt(settled[0]!.ms / 1000, 1)} s later, before the paced runs`,
    );
    for (const [arrivals, p] of Object.entries(paced)) {
      console.log(
        `  ${fmt(PACED_RATE)} reports/s offered, ${arrivals} arrivals, ${CONNECTIONS} connections, ${DURATION} s after 3 s at the same rate: ${fmt(served(p))} reports/s served (${pacedCodes(p)}; errors ${p.errors}),` +
          ` latency from due time p50 ${fmt(p.latency.p50, 1)} ms, p90 ${fmt(p.latency.p90, 1)} ms, p99 ${fmt(p.latency.p99, 1)} ms, p99.9 ${fmt(p.latency.p999, 1)} ms, max ${fmt(p.latency.max)} ms; at most ${p.maxBacklog} waiting for a connection; the generator's own event-loop delay p99 ${fmt(p.generatorLoop.p99, 1)} ms, max ${fmt(p.generatorLoop.max, 1)} ms`,
      );
      console.log(`    stalls: ${describeStalls(pacedStalls[arrivals as keyof typeof pacedStalls], p.answered)}`);
      console.log(`    slowest report due in each second (ms): ${p.slowestPerSecond.map((x) => fmt(x)).join(' ')}`);
      if (arrivals === 'uniform')
        console.log(
          `    audit rows not yet chained when it ended ${fmt(settled[1]!.waiting)} (caught up ${fmt(settled[1]!.ms / 1000, 1)} s later)`,
        );
    }
    console.log(
      `  one connection   ${fmt(single['2xx'] / single.duration)} reports/s, p50 ${fmt(single.latency.p50, 1)} ms, p99 ${fmt(single.latency.p99, 1)} ms (the serial cost of one report)`,
    );
    console.log(
      `  CPU during the run (${fmt(used.wallMs / 1000, 1)} s wall, ${CORES} cores = ${fmt((CORES * used.wallMs) / 1000, 1)} core-s): machine ${fmt(used.machineBusyPct)}% busy;` +
        ` server ${fmt(serverCpuMs / 1000, 1)} core-s, our postgres backends ${fmt(used.backendMs / 1000, 1)} core-s, load generator ${fmt(used.selfMs / 1000, 1)} core-s`,
    );
    console.log(
      `  CPU per report   server ${fmt((serverCpuMs * 1000) / Math.max(1, r['2xx']))} µs, postgres ${fmt((used.backendMs * 1000) / Math.max(1, r['2xx']))} µs, load generator ${fmt((used.selfMs * 1000) / Math.max(1, r['2xx']))} µs`,
    );
    console.log(
      `\nempty Fastify route (GET → {}), ${CONNECTIONS} connections, ${fmt(e.duration, 1)} s: ${fmt(emptyRate)} req/s, p50 ${fmt(e.latency.p50, 1)} ms, p99 ${fmt(e.latency.p99, 1)} ms`,
    );
    console.log(`  reports/s ÷ empty route = ${fmt(rate / emptyRate, 3)}`);
    console.log(
      `\npgbench, single-row INSERT transactions (uuid, text, timestamptz, jsonb), -c ${CONNECTIONS} -j 2 -T 15: ${pgb ? `${fmt(pgb.tps)} tps, average latency ${fmt(pgb.latencyMs, 1)} ms` : 'not run'}`,
    );
    if (pgb) console.log(`  reports/s ÷ pgbench tps = ${fmt(rate / pgb.tps, 3)}`);
    const created201 =
      [single, warm, r].reduce((a, x) => a + (x.statusCodeStats?.['201']?.count ?? 0), 0) +
      [paced.uniform, paced.poisson].reduce(
        (a, p) => a + (p.statusCounts['201'] ?? 0) + (p.warmup.statusCounts['201'] ?? 0),
        0,
      );
    console.log(
      `\ncases before ${fmt(casesBefore)}, after ${fmt(casesAfter)} (+${fmt(casesAfter - casesBefore)}); 201 Created responses (all runs) ${fmt(created201)}; cases with this run's keys ${fmt(created)}, their report events ${fmt(events)}`,
    );
    // autocannon stops counting at the end of its duration with each connection's last request still
    // on the wire: those reports are filed and committed, but their 201 is never counted.
    const unheard = created - created201;
    const unheardBound = 1 + 2 * CONNECTIONS; // the one-connection run, the warm-up and the measured run
    console.log(
      `  cases beyond the 201s counted: ${fmt(unheard)} (requests autocannon left in flight when its runs stopped: at most ${unheardBound}${unheard >= 0 && unheard <= unheardBound ? '' : ' — MORE, look for lost or doubled reports'})`,
    );
    console.log(`duplicate (reporter_key, idempotency_key) pairs: ${dup}`);
    console.log(`\nsummary (load average now ${load()}; other processes on this machine slow every figure down)`);
    console.log(
      `  reports/s  ${fmt(rate)} at most (target ≥ 1,000: ${rate >= 1000 ? 'met' : 'NOT met'}); p99 there ${fmt(r.latency.p99, 1)} ms, every request queueing behind the others`,
    );
    for (const [arrivals, p] of Object.entries(paced)) {
      const ok =
        p.latency.p99 < 50 &&
        served(p) >= 0.98 * PACED_RATE &&
        p.errors === 0 &&
        (p.statusCounts['201'] ?? 0) === p.due;
      console.log(
        `  at ${fmt(PACED_RATE)} reports/s (${arrivals}): ${fmt(served(p))} served, p99 ${fmt(p.latency.p99, 1)} ms (target < 50 ms: ${ok ? 'met' : 'NOT met'})`,
      );
    }
    if (profileFile) {
      console.log(
        `\nserver CPU profile over the measured run (${profileFile}; the profiler itself adds some overhead):`,
      );
      for (const line of summarizeCpuProfile(JSON.parse(fs.readFileSync(profileFile, 'utf8'))))
        console.log(`  ${line}`);
    }
  } finally {
    await serverDb.close();
    await db.end();
    await bench.drop();
  }
}

interface PgActivity {
  checkpoints: number;
  wal: { bytes: number; fpi: number; buffersFull: number };
  /** Autovacuum and autoanalyze runs per table. */
  auto: Map<string, number>;
}

/** Counters that say what PostgreSQL did in the background, to put beside a latency spike. */
async function pgActivity(db: pg.Pool): Promise<PgActivity> {
  const c = await db.query<{ n: string }>(`SELECT checkpoints_timed + checkpoints_req AS n FROM pg_stat_bgwriter`);
  const t = await db.query<{ relname: string; n: string }>(
    `SELECT relname, autovacuum_count + autoanalyze_count AS n FROM pg_stat_user_tables`,
  );
  const w = await db.query<{ bytes: string; fpi: string; full: string }>(
    `SELECT wal_bytes AS bytes, wal_fpi AS fpi, wal_buffers_full AS full FROM pg_stat_wal`,
  );
  const wal = { bytes: Number(w.rows[0]?.bytes), fpi: Number(w.rows[0]?.fpi), buffersFull: Number(w.rows[0]?.full) };
  return { checkpoints: Number(c.rows[0]?.n), wal, auto: new Map(t.rows.map((x) => [x.relname, Number(x.n)])) };
}

type ActivityDiff = { checkpoints: number; wal: PgActivity['wal']; auto: string[] };

function diffActivity(a: PgActivity, b: PgActivity): ActivityDiff {
  const wal = {
    bytes: b.wal.bytes - a.wal.bytes,
    fpi: b.wal.fpi - a.wal.fpi,
    buffersFull: b.wal.buffersFull - a.wal.buffersFull,
  };
  return {
    checkpoints: b.checkpoints - a.checkpoints,
    wal,
    auto: [...b.auto].filter(([k, n]) => n > (a.auto.get(k) ?? 0)).map(([k]) => k),
  };
}

function describeStalls(s: { server: Stalls; pg: ActivityDiff }, reports: number): string {
  return (
    `time in the server p50 ${fmt(s.server.handledP50, 1)} ms, p99 ${fmt(s.server.handledP99, 1)} ms, max ${fmt(s.server.handledMax, 1)} ms; server event loop delay p99 ${fmt(s.server.loopP99, 1)} ms, max ${fmt(s.server.loopMax, 1)} ms; GC ${fmt(s.server.gcCount)} pauses, ${fmt(s.server.gcTotal)} ms in all, longest ${fmt(s.server.gcMax, 1)} ms;` +
    ` PostgreSQL checkpoints begun ${s.pg.checkpoints}, autovacuum/analyze on ${s.pg.auto.length ? s.pg.auto.join(', ') : 'nothing'};` +
    ` WAL ${fmt(s.pg.wal.bytes / 1048576)} MB (${fmt(s.pg.wal.bytes / Math.max(1, reports))} B and ${fmt(s.pg.wal.fpi / Math.max(1, reports), 2)} full-page images per report), WAL buffers full ${fmt(s.pg.wal.buffersFull)} times`
  );
}

/** Reports a second a paced run got answered with 201. */
function served(p: PacedResult): number {
  return (p.statusCounts['201'] ?? 0) / p.durationS;
}

function pacedCodes(p: PacedResult): string {
  return Object.entries(p.statusCounts)
    .map(([code, n]) => `${code}: ${fmt(n)}`)
    .join(', ');
}

async function countCases(db: pg.Pool): Promise<number> {
  return Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM cases')).rows[0]?.n);
}

/** pgbench with a custom one-statement script on a small table shaped like a report row. */
async function pgbenchInserts(
  url: string,
  clients: number,
  seconds: number,
): Promise<{ tps: number; latencyMs: number } | null> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(
    `DROP TABLE IF EXISTS bench_pgbench_insert; CREATE TABLE bench_pgbench_insert (id uuid PRIMARY KEY, kind text NOT NULL, at timestamptz NOT NULL, data jsonb NOT NULL)`,
  );
  await c.end();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gewu-bench-pgbench-'));
  const script = path.join(dir, 'insert.sql');
  fs.writeFileSync(
    script,
    `INSERT INTO bench_pgbench_insert (id, kind, at, data) VALUES (gen_random_uuid(), 'case.report', now(), '{"itemCode": "01001", "description": "小区东门口垃圾堆放多日，散发异味，请尽快清运。", "lon": 113.6954, "lat": 34.7431}');\n`,
  );
  const u = new URL(url);
  try {
    const { stdout } = await promisify(execFile)(
      'pgbench',
      [
        '-n',
        '-c',
        String(clients),
        '-j',
        '2',
        '-T',
        String(seconds),
        '-f',
        script,
        '-h',
        u.hostname,
        '-p',
        u.port || '5432',
        '-U',
        decodeURIComponent(u.username || 'postgres'),
        u.pathname.slice(1),
      ],
      { env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) } },
    );
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1]);
    const latencyMs = Number(/latency average = ([\d.]+) ms/.exec(stdout)?.[1]);
    return Number.isFinite(tps) ? { tps, latencyMs } : null;
  } catch (err) {
    console.log(`pgbench failed: ${(err as Error).message}`);
    return null;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
