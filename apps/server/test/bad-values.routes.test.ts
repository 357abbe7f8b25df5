import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.ts';
import { as, createTestApp, everyTableCount, login, regionIdByCode, type Session, type TestApp } from './app.ts';

// Text PostgreSQL cannot store, empty PATCHes and integers past int4 are refused with 400
// validation.failed and a Chinese message, and change nothing (issue 12, item 8).

let t: TestApp;
let admin: Session;
let dispatcher: Session;
let villageId: string;
let gridId: string;
let unitId: string;

const CHINESE = /[\u4e00-\u9fa5]/;

beforeAll(async () => {
  t = await createTestApp();
  // Database errors that still reach the error handler, raised for real by the engine under test.
  const db = t.deps.db;
  const failing: Record<string, () => Promise<unknown>> = {
    nul: () => db.execute(sql`SELECT ${'a\u0000b'}::text`),
    overflow: () => db.execute(sql`SELECT ${'2147483648'}::int4`),
    syntax: () => db.execute(sql`SELECT ${'secret-not-a-uuid'}::uuid`),
    unique: () => db.execute(sql`INSERT INTO regions SELECT * FROM regions LIMIT 1`),
    foreign: () =>
      db.execute(sql`UPDATE users SET region_id = '00000000-0000-4000-8000-000000000000' WHERE username = 'admin'`),
    check: () =>
      db.transaction(async (tx) => {
        await tx.execute(sql`CREATE TEMP TABLE bad_values_check (n int CHECK (n > 0)) ON COMMIT DROP`);
        await tx.execute(sql`INSERT INTO bad_values_check VALUES (0)`);
      }),
  };
  t.app.get(
    '/api/test/db/:kind',
    { config: { access: { public: 'test: raises a real database error' } } },
    async (req) => {
      await failing[(req.params as { kind: string }).kind]!();
      return { ok: true };
    },
  );
  admin = await login(t.app, 'admin');
  dispatcher = await login(t.app, 'dispatcher');
  villageId = await regionIdByCode(t.database, '410104001001');
  [{ id: gridId }] = (await queryRows<{ id: string }>(
    t.database.db,
    sql`SELECT id FROM grids WHERE code = '410104001001001'`,
  )) as [{ id: string }];
  [{ id: unitId }] = (await queryRows<{ id: string }>(
    t.database.db,
    sql`SELECT id FROM units ORDER BY name LIMIT 1`,
  )) as [{ id: string }];
});
afterAll(async () => {
  await t.close();
});

type Req = { method: 'GET' | 'POST' | 'PATCH' | 'PUT'; url: string; payload?: unknown; who: () => Session };

async function refused(req: Req, status: number, code: string, message: RegExp = CHINESE) {
  const before = await everyTableCount(t.database);
  const res = await t.app.inject({
    method: req.method,
    url: req.url,
    ...(req.payload !== undefined ? { payload: req.payload as object } : {}),
    ...as(req.who()),
  });
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().code).toBe(code);
  expect(res.json().message).toMatch(CHINESE);
  expect(res.json().message).toMatch(message);
  expect(await everyTableCount(t.database)).toEqual(before);
  return res;
}

const resident = (name: string) => ({ villageId, name });

describe('text the database cannot store', () => {
  it('a NUL in a body field', async () => {
    await refused(
      { method: 'POST', url: '/api/residents', payload: resident('张\u0000三'), who: () => dispatcher },
      400,
      'validation.failed',
      /name 含有不允许的字符/,
    );
  });
  it('a NUL in a query parameter', async () => {
    await refused(
      { method: 'GET', url: '/api/residents?q=%00', who: () => dispatcher },
      400,
      'validation.failed',
      /查询参数不合法：q 含有不允许的字符/,
    );
  });
  it('a NUL in a path parameter', async () => {
    await refused(
      { method: 'GET', url: '/api/items/1%0001', who: () => dispatcher },
      400,
      'validation.failed',
      /路径参数不合法/,
    );
  });
  it('a lone high surrogate (the audit row and jsonb would refuse it)', async () => {
    await refused(
      { method: 'POST', url: '/api/residents', payload: resident('张\ud800'), who: () => dispatcher },
      400,
      'validation.failed',
      /含有不允许的字符/,
    );
  });
  it('a lone low surrogate inside a nested string (case report fields go to jsonb)', async () => {
    const payload = {
      itemCode: '01001',
      description: '路灯不亮了',
      idempotencyKey: 'bad-values-1',
      location: { lon: 113.6, lat: 34.7 },
      fields: { note: 'x\udc00' },
    };
    await refused(
      { method: 'POST', url: '/api/cases', payload, who: () => dispatcher },
      400,
      'validation.failed',
      /fields\.note 不符合任何允许的形式/,
    );
  });
  it('another control character (BEL) in a name', async () => {
    await refused(
      { method: 'PATCH', url: `/api/units/${unitId}`, payload: { name: '城管\u0007中队' }, who: () => admin },
      400,
      'validation.failed',
      /name 含有不允许的字符/,
    );
  });
  it('tab, line feed and a well-formed emoji are still accepted', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/residents',
      payload: { ...resident('王五'), note: '第一行\n\t第二行 🏠' },
      ...as(dispatcher),
    });
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe('an empty PATCH is refused, not a database error', () => {
  it('PATCH /api/users/:id {}', async () => {
    await refused(
      { method: 'PATCH', url: `/api/users/${dispatcher.userId}`, payload: {}, who: () => admin },
      400,
      'validation.failed',
      /至少需要修改一个字段/,
    );
  });
  it('PATCH /api/units/:id {}', async () => {
    await refused(
      { method: 'PATCH', url: `/api/units/${unitId}`, payload: {}, who: () => admin },
      400,
      'validation.failed',
      /至少需要修改一个字段/,
    );
  });
  it('PATCH /api/grids/:id {}', async () => {
    await refused(
      { method: 'PATCH', url: `/api/grids/${gridId}`, payload: {}, who: () => admin },
      400,
      'validation.failed',
      /至少需要修改一个字段/,
    );
  });
});

describe('integers past the int4 columns', () => {
  it('households 2147483648 on PATCH /api/grids/:id', async () => {
    await refused(
      { method: 'PATCH', url: `/api/grids/${gridId}`, payload: { households: 2147483648 }, who: () => admin },
      400,
      'validation.failed',
      /households 过长或过大/,
    );
  });
  it('a case action with version 2147483648', async () => {
    await refused(
      {
        method: 'POST',
        url: '/api/cases/00000000-0000-4000-8000-000000000000/actions',
        payload: { action: 'accept', version: 2147483648 },
        who: () => dispatcher,
      },
      400,
      'validation.failed',
      /version 过长或过大/,
    );
  });
  it('page=1e308, page=NaN and before=-2147483649 in a query', async () => {
    await refused(
      { method: 'GET', url: '/api/residents?page=1e308', who: () => dispatcher },
      400,
      'validation.failed',
      /page/,
    );
    await refused(
      { method: 'GET', url: '/api/residents?page=NaN', who: () => dispatcher },
      400,
      'validation.failed',
      /page/,
    );
    await refused(
      { method: 'GET', url: '/api/notifications?before=-2147483649', who: () => dispatcher },
      400,
      'validation.failed',
      /before/,
    );
  });
  it('households 1e308 in a grid import is reported for its feature and nothing is written', async () => {
    const before = await everyTableCount(t.database);
    const square = {
      type: 'Polygon',
      coordinates: [
        [
          [113.6, 34.7],
          [113.61, 34.7],
          [113.61, 34.71],
          [113.6, 34.7],
        ],
      ],
    };
    const body = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: square,
          properties: { code: '410104001001099', name: '导入网格', kind: 'urban_community', households: 1e308 },
        },
      ],
    };
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/grids/import?commit=true',
      payload: body,
      ...as(admin),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      committed: false,
      create: 0,
      update: 0,
      errors: [{ index: 0, code: '410104001001099', field: 'households', message: '户数应为 0–100000 的整数' }],
    });
    expect(await everyTableCount(t.database)).toEqual(before);
  });
  it('a NUL in a grid import code never reaches the database', async () => {
    const body = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: null, properties: { code: '41010400100\u00001099', name: 'x' } }],
    };
    const res = await t.app.inject({ method: 'POST', url: '/api/grids/import', payload: body, ...as(admin) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().errors).toEqual([
      { index: 0, code: '41010400100\u00001099', field: 'code', message: '网格编码应为 15 位（微网格 18 位）数字' },
    ]);
  });
});

describe('a database error caused by the input is a 4xx without internals', () => {
  const cases: [string, number, string, RegExp][] = [
    ['nul', 400, 'request.invalid_value', /a\\u0000b|0x00|UTF8/],
    ['overflow', 400, 'request.invalid_value', /2147483648|int4|range/],
    ['syntax', 400, 'request.invalid_value', /secret-not-a-uuid|uuid/],
    ['unique', 409, 'request.duplicate', /regions|pkey|already exists/],
    ['foreign', 409, 'request.reference_conflict', /users|fkey|00000000/],
    ['check', 400, 'request.constraint_violation', /bad_values_check|check/i],
  ];
  for (const [kind, status, code, internals] of cases) {
    it(`${kind} → ${status} ${code}`, async () => {
      const before = await everyTableCount(t.database);
      const res = await t.app.inject({ method: 'GET', url: `/api/test/db/${kind}` });
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json()).toEqual({ code, message: expect.stringMatching(CHINESE) });
      expect(res.body).not.toMatch(internals);
      expect(await everyTableCount(t.database)).toEqual(before);
    });
  }
});

describe('found by the fuzz test', () => {
  it('a GCJ-02 boundary whose coordinates are not numbers is a 400, not a crash in the conversion', async () => {
    const before = await everyTableCount(t.database);
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/grids/${gridId}/boundary`,
      payload: { boundary: { type: 'Polygon', coordinates: [[[1]]] }, crs: 'GCJ02' },
      ...as(admin),
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'grid.invalid_boundary',
      message: '网格边界无效：第 1 个环（外环）第 1 个点格式不正确，应为 [经度, 纬度]',
    });
    expect(await everyTableCount(t.database)).toEqual(before);
  });
  it('a path with a bad percent-encoding (a lone surrogate as CESU-8) is a 400 with a code', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/residents/%ed%a0%80', ...as(dispatcher) });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: 'request.bad_url', message: '请求地址不合法（编码错误）' });
  });
  it('an over-long path parameter is a 414 with a code', async () => {
    const before = await everyTableCount(t.database);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${'x'.repeat(500)}`,
      payload: { displayName: 'x' },
      ...as(admin),
    });
    expect(res.statusCode).toBe(414);
    expect(res.json()).toEqual({ code: 'request.url_too_long', message: '请求地址中的参数过长' });
    expect(await everyTableCount(t.database)).toEqual(before);
  });
});
