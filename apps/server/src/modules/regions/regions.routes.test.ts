import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createTestApp,
  login,
  regionIdByCode,
  tableCounts,
  type Session,
  type TestApp,
} from '../../../test/app.ts';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
});
afterAll(async () => {
  await t.close();
});

describe('region tree', () => {
  it('the county admin sees the county subtree, parents first', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/regions', ...as(admin) });
    const items = res.json().items as { code: string; level: string; path: string; parentId: string | null }[];
    expect(items[0]).toMatchObject({ code: '410104', level: 'county', path: '/41/4101/410104/' });
    expect(items.map((r) => r.code)).toEqual(expect.arrayContaining(['410104001', '410104001201', '410104002']));
    expect(items.some((r) => r.code === '4101')).toBe(false);
  });

  it('adds a village under a township with a derived path and level', async () => {
    const parentId = await regionIdByCode(t.database, '410104001');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/regions',
      ...as(admin),
      payload: { parentId, code: '410104001005', name: '格致社区' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ level: 'village', path: '/41/4101/410104/410104001/410104001005/', parentId });
  });

  it('refuses a code that does not extend the parent, a duplicate, a node under a village, and non-admins', async () => {
    const township = await regionIdByCode(t.database, '410104001');
    const village = await regionIdByCode(t.database, '410104001001');
    const dispatcher = await login(t.app, 'dispatcher');
    const before = await tableCounts(t.database);
    const post = (s: Session, payload: object) =>
      t.app.inject({ method: 'POST', url: '/api/regions', ...as(s), payload });
    expect((await post(admin, { parentId: township, code: '410105001009', name: 'x' })).json().code).toBe(
      'region.invalid_code',
    );
    expect((await post(admin, { parentId: township, code: '410104001001', name: 'x' })).json().code).toBe(
      'region.code_taken',
    );
    expect((await post(admin, { parentId: village, code: '410104001001001', name: 'x' })).json().code).toBe(
      'validation.failed',
    );
    expect((await post(admin, { parentId: village, code: '410104001001', name: 'x' })).json().code).toBe(
      'region.no_child_level',
    );
    expect((await post(dispatcher, { parentId: township, code: '410104001009', name: 'x' })).statusCode).toBe(403);
    expect(await tableCounts(t.database)).toEqual(before);
  });
});
