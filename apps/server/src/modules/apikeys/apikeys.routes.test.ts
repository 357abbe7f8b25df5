import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, regionIdByCode, type Session, type TestApp } from '../../../test/app.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { users } from '../users/users.table.ts';
import { apiKeys } from './api-keys.table.ts';
import { authenticateApiKey } from './apikeys.service.ts';

let t: TestApp;
let admin: Session;
let gewu: string;

beforeAll(async () => {
  t = await createTestApp({ GEWU_API_KEY_RATE_PER_MINUTE: '90' });
  admin = await login(t.app, 'admin');
  gewu = await regionIdByCode(t.database, '410104001');
});
afterAll(async () => {
  await t.close();
});

const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, ...as(s) });
const post = (s: Session, url: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, ...as(s), ...(payload ? { payload } : {}) });
const keyRow = async (id: string) => (await t.database.db.select().from(apiKeys).where(eq(apiKeys.id, id)))[0];

describe('API keys', () => {
  let id: string;
  let key: string;

  it('the admin creates a key; the plaintext is returned once and only its hash is stored', async () => {
    const res = await post(admin, '/api/api-keys', {
      name: '格物街道视频监控平台',
      regionId: gewu,
      source: 'video',
      ratePerMinute: 120,
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    ({ id, key } = body);
    expect(key).toMatch(/^gw_[A-Za-z0-9_-]{43}$/);
    expect(body).toMatchObject({
      name: '格物街道视频监控平台',
      prefix: key.slice(0, 8),
      regionName: '格物街道',
      source: 'video',
      ratePerMinute: 120,
      revokedAt: null,
      lastUsedAt: null,
      createdByName: '系统管理员',
    });
    const row = await keyRow(id);
    expect(row?.keyHash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(key);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'apikey.create'));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit.map((a) => a.detail))).not.toContain(key);
    expect(audit[0]?.detail).toMatchObject({ prefix: key.slice(0, 8), source: 'video' });
  });

  it('lists keys in scope without the key itself', async () => {
    const res = await get(admin, '/api/api-keys');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((k: { id: string }) => k.id)).toEqual([id]);
    expect(res.body).not.toContain(key);
    expect(res.json().items[0]).not.toHaveProperty('key');
    expect(res.json().items[0]).not.toHaveProperty('keyHash');
  });

  it('authenticates the key and records its use at most once a minute', async () => {
    const principal = await authenticateApiKey(t.database.db, t.clock, key);
    expect(principal).toEqual({
      id,
      name: '格物街道视频监控平台',
      regionId: gewu,
      regionPath: '/41/4101/410104/410104001/',
      source: 'video',
      ratePerMinute: 120,
    });
    const first = (await keyRow(id))?.lastUsedAt;
    expect(first?.toISOString()).toBe(t.clock.now().toISOString());
    t.clock.advance(30_000);
    await authenticateApiKey(t.database.db, t.clock, key);
    expect((await keyRow(id))?.lastUsedAt).toEqual(first);
    t.clock.advance(31_000);
    await authenticateApiKey(t.database.db, t.clock, key);
    expect((await keyRow(id))?.lastUsedAt?.toISOString()).toBe(t.clock.now().toISOString());
  });

  it('rejects unknown and malformed keys', async () => {
    const other = `gw_${'A'.repeat(43)}`;
    expect(await authenticateApiKey(t.database.db, t.clock, other)).toBeNull();
    expect(await authenticateApiKey(t.database.db, t.clock, key.slice(0, -1))).toBeNull();
    expect(await authenticateApiKey(t.database.db, t.clock, `${key}x`)).toBeNull();
    expect(await authenticateApiKey(t.database.db, t.clock, '')).toBeNull();
  });

  it('refuses other roles, regions outside the scope and bad input', async () => {
    const dispatcher = await login(t.app, 'dispatcher');
    expect((await get(dispatcher, '/api/api-keys')).statusCode).toBe(403);
    expect((await post(dispatcher, '/api/api-keys', { name: 'x', regionId: gewu, source: 'video' })).statusCode).toBe(
      403,
    );
    const city = await regionIdByCode(t.database, '4101');
    expect((await post(admin, '/api/api-keys', { name: 'x', regionId: city, source: 'video' })).statusCode).toBe(404);
    expect((await post(admin, '/api/api-keys', { name: 'x', regionId: gewu, source: 'telepathy' })).statusCode).toBe(
      400,
    );
    expect(
      (await post(admin, '/api/api-keys', { name: 'x', regionId: gewu, source: 'video', ratePerMinute: 0 })).statusCode,
    ).toBe(400);
    expect((await t.database.db.select().from(apiKeys)).length).toBe(1);
  });

  it('an admin of another township neither sees nor revokes the key', async () => {
    const [demo] = await t.database.db.select().from(users).where(eq(users.username, 'admin'));
    await t.database.db.insert(users).values({
      username: 'zhixing_admin',
      displayName: '知行管理员',
      passwordHash: demo?.passwordHash as string,
      regionId: await regionIdByCode(t.database, '410104002'),
      roles: ['admin'],
    });
    const other = await login(t.app, 'zhixing_admin');
    expect((await get(other, '/api/api-keys')).json().items).toEqual([]);
    expect((await post(other, `/api/api-keys/${id}/revoke`)).statusCode).toBe(404);
    expect(await authenticateApiKey(t.database.db, t.clock, key)).toMatchObject({ id, regionId: gewu });
  });

  it('a revoked key no longer authenticates', async () => {
    const res = await post(admin, `/api/api-keys/${id}/revoke`);
    expect(res.statusCode).toBe(200);
    expect(res.json().revokedAt).toBe(t.clock.now().toISOString());
    expect(await authenticateApiKey(t.database.db, t.clock, key)).toBeNull();
    expect((await post(admin, `/api/api-keys/${id}/revoke`)).statusCode).toBe(409);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'apikey.revoke'));
    expect(audit.map((a) => a.targetId)).toEqual([id]);
  });

  it('a key created without a rate gets the configured default (GEWU_API_KEY_RATE_PER_MINUTE)', async () => {
    const res = await post(admin, '/api/api-keys', { name: '格物街道传感器平台', regionId: gewu, source: 'sensor' });
    expect(res.statusCode).toBe(201);
    expect(res.json().ratePerMinute).toBe(90);
  });
});
