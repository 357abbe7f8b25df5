import { sql } from 'drizzle-orm';
import { buildApp, makeDeps, type BuildOptions } from '../src/app.ts';
import type { AppDeps, AppInstance } from '../src/platform/http/app-type.ts';
import { loadConfig } from '../src/config.ts';
import { ManualClock } from '../src/platform/clock.ts';
import { queryRows } from '../src/db/client.ts';
import { DEMO_PASSWORD, seedDemoIfEmpty } from '../src/seed/demo.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

const TEST_KEY = Buffer.alloc(32, 7).toString('base64');
const TEST_HASH_KEY = Buffer.alloc(32, 9).toString('base64');

export interface TestApp {
  app: AppInstance;
  deps: AppDeps;
  database: TestDatabase;
  clock: ManualClock;
  close(): Promise<void>;
}

/** A real app on a fresh database with the demo data, answering through `inject`. */
export async function createTestApp(env: Record<string, string> = {}, options: BuildOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = new ManualClock();
  // Silent unless a test captures the log (test/log-capture.ts), which then sees every info line.
  const config = loadConfig({
    NODE_ENV: 'test',
    GEWU_LOG_LEVEL: options.logStream ? 'info' : 'silent',
    GEWU_WEB_DIST: '/nonexistent',
    GEWU_PII_KEY: TEST_KEY,
    GEWU_PII_HASH_KEY: TEST_HASH_KEY,
    ...env,
  });
  const deps = makeDeps({ db: database.db, engine: database.engine, clock, config });
  await seedDemoIfEmpty(database.db, clock, deps.pii);
  const app = await buildApp(deps, options);
  return {
    app,
    deps,
    database,
    clock,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
  userId: string;
}

/** Logs in through the real endpoint and returns what a browser would hold. */
export async function login(
  app: AppInstance,
  username: string,
  password = DEMO_PASSWORD,
  ip = '10.0.0.1',
): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: ip,
  });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'gewu_session');
  if (!cookie) throw new Error('no session cookie');
  const body = res.json() as { csrfToken: string; user: { id: string } };
  return { cookie: `gewu_session=${cookie.value}`, csrf: body.csrfToken, userId: body.user.id };
}

/** Request options carrying a session (cookie and CSRF header). */
export function as(s: Session, extra: Record<string, string> = {}) {
  return { headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...extra } };
}

/** Row counts of every table, to show a rejected request changed nothing. */
export async function tableCounts(database: TestDatabase): Promise<Record<string, number>> {
  const rows = await queryRows<{ t: string; n: number }>(
    database.db,
    sql`SELECT 'regions' AS t, count(*)::int AS n FROM regions UNION ALL SELECT 'users', count(*)::int FROM users
        UNION ALL SELECT 'sessions', count(*)::int FROM sessions UNION ALL SELECT 'cases', count(*)::int FROM cases
        UNION ALL SELECT 'case_events', count(*)::int FROM case_events UNION ALL SELECT 'attachments', count(*)::int FROM attachments`,
  );
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

export async function regionIdByCode(database: TestDatabase, code: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(database.db, sql`SELECT id FROM regions WHERE code = ${code}`);
  if (!row) throw new Error(`no region ${code}`);
  return row.id;
}

/** A WGS84 point inside a grid (the centre of its current boundary's box). */
export async function pointInGrid(
  database: TestDatabase,
  code: string,
): Promise<{ lon: number; lat: number; gridId: string }> {
  const [row] = await queryRows<{ lon: number; lat: number; id: string }>(
    database.db,
    sql`SELECT (b.min_lon + b.max_lon) / 2 AS lon, (b.min_lat + b.max_lat) / 2 AS lat, g.id FROM grids g JOIN grid_boundaries b ON b.grid_id = g.id AND b.valid_to IS NULL WHERE g.code = ${code}`,
  );
  if (!row) throw new Error(`no grid ${code}`);
  return { lon: row.lon, lat: row.lat, gridId: row.id };
}

/** Adds an account directly (for scope tests needing a second unit or township). */
export async function addUser(
  database: TestDatabase,
  u: { username: string; role: string; regionCode: string; unitName?: string },
): Promise<void> {
  const { hashPassword } = await import('../src/platform/password.ts');
  const hash = await hashPassword(DEMO_PASSWORD);
  await database.db.execute(sql`INSERT INTO users (username, display_name, password_hash, region_id, roles, unit_id)
    SELECT ${u.username}, ${u.username}, ${hash}, r.id, ARRAY[${u.role}]::text[], (SELECT id FROM units WHERE name = ${u.unitName ?? ''} LIMIT 1)
    FROM regions r WHERE r.code = ${u.regionCode}`);
}

/**
 * Row counts of every table in the public schema except the audit log and its chain (a refused
 * state-changing request is audited by design) and the failed-login counters (a refused login is
 * counted by design: it is what pauses a guessed name, on one address and across all of them) and
 * the progress lookup's (a wrong receipt number or phone digits is counted by design), to
 * show a refused request changed nothing.
 */
export async function everyTableCount(database: TestDatabase): Promise<Record<string, number>> {
  const tables = await queryRows<{ t: string }>(
    database.db,
    sql`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('audit_log', 'audit_chain', 'login_failures', 'login_account_failures', 'reception_lookup_failures') ORDER BY table_name`,
  );
  const union = tables
    .map(({ t }) => `SELECT '${t}' AS t, count(*)::int AS n FROM "${t.replace(/"/g, '""')}"`)
    .join(' UNION ALL ');
  const rows = await queryRows<{ t: string; n: number }>(database.db, sql.raw(union));
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

/** Every identity and phone number the database holds, decrypted: what no response or log line may show. */
export async function storedPlaintexts(t: TestApp): Promise<Set<string>> {
  const stored = await queryRows<{ enc: string }>(
    t.database.db,
    sql`SELECT id_enc AS enc FROM residents WHERE id_enc IS NOT NULL UNION ALL SELECT phone_enc FROM residents WHERE phone_enc IS NOT NULL
        UNION ALL SELECT phone_enc FROM grid_assignments WHERE phone_enc IS NOT NULL
        UNION ALL SELECT id_enc FROM dispute_parties WHERE id_enc IS NOT NULL UNION ALL SELECT phone_enc FROM dispute_parties WHERE phone_enc IS NOT NULL
        UNION ALL SELECT id_enc FROM reception_visits WHERE id_enc IS NOT NULL UNION ALL SELECT phone_enc FROM reception_visits WHERE phone_enc IS NOT NULL
        UNION ALL SELECT id_enc FROM petition_petitioners WHERE id_enc IS NOT NULL UNION ALL SELECT phone_enc FROM petition_petitioners WHERE phone_enc IS NOT NULL`,
  );
  return new Set(stored.map((r) => t.deps.pii.decrypt(r.enc)));
}

/**
 * A deployment of its own in which a second county (410105) stands beside the demo's 410104, with a
 * city (4101) admin over both, created through the API: for the rules of settings stored once for
 * the whole deployment.
 */
export async function createTwoCountyApp(): Promise<{ two: TestApp; city: Session }> {
  const two = await createTestApp();
  await addUser(two.database, { username: 'city_admin_two', role: 'admin', regionCode: '4101' });
  const city = await login(two.app, 'city_admin_two');
  const created = await two.app.inject({
    method: 'POST',
    url: '/api/regions',
    ...as(city),
    payload: { parentId: await regionIdByCode(two.database, '4101'), code: '410105', name: '邻区' },
  });
  if (created.statusCode !== 201) throw new Error(`second county: ${created.statusCode} ${created.body}`);
  return { two, city };
}
