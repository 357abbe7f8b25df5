import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, regionIdByCode, type Session, type TestApp } from '../../../test/app.ts';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
});
afterAll(async () => {
  await t.close();
});

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
const feature = (properties: Record<string, unknown>, geometry: object) => ({ type: 'Feature', properties, geometry });

describe('grids as GeoJSON', () => {
  it('exports every grid in scope with its attributes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/grids/export.geojson', ...as(admin) });
    const fc = JSON.parse(res.body);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.length).toBe(26);
    expect(
      fc.features.find((f: { properties: { code: string } }) => f.properties.code === '410104001001001001').properties,
    ).toMatchObject({ kind: 'micro', parentCode: '410104001001001' });
  });

  it('checks a file without writing, lists every bad feature, and commits nothing while any is bad', async () => {
    // A new village without an outline, so new grids there are not checked against a parent.
    const township = await regionIdByCode(t.database, '410104002');
    await t.app.inject({
      method: 'POST',
      url: '/api/regions',
      ...as(admin),
      payload: { parentId: township, code: '410104002002', name: '新建社区' },
    });
    const fc = {
      type: 'FeatureCollection',
      features: [
        feature(
          { code: '410104002002001', name: '新建社区第1网格', kind: 'urban_community', households: 120 },
          square(113.73, 34.73, 113.735, 34.735),
        ),
        feature(
          { code: '410104002002001001', name: '微网格', kind: 'micro' },
          square(113.731, 34.731, 113.732, 34.732),
        ),
        feature(
          { code: '410104002002002', name: '蝴蝶结', kind: 'urban_community' },
          {
            type: 'Polygon',
            coordinates: [
              [
                [113.74, 34.73],
                [113.745, 34.735],
                [113.745, 34.73],
                [113.74, 34.735],
                [113.74, 34.73],
              ],
            ],
          },
        ),
        feature({ code: '410104999999001', name: '不存在的村', kind: 'rural' }, square(113.75, 34.73, 113.755, 34.735)),
        feature({ code: '410104002002003', name: '越出微网格', kind: 'micro' }, square(113.75, 34.73, 113.755, 34.735)),
      ],
    };
    const dry = (
      await t.app.inject({ method: 'POST', url: '/api/grids/import?commit=true', ...as(admin), payload: fc })
    ).json();
    expect(dry.committed).toBe(false);
    expect(dry.errors.map((e: { index: number; field: string }) => `${e.index}:${e.field}`)).toEqual([
      '2:geometry',
      '3:code',
      '4:kind',
    ]);
    expect(dry.errors[0].message).toMatch(/自相交/);
    const listed = (await t.app.inject({ method: 'GET', url: '/api/grids?kind=urban_community', ...as(admin) })).json()
      .items;
    expect(listed.some((g: { code: string }) => g.code === '410104002002001')).toBe(false);

    const good = { type: 'FeatureCollection', features: fc.features.slice(0, 2) };
    const check = (
      await t.app.inject({ method: 'POST', url: '/api/grids/import', ...as(admin), payload: good })
    ).json();
    expect(check).toMatchObject({ committed: false, create: 2, update: 0, errors: [] });
    const done = (
      await t.app.inject({ method: 'POST', url: '/api/grids/import?commit=true', ...as(admin), payload: good })
    ).json();
    expect(done).toMatchObject({ committed: true, create: 2 });
    const hit = (
      await t.app.inject({ method: 'GET', url: '/api/grids/lookup?lon=113.7315&lat=34.7315', ...as(admin) })
    ).json();
    expect(hit.grid.code).toBe('410104002002001');
    expect(hit.micro.code).toBe('410104002002001001');

    // Importing the same code again redraws it as a new boundary version.
    const again = (
      await t.app.inject({
        method: 'POST',
        url: '/api/grids/import?commit=true',
        ...as(admin),
        payload: {
          type: 'FeatureCollection',
          features: [
            feature(
              { code: '410104002002001', name: '新建社区第1网格', kind: 'urban_community', households: 150 },
              square(113.73, 34.73, 113.736, 34.735),
            ),
          ],
        },
      })
    ).json();
    expect(again).toMatchObject({ committed: true, create: 0, update: 1 });
    const detail = (await t.app.inject({ method: 'GET', url: `/api/grids/${hit.grid.id}`, ...as(admin) })).json();
    expect(detail).toMatchObject({ households: 150, boundaryVersions: 2 });
  });

  it('is for grid managers only', async () => {
    const d = await login(t.app, 'dispatcher');
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/grids/import',
          ...as(d),
          payload: { type: 'FeatureCollection', features: [feature({}, square(0, 0, 1, 1))] },
        })
      ).statusCode,
    ).toBe(403);
  });
});
