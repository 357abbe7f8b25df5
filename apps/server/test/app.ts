import { sql } from 'drizzle-orm';
import { buildApp, makeDeps, type AppDeps, type AppInstance } from '../src/app.ts';
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
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = new ManualClock();
  const config = loadConfig({ NODE_ENV: 'test', GEWU_LOG_LEVEL: 'silent', GEWU_WEB_DIST: '/nonexistent', GEWU_PII_KEY: TEST_KEY, GEWU_PII_HASH_KEY: TEST_HASH_KEY, ...env });
  const deps = makeDeps({ db: database.db, engine: database.engine, clock, config });
  await seedDemoIfEmpty(database.db, clock, deps.pii);
  const app = await buildApp(deps);
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
export async function login(app: AppInstance, username: string, password = DEMO_PASSWORD, ip = '10.0.0.1'): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });
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
        UNION ALL SELECT 'sessions', count(*)::int FROM sessions`,
  );
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

export async function regionIdByCode(database: TestDatabase, code: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(database.db, sql`SELECT id FROM regions WHERE code = ${code}`);
  if (!row) throw new Error(`no region ${code}`);
  return row.id;
}
