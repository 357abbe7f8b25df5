import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.ts';
import { DEMO_PASSWORD } from '../src/seed/demo.ts';
import { createTestApp, type TestApp } from './app.ts';

// app.inject() comes from 127.0.0.1 unless told otherwise: here, the reverse proxy.
const PROXY = '127.0.0.1';
let behindProxy: TestApp;
let direct: TestApp;

beforeAll(async () => {
  const limits = { GEWU_LOGIN_RATE_LIMIT: '2', GEWU_OPEN311_READ_RATE_PER_MINUTE: '3' };
  behindProxy = await createTestApp({ ...limits, GEWU_TRUST_PROXY: PROXY });
  direct = await createTestApp(limits);
});
afterAll(async () => {
  await behindProxy?.close();
  await direct?.close();
});

const loginFrom = (t: TestApp, forwardedFor: string, password = 'Wrong#2026', remoteAddress = PROXY) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    headers: { 'x-forwarded-for': forwardedFor },
    payload: { username: 'resident', password },
  });

describe('behind a reverse proxy (GEWU_TRUST_PROXY)', () => {
  it('records the address the proxy names in the audit log', async () => {
    expect((await loginFrom(behindProxy, '203.0.113.7', DEMO_PASSWORD)).statusCode).toBe(200);
    const rows = await queryRows<{ ip: string }>(
      behindProxy.database.db,
      sql`SELECT ip FROM audit_log WHERE action = 'auth.login' AND outcome = 'success' ORDER BY id DESC LIMIT 1`,
    );
    expect(rows).toEqual([{ ip: '203.0.113.7' }]);
  });

  it('holds each client, not the proxy, to the login limit; a header from an untrusted hop is ignored', async () => {
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await loginFrom(behindProxy, '203.0.113.20')).statusCode);
    expect(codes).toEqual([401, 401, 429]);
    // Another resident behind the same proxy still gets in.
    expect((await loginFrom(behindProxy, '203.0.113.21')).statusCode).toBe(401);
    // A client that is not the proxy cannot claim to be someone else (nor spend their budget).
    expect((await loginFrom(behindProxy, '203.0.113.20', 'Wrong#2026', '198.51.100.9')).statusCode).toBe(401);
  });

  it('limits keyless Open311 reads per client address, answering in the spec format', async () => {
    const read = (forwardedFor: string) =>
      behindProxy.app.inject({
        method: 'GET',
        url: '/open311/v2/services.json',
        headers: { 'x-forwarded-for': forwardedFor },
      });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await read('203.0.113.30')).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    const limited = await read('203.0.113.30');
    expect(limited.json()).toEqual([{ code: 429, description: '请求过于频繁，请稍后再试' }]);
    expect((await read('203.0.113.31')).statusCode).toBe(200);
  });

  it('names the endpoint with the scheme the proxy was reached by', async () => {
    const res = await behindProxy.app.inject({
      method: 'GET',
      url: '/open311/v2/discovery.json',
      headers: {
        'x-forwarded-for': '203.0.113.40',
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'gewu.example.gov.cn',
      },
    });
    expect(res.json().endpoints[0].url).toBe('https://gewu.example.gov.cn/open311/v2/');
  });
});

describe('without GEWU_TRUST_PROXY', () => {
  it('ignores X-Forwarded-For: every request counts against the connecting address', async () => {
    const codes = [];
    for (const client of ['203.0.113.50', '203.0.113.51', '203.0.113.52'])
      codes.push((await loginFrom(direct, client)).statusCode);
    expect(codes).toEqual([401, 401, 429]);
    expect((await loginFrom(direct, '203.0.113.53', 'Wrong#2026', '198.51.100.10')).statusCode).toBe(401);
  });
});
