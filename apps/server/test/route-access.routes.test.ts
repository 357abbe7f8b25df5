import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.ts';
import { as, createTestApp, login, regionIdByCode, tableCounts, type TestApp } from './app.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function residentCount(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM residents`);
  return row?.n ?? -1;
}

describe('access is decided from the matched route, not from the URL as sent', () => {
  it('a percent-encoded path still needs the CSRF token to write', async () => {
    const dispatcher = await login(t.app, 'dispatcher');
    const villageId = await regionIdByCode(t.database, '410104001001');
    const before = await residentCount();
    const res = await t.app.inject({
      method: 'POST',
      url: '/%61pi/residents',
      headers: { cookie: dispatcher.cookie },
      payload: { villageId, name: '编码绕过' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('auth.csrf');
    expect(await residentCount()).toBe(before);
  });

  it('a percent-encoded path still needs a changed initial password', async () => {
    const admin = await login(t.app, 'admin');
    const regionId = await regionIdByCode(t.database, '410104001');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      ...as(admin),
      payload: {
        username: 'fresh-worker',
        displayName: '新网格员',
        password: 'Init#2026a',
        regionId,
        roles: ['dispatcher'],
      },
    });
    expect(created.statusCode).toBe(201);
    const fresh = await login(t.app, 'fresh-worker', 'Init#2026a');
    for (const url of ['/%61pi/residents', '/api/%72esidents', '/api/residents']) {
      const res = await t.app.inject({ method: 'GET', url, ...as(fresh) });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().code, url).toBe('auth.must_change_password');
    }
  });

  it('a percent-encoded path still needs a session', async () => {
    for (const url of ['/%61pi/imports/template?kind=residents&format=csv', '/%61pi/residents', '/api/%75sers']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().code, url).toBe('auth.unauthenticated');
    }
  });

  it("the route's declared roles are checked before any service runs", async () => {
    const mediator = await login(t.app, 'mediator');
    const [resident] = await queryRows<{ id: string }>(t.database.db, sql`SELECT id FROM residents LIMIT 1`);
    const visits = await t.app.inject({ method: 'GET', url: `/api/residents/${resident?.id}/visits`, ...as(mediator) });
    expect(visits.statusCode).toBe(403);
    expect(visits.json()).toMatchObject({ code: 'access.denied' });
    const resident2 = await login(t.app, 'resident');
    const before = await tableCounts(t.database);
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      ...as(resident2),
      payload: { name: '越权单位' },
    });
    expect(write.statusCode).toBe(403);
    expect(await tableCounts(t.database)).toEqual(before);
  });
});

describe('deny by default', () => {
  it('an app with a route that declares no access refuses to start', async () => {
    const other = await createTestApp();
    try {
      other.app.get('/api/undeclared', async () => ({ secret: true }));
      await expect(other.app.ready()).rejects.toThrow(/without an access declaration: GET \/api\/undeclared/);
    } finally {
      await other.database.close();
    }
  });

  it('only the routes written here are public', async () => {
    await t.app.ready();
    const publicRoutes = t.app.declaredRoutes
      .filter((r) => r.access && 'public' in r.access && !r.url.startsWith('/api/docs'))
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(publicRoutes).toEqual(
      [
        'GET /api/health',
        'GET /api/openapi.json',
        'GET /open311/v2',
        'GET /open311/v2/:file',
        'GET /open311/v2/requests/:file',
        'GET /open311/v2/services/:file',
        'GET /open311/v2/tokens/:file',
        'HEAD /api/health',
        'HEAD /api/openapi.json',
        'HEAD /open311/v2',
        'HEAD /open311/v2/:file',
        'HEAD /open311/v2/requests/:file',
        'HEAD /open311/v2/services/:file',
        'HEAD /open311/v2/tokens/:file',
        'POST /api/auth/login',
        'POST /api/intake/cases',
        // A visitor follows a receipt with its number and the phone's last four (rate-limited, masked).
        'POST /api/reception/progress',
        // A closed owners' vote: its tally and anonymised ballot list, and a voter's receipt check (the code is the credential).
        'GET /api/public/votes/:id',
        'HEAD /api/public/votes/:id',
        'GET /api/public/votes/:id/receipts/:code',
        'HEAD /api/public/votes/:id/receipts/:code',
        'POST /open311/v2/:file',
        // 村(居)务公开: a village's public page (published notices, versions, answered questions; no names).
        'GET /p/notices/:regionCode',
        'HEAD /p/notices/:regionCode',
      ].sort(),
    );
  });
});
