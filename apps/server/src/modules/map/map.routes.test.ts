import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, regionIdByCode, type Session, type TestApp } from '../../../test/app.ts';

/**
 * The maps' two routes. The demo data (seed/demo-base.ts): 格物街道's six villages are 0.012° × 0.01°
 * rectangles from 113.69 E, 34.73 N, three across and two down, each with four unit grids (its
 * quadrants), 明德社区 (410104001001) the north-west one with two micro-grids; 格物街道 itself and
 * 知行街道 have no outline.
 */
let t: TestApp;
const get = (session: Session, url: string) => t.app.inject({ method: 'GET', url, ...as(session) });

const rect = (w: number, s: number, e: number, n: number) => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/map/config', () => {
  it('without GEWU_MAP_TILE_URL the base layer is null: the maps draw outlines on a plain background', async () => {
    const res = await get(await login(t.app, 'resident'), '/api/map/config');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ baseLayer: null });
    expect((await t.app.inject({ method: 'GET', url: '/api/map/config' })).statusCode).toBe(401);
  });

  it('with it, the layer as the deployment configured it, for any signed-in account', async () => {
    const tiles = await createTestApp({
      GEWU_MAP_TILE_URL: 'https://t{s}.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=abc123',
      GEWU_MAP_LABEL_URL: 'https://t{s}.tianditu.gov.cn/cva_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=abc123',
      GEWU_MAP_SUBDOMAINS: '0,1,2,3,4,5,6,7',
      GEWU_MAP_ATTRIBUTION: '天地图 审图号：GS(2024)0650号',
      GEWU_MAP_MAX_ZOOM: '17',
    });
    try {
      for (const username of ['resident', 'auditor']) {
        const res = await tiles.app.inject({
          method: 'GET',
          url: '/api/map/config',
          ...as(await login(tiles.app, username)),
        });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toEqual({
          baseLayer: {
            url: 'https://t{s}.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=abc123',
            labelUrl: 'https://t{s}.tianditu.gov.cn/cva_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=abc123',
            subdomains: ['0', '1', '2', '3', '4', '5', '6', '7'],
            attribution: '天地图 审图号：GS(2024)0650号',
            maxZoom: 17,
          },
        });
      }
    } finally {
      await tiles.close();
    }
  });
});

describe('GET /api/map/outlines', () => {
  it("a resident: their community's outline, its four unit grids (no micro-grids), no key places", async () => {
    const res = await get(await login(t.app, 'resident'), '/api/map/outlines');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.region).toMatchObject({ code: '410104001001', name: '明德社区', level: 'village' });
    expect(body.regions.map((r: { code: string }) => r.code)).toEqual(['410104001001']);
    expect(body.regions[0].boundary).toEqual({ type: 'Polygon', coordinates: [rect(113.69, 34.74, 113.702, 34.75)] });
    expect(body.grids.map((g: { code: string }) => g.code)).toEqual([
      '410104001001001',
      '410104001001002',
      '410104001001003',
      '410104001001004',
    ]);
    expect(body.gridsOmitted).toBe(0);
    expect(body.places).toEqual([]);
    expect(body.bbox).toEqual([113.69, 34.74, 113.702, 34.75]);
  });

  it('a township dispatcher (no outline of its own): its six villages, their 24 unit grids, its placed key places', async () => {
    const dispatcher = await login(t.app, 'dispatcher');
    const place = async (villageCode: string, name: string, at: object) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/key-places',
        ...as(dispatcher),
        payload: { villageId: await regionIdByCode(t.database, villageCode), name, kind: 'school', ...at },
      });
      expect(res.statusCode).toBe(201);
    };
    await place('410104001002', '致知小学', { lon: 113.707, lat: 34.745 });
    await place('410104001002', '无坐标幼儿园', {});
    const res = await get(dispatcher, '/api/map/outlines');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.region).toMatchObject({ code: '410104001', name: '格物街道', level: 'township' });
    expect(body.regions.map((r: { code: string }) => r.code)).toEqual([
      '410104001001',
      '410104001002',
      '410104001003',
      '410104001004',
      '410104001201',
      '410104001202',
    ]);
    expect(body.grids).toHaveLength(24);
    expect(body.grids.every((g: { kind: string }) => g.kind !== 'micro')).toBe(true);
    expect(body.places).toEqual([
      expect.objectContaining({ name: '致知小学', kind: 'school', lon: 113.707, lat: 34.745 }),
    ]);
    expect(body.bbox).toEqual([113.69, 34.73, 113.726, 34.75]);
  });

  it("a user of another township sees theirs — simplified — and nothing of 格物街道's", async () => {
    await t.database.db.execute(
      sql`UPDATE regions SET boundary = ${JSON.stringify({ type: 'Polygon', coordinates: [rect(113.8, 34.8, 113.82, 34.82)] })}::jsonb WHERE code = '410104002001'`,
    );
    const admin = await login(t.app, 'admin');
    // An edge with a vertex in its middle (on the line): simplified away in the outline.
    const withMidpoint = [
      [113.8, 34.8],
      [113.805, 34.8],
      [113.81, 34.8],
      [113.81, 34.81],
      [113.8, 34.81],
      [113.8, 34.8],
    ];
    const grid = await t.app.inject({
      method: 'POST',
      url: '/api/grids',
      ...as(admin),
      payload: {
        villageId: await regionIdByCode(t.database, '410104002001'),
        seq: '001',
        name: '笃行一网格',
        kind: 'urban_community',
        boundary: { type: 'Polygon', coordinates: [withMidpoint] },
      },
    });
    expect(grid.statusCode).toBe(201);
    await addUser(t.database, { username: 'zx-dispatcher', role: 'dispatcher', regionCode: '410104002' });
    const res = await get(await login(t.app, 'zx-dispatcher'), '/api/map/outlines');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.region).toMatchObject({ code: '410104002', name: '知行街道' });
    expect(body.regions.map((r: { code: string }) => r.code)).toEqual(['410104002001']);
    expect(body.grids).toEqual([
      {
        id: grid.json().id,
        code: '410104002001001',
        name: '笃行一网格',
        kind: 'urban_community',
        boundary: { type: 'Polygon', coordinates: [rect(113.8, 34.8, 113.81, 34.81)] },
      },
    ]);
    expect(body.places).toEqual([]);
    expect(body.bbox).toEqual([113.8, 34.8, 113.82, 34.82]);
    expect(res.body).not.toContain('格物');
    expect(res.body).not.toContain('410104001');
  });

  it('the county leader: each outlined region once, the topmost (a village inside an outlined township is not repeated)', async () => {
    await t.database.db.execute(
      sql`UPDATE regions SET boundary = ${JSON.stringify({ type: 'Polygon', coordinates: [rect(113.69, 34.73, 113.726, 34.75)] })}::jsonb WHERE code = '410104001'`,
    );
    try {
      const body = (await get(await login(t.app, 'leader'), '/api/map/outlines')).json();
      expect(body.region).toMatchObject({ code: '410104', level: 'county' });
      const inGewu = body.regions.map((r: { code: string }) => r.code).filter((c: string) => c.startsWith('410104001'));
      expect(inGewu).toEqual(['410104001']);
      expect(body.places.map((p: { name: string }) => p.name)).toEqual([]); // leaders read figures, not base data
    } finally {
      await t.database.db.execute(sql`UPDATE regions SET boundary = NULL WHERE code = '410104001'`);
    }
  });

  it('refused to the security admin and the auditor (no map screens), and to anonymous callers', async () => {
    for (const username of ['secadmin', 'auditor']) {
      const res = await get(await login(t.app, username), '/api/map/outlines');
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('access.denied');
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/map/outlines' })).statusCode).toBe(401);
  });
});
