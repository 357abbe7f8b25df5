import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toWgs84 } from '@gewu/geo';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import {
  addUser,
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
let mingde: string;

const square = (w: number, s: number, e: number, n: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
  mingde = await regionIdByCode(t.database, '410104001001');
});
afterAll(async () => {
  await t.close();
});

const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, ...as(s) });

describe('grids', () => {
  it('lists the demo grids tiling 明德社区 with boundaries, codes and kinds', async () => {
    const res = await get(admin, `/api/grids?villageId=${mingde}`);
    const items = res.json().items as { code: string; kind: string; boundary: unknown }[];
    expect(items.map((g) => g.code)).toEqual(
      expect.arrayContaining(['410104001001001', '410104001001004', '410104001001001001']),
    );
    expect(items.find((g) => g.code === '410104001001004')?.kind).toBe('dedicated');
    expect(items.every((g) => g.boundary)).toBe(true);
  });

  it('resolves a point to its grid and micro-grid, also from GCJ-02 coordinates', async () => {
    // 明德社区 is the north-west cell: lon 113.690–113.702, lat 34.740–34.750; grid 001 is its north-west quadrant.
    const res = await get(admin, '/api/grids/lookup?lon=113.692&lat=34.748');
    expect(res.json().grid.code).toBe('410104001001001');
    expect(res.json().micro.code).toBe('410104001001001001');
    const [glon, glat] = [113.692 + 0.0058, 34.748 - 0.0012]; // roughly what a GCJ-02 map shows for that spot
    const viaGcj = await get(admin, `/api/grids/lookup?lon=${glon}&lat=${glat}&crs=GCJ02`);
    const [wlon, wlat] = toWgs84(glon, glat, 'GCJ02');
    expect(viaGcj.json().lon).toBeCloseTo(wlon, 9);
    expect(viaGcj.json().lat).toBeCloseTo(wlat, 9);
    const outside = await get(admin, '/api/grids/lookup?lon=100&lat=30');
    expect(outside.json()).toMatchObject({ grid: null, micro: null });
  });

  it('refuses a self-intersecting boundary and one outside its village, writing nothing', async () => {
    const before = await tableCounts(t.database);
    const bowTie = {
      type: 'Polygon',
      coordinates: [
        [
          [113.691, 34.741],
          [113.693, 34.743],
          [113.693, 34.741],
          [113.691, 34.743],
          [113.691, 34.741],
        ],
      ],
    };
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/grids',
      ...as(admin),
      payload: { villageId: mingde, seq: '009', name: '坏网格', kind: 'urban_community', boundary: bowTie },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('grid.invalid_boundary');
    expect(bad.json().message).toMatch(/自相交/);
    const unclosed = await t.app.inject({
      method: 'POST',
      url: '/api/grids',
      ...as(admin),
      payload: {
        villageId: mingde,
        seq: '009',
        name: '坏网格',
        kind: 'urban_community',
        boundary: {
          type: 'Polygon',
          coordinates: [
            [
              [113.691, 34.741],
              [113.693, 34.741],
              [113.693, 34.743],
            ],
          ],
        },
      },
    });
    expect(unclosed.json().code).toBe('grid.invalid_boundary');
    const outside = await t.app.inject({
      method: 'POST',
      url: '/api/grids',
      ...as(admin),
      payload: {
        villageId: mingde,
        seq: '009',
        name: '越界网格',
        kind: 'urban_community',
        boundary: square(113.7, 34.745, 113.71, 34.748),
      },
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toMatchObject({ code: 'grid.outside_parent' });
    expect(outside.json().message).toMatch(/平方米/);
    expect(await tableCounts(t.database)).toEqual(before);
  });

  it('versions a redrawn boundary, keeps history, and lookups follow the new one at once', async () => {
    const list = (await get(admin, `/api/grids?villageId=${mingde}`)).json().items as { id: string; code: string }[];
    const g2 = list.find((g) => g.code === '410104001001002') as { id: string };
    // Grid 002 is the north-east quadrant (113.696–113.702, 34.745–34.750); shrink it to leave a strip uncovered.
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/grids/${g2.id}/boundary`,
      ...as(admin),
      payload: { boundary: square(113.696, 34.745, 113.701, 34.75) },
    });
    expect(res.statusCode).toBe(200);
    const detail = (await get(admin, `/api/grids/${g2.id}`)).json();
    expect(detail.boundaryVersions).toBe(2);
    // Saving the same shape again is not a new version.
    await t.app.inject({
      method: 'PUT',
      url: `/api/grids/${g2.id}/boundary`,
      ...as(admin),
      payload: { boundary: square(113.696, 34.745, 113.701, 34.75) },
    });
    expect((await get(admin, `/api/grids/${g2.id}`)).json().boundaryVersions).toBe(2);
    expect((await get(admin, '/api/grids/lookup?lon=113.7015&lat=34.747')).json().grid).toBeNull();
    expect((await get(admin, '/api/grids/lookup?lon=113.6995&lat=34.747')).json().grid.code).toBe('410104001001002');
    const checks = (await get(admin, `/api/grids/checks?villageId=${mingde}`)).json();
    expect(checks.parentHasBoundary).toBe(true);
    // The strip is 0.001° × 0.005°: about 91 m × 556 m at this latitude.
    expect(checks.gap.areaM2).toBeGreaterThan(45_000);
    expect(checks.gap.areaM2).toBeLessThan(56_000);
    expect(checks.overlaps).toEqual([]);
  });

  it('reports overlapping grids of one village with the overlap area', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/grids',
      ...as(admin),
      payload: {
        villageId: mingde,
        seq: '010',
        name: '重叠网格',
        kind: 'urban_community',
        households: 30,
        boundary: square(113.6955, 34.744, 113.6965, 34.746),
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().code).toBe('410104001001010');
    const checks = (await get(admin, `/api/grids/checks?villageId=${mingde}`)).json();
    const codes = checks.overlaps.map((o: { aCode: string; bCode: string }) => [o.aCode, o.bCode].sort().join('~'));
    expect(codes).toEqual(
      expect.arrayContaining(['410104001001001~410104001001010', '410104001001003~410104001001010']),
    );
    const total = checks.overlaps.reduce((s: number, o: { areaM2: number }) => s + o.areaM2, 0);
    expect(total).toBeGreaterThan(15_000); // 0.001° × 0.002° ≈ 91 m × 222 m, all of it over grids 001–004
    expect(total).toBeLessThan(22_000);

    // Micro-grids are checked among themselves: a third one over micro-grid 1 of grid 001.
    const unit = (await get(admin, `/api/grids?villageId=${mingde}`))
      .json()
      .items.find((g: { code: string }) => g.code === '410104001001001');
    const micro = await t.app.inject({
      method: 'POST',
      url: '/api/grids',
      ...as(admin),
      payload: {
        villageId: mingde,
        parentGridId: unit.id,
        seq: '003',
        name: '微网格3',
        kind: 'micro',
        boundary: square(113.691, 34.746, 113.692, 34.747),
      },
    });
    expect(micro.json().code).toBe('410104001001001003');
    const again = (await get(admin, `/api/grids/checks?villageId=${mingde}`)).json();
    expect(
      again.overlaps.some(
        (o: { aCode: string; bCode: string }) =>
          [o.aCode, o.bCode].sort().join('~') === '410104001001001001~410104001001001003',
      ),
    ).toBe(true);
  });

  it('assigns people with masked phones; scope hides other townships and non-managers cannot edit', async () => {
    const list = (await get(admin, `/api/grids?villageId=${mingde}`)).json().items as { id: string }[];
    const id = (list[0] as { id: string }).id;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/grids/${id}/assignments`,
      ...as(admin),
      payload: { duty: 'mediator', personName: '钱调解', phone: '13912345678' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().phoneMasked).toBe('139****5678');
    expect(JSON.stringify((await get(admin, `/api/grids/${id}`)).json())).not.toContain('13912345678');
    const dispatcher = await login(t.app, 'dispatcher');
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: `/api/grids/${id}/boundary`,
          ...as(dispatcher),
          payload: { boundary: square(113.69, 34.745, 113.696, 34.75) },
        })
      ).statusCode,
    ).toBe(403);
    const zhixing = await regionIdByCode(t.database, '410104002');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      ...as(admin),
      payload: {
        username: 'zx_grid',
        displayName: '知行网格员',
        password: 'Init#2026a',
        regionId: zhixing,
        roles: ['grid_worker'],
      },
    });
    expect(created.statusCode).toBe(201);
    const first = await login(t.app, 'zx_grid', 'Init#2026a');
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      ...as(first),
      payload: { currentPassword: 'Init#2026a', newPassword: 'Zhixing#2026' },
    });
    expect((await get(first, '/api/grids')).json().items).toEqual([]);
    expect((await get(first, `/api/grids/${id}`)).statusCode).toBe(404);
  });
});

describe('grid assignments name real, local accounts with the right role (issue 12)', () => {
  const idOf = async (username: string) =>
    (await queryRows<{ id: string }>(t.database.db, sql`SELECT id FROM users WHERE username = ${username}`))[0]
      ?.id as string;
  const assignmentCount = async () =>
    (await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM grid_assignments`))[0]?.n;

  it('refuses a missing, disabled, distant or wrongly-roled account and writes nothing; accepts the right one', async () => {
    const grid = (await get(admin, `/api/grids?villageId=${mingde}`)).json().items[0] as { id: string };
    await addUser(t.database, { username: 'asg_zx_worker', role: 'grid_worker', regionCode: '410104002' });
    await addUser(t.database, { username: 'asg_county_mediator', role: 'mediator', regionCode: '410104' });
    await addUser(t.database, { username: 'asg_off_worker', role: 'grid_worker', regionCode: '410104001001' });
    await t.database.db.execute(sql`UPDATE users SET status = 'disabled' WHERE username = 'asg_off_worker'`);
    const assign = async (duty: string, userId: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/grids/${grid.id}/assignments`,
        ...as(admin),
        payload: { duty, userId, personName: '某人' },
      });
    const before = await assignmentCount();
    const cases: [string, string, number, string][] = [
      ['grid_worker_full', '00000000-0000-4000-8000-000000000000', 404, 'grid.assignee_not_found'],
      ['grid_worker_full', await idOf('asg_off_worker'), 400, 'grid.assignee_inactive'],
      ['grid_worker_full', await idOf('asg_zx_worker'), 400, 'grid.assignee_outside_grid'],
      ['mediator', await idOf('asg_county_mediator'), 400, 'grid.assignee_outside_grid'],
      ['grid_worker_part', await idOf('mediator'), 400, 'grid.assignee_wrong_role'],
      ['mediator', await idOf('gridworker'), 400, 'grid.assignee_wrong_role'],
      ['police', await idOf('dispatcher'), 400, 'grid.assignee_wrong_role'],
    ];
    for (const [duty, userId, status, code] of cases) {
      const res = await assign(duty, userId);
      expect([duty, code, res.statusCode, res.json().code]).toEqual([duty, code, status, code]);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await assignmentCount()).toBe(before);
    const worker = await assign('grid_worker_full', await idOf('gridworker'));
    expect(worker.statusCode).toBe(201);
    expect((await assign('mediator', await idOf('mediator'))).statusCode).toBe(201);
    expect(await assignmentCount()).toBe((before ?? 0) + 2);
  });
});
