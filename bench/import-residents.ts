// bench/import-residents: 1,000,000 resident rows from CSV into PostgreSQL through the real import
// path (HTTP upload → streamed dry run → all-or-nothing commit, with validation, keyed hashes and
// field encryption). Prints rows per second for each pass, the process's peak memory, and the CPU
// time each pass took in this process and in the PostgreSQL backends (when the server is local).
// Usage: cd bench && npx tsx import-residents.ts [rows] [postgres-url]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { idCheckChar } from '@gewu/domain';
import { buildApp, makeDeps } from '../apps/server/src/app.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import { openDatabase } from '../apps/server/src/db/client.ts';
import { systemClock } from '../apps/server/src/platform/clock.ts';
import { DEMO_PASSWORD, seedDemoIfEmpty } from '../apps/server/src/seed/demo.ts';

const rows = Number(process.argv[2] ?? 1_000_000);
const baseUrl = process.argv[3] ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const VILLAGES = ['410104001001', '410104001002', '410104001003', '410104001004', '410104001201', '410104001202'];
const CATS = ['户籍人口', '流动人口', '户籍人口、独居老人', '未成年人', '户籍人口、残疾人'];

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;
const nodeCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
/**
 * CPU seconds used by this database's backends, read from /proc (Linux, server on this machine).
 * Backends come and go with the pool, so each one's last reading is kept.
 */
const backendCpu = new Map<string, number>();
let pgCpuVisible = false;
function samplePgCpu(dbName: string): number {
  try {
    for (const pid of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes(` ${dbName} `)) continue;
        const f = fs.readFileSync(`/proc/${pid}/stat`, 'latin1').split(') ')[1]?.split(' ') ?? [];
        backendCpu.set(pid, (Number(f[11]) + Number(f[12])) / 100);
        pgCpuVisible = true;
      } catch {
        // the process ended meanwhile
      }
    }
  } catch {
    // no /proc
  }
  let sum = 0;
  for (const v of backendCpu.values()) sum += v;
  return sum;
}

// 1. The file: unique, valid identity numbers.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gewu-bench-import-'));
const file = path.join(dir, 'residents.csv');
{
  const out = fs.createWriteStream(file);
  out.write('姓名,身份证号,联系电话,性别,出生日期,人员类别,村（社区）代码,网格编码,居住地址\n');
  for (let i = 0; i < rows; i++) {
    // Unique numbers: 26,880 birth dates × 1,000 sequence numbers, under a county code the demo data does not use.
    const b = i % 26_880;
    const birth = `${1940 + Math.floor(b / 336)}${String(1 + Math.floor((b % 336) / 28)).padStart(2, '0')}${String(1 + (b % 28)).padStart(2, '0')}`;
    const first17 = `410105${birth}${String(Math.floor(i / 26_880) % 1000).padStart(3, '0')}`;
    const id = first17 + idCheckChar(first17);
    const line = `居民${i},${id},1${3 + (i % 7)}${String(i).padStart(9, '0')},,,${CATS[i % CATS.length]},${VILLAGES[i % VILLAGES.length]},,${1 + (i % 30)}号楼${1 + (i % 6)}单元\n`;
    if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
}
console.log(`generated ${rows.toLocaleString()} rows, ${mb(fs.statSync(file).size)}`);

// 2. A fresh database on the PostgreSQL server, migrated, with the demo township.
const dbName = `gewu_bench_${Date.now()}`;
const admin = new pg.Client({ connectionString: baseUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const url = new URL(baseUrl);
url.pathname = `/${dbName}`;
const database = await openDatabase({ url: url.toString(), poolSize: 10 });
const pgSampler = setInterval(() => samplePgCpu(dbName), 1000);
await database.migrate();
const config = loadConfig({
  GEWU_LOG_LEVEL: 'warn',
  GEWU_DATA_DIR: dir,
  GEWU_WEB_DIST: '/nonexistent',
  GEWU_LOGIN_RATE_LIMIT: '1000',
});
const deps = makeDeps({ db: database.db, engine: database.engine, clock: systemClock, config });
await seedDemoIfEmpty(database.db, systemClock, deps.pii);
const app = await buildApp(deps);

try {
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'dispatcher', password: DEMO_PASSWORD },
  });
  const cookie = `gewu_session=${login.cookies.find((c) => c.name === 'gewu_session')?.value}`;
  const headers = { cookie, 'x-csrf-token': login.json().csrfToken as string };
  const settle = async (id: string) => {
    for (;;) {
      const job = (await app.inject({ method: 'GET', url: `/api/imports/${id}`, headers })).json();
      if (job.status !== 'validating' && job.status !== 'committing') return job;
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const t0 = performance.now();
  const cpu0 = { node: nodeCpu(), pg: samplePgCpu(dbName) };
  const up = await app.inject({
    method: 'POST',
    url: '/api/imports?kind=residents&format=csv',
    headers: { ...headers, 'content-type': 'application/octet-stream' },
    payload: fs.createReadStream(file),
  });
  const t1 = performance.now();
  const validated = await settle(up.json().id);
  const t2 = performance.now();
  const cpu2 = { node: nodeCpu(), pg: samplePgCpu(dbName) };
  if (validated.status !== 'validated')
    throw new Error(`validation: ${validated.status} ${JSON.stringify(validated.errors.slice(0, 5))}`);
  await app.inject({ method: 'POST', url: `/api/imports/${up.json().id}/commit`, headers });
  const committed = await settle(up.json().id);
  const t3 = performance.now();
  const cpu3 = { node: nodeCpu(), pg: samplePgCpu(dbName) };
  if (committed.status !== 'committed') throw new Error(`commit: ${committed.status} ${committed.failure}`);
  const check = new pg.Client({ connectionString: url.toString() });
  await check.connect();
  const n = (await check.query<{ n: number }>('SELECT count(*)::int AS n FROM residents')).rows[0]?.n ?? 0;
  await check.end();
  const rate = (ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString()} rows/s`;
  console.log(`machine: ${os.cpus().length} cores, node ${process.version}, PostgreSQL at ${url.host}`);
  console.log(`upload (streamed to disk):        ${((t1 - t0) / 1000).toFixed(1)} s`);
  console.log(`dry run (validate every row):     ${((t2 - t1) / 1000).toFixed(1)} s  → ${rate(t2 - t1)}`);
  console.log(`commit (encrypt + insert, 1 tx):  ${((t3 - t2) / 1000).toFixed(1)} s  → ${rate(t3 - t2)}`);
  console.log(`whole import, file → committed:   ${((t3 - t0) / 1000).toFixed(1)} s  → ${rate(t3 - t0)}`);
  console.log(`residents in the database:        ${n.toLocaleString()}`);
  console.log(`peak memory (RSS of this process): ${mb(peakRss)}`);
  const cpu = (a: { node: number; pg: number }, b: { node: number; pg: number }) =>
    `node ${(b.node - a.node).toFixed(1)} s, PostgreSQL ${pgCpuVisible ? `${(b.pg - a.pg).toFixed(1)} s` : 'n/a'}`;
  console.log(`CPU time, upload + dry run:        ${cpu(cpu0, cpu2)}`);
  console.log(`CPU time, commit:                 ${cpu(cpu2, cpu3)}`);
} finally {
  clearInterval(sampler);
  clearInterval(pgSampler);
  await app.close();
  await database.close();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
  fs.rmSync(dir, { recursive: true, force: true });
}
