import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, regionIdByCode, type Session, type TestApp } from '../../../test/app.ts';

let t: TestApp;
let dispatcher: Session;
beforeAll(async () => {
  t = await createTestApp();
  dispatcher = await login(t.app, 'dispatcher');
});
afterAll(async () => {
  await t.close();
});

describe('organisations, buildings and key places', () => {
  it('registers and lists each within scope, refusing a bad credit code', async () => {
    const villageId = await regionIdByCode(t.database, '410104001002');
    const org = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      ...as(dispatcher),
      payload: {
        villageId,
        name: '致知便民超市',
        kind: 'individual_business',
        creditCode: '92410104MA9G5XRL3B',
        employees: 4,
      },
    });
    expect(org.statusCode).toBe(201);
    expect(org.json()).toMatchObject({ name: '致知便民超市', creditCode: '92410104MA9G5XRL3B' });
    expect(org.json().regionPath).toBeUndefined();
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      ...as(dispatcher),
      payload: { villageId, name: 'x', kind: 'enterprise', creditCode: 'ABC' },
    });
    expect(bad.json()).toMatchObject({ code: 'validation.failed' });
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/buildings',
          ...as(dispatcher),
          payload: { villageId, name: '3号楼', floors: 18, lon: 113.705, lat: 34.745 },
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/key-places',
          ...as(dispatcher),
          payload: { villageId, name: '致知加油站', kind: 'hazardous' },
        })
      ).statusCode,
    ).toBe(201);
    // The demo township has places of its own (the owners' vote estate's building): count the new ones by name.
    const created: Record<string, string> = {
      organisations: '致知便民超市',
      buildings: '3号楼',
      'key-places': '致知加油站',
    };
    const gridworker = await login(t.app, 'gridworker');
    for (const [path, name] of Object.entries(created)) {
      const names = async (s: typeof dispatcher) =>
        ((await t.app.inject({ method: 'GET', url: `/api/${path}`, ...as(s) })).json().items as { name: string }[])
          .map((i) => i.name)
          .filter((n) => n === name);
      expect(await names(dispatcher)).toEqual([name]);
      // The grid worker's scope is their own grid, which the new place is not in.
      expect(await names(gridworker)).toEqual([]);
    }
  });

  it('imports organisations from CSV with per-cell errors', async () => {
    const csv =
      '名称,类型,统一社会信用代码,从业人数,村（社区）代码\n甲公司,企业,91410104MA44TYWW2J,20,410104001001\n乙,神秘组织,,x,410104001001';
    const up = await t.app.inject({
      method: 'POST',
      url: '/api/imports?kind=organisations&format=csv',
      ...as(dispatcher, { 'content-type': 'application/octet-stream' }),
      body: csv,
    });
    let job = up.json();
    while (job.status === 'validating') {
      await new Promise((r) => setTimeout(r, 25)); // let the background pass read the file
      job = (await t.app.inject({ method: 'GET', url: `/api/imports/${job.id}`, ...as(dispatcher) })).json();
    }
    expect(job.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual([
      '3:类型',
      '3:从业人数',
    ]);
  });
});

describe("a key place's check-in radius", () => {
  it('the township centre and the county admin set it within 20–500 m; others are refused, nothing changes', async () => {
    const { addUser } = await import('../../../test/app.ts');
    await addUser(t.database, { username: 'centre_zhixing_r', role: 'dispatcher', regionCode: '410104002' });
    const villageId = await regionIdByCode(t.database, '410104001001');
    const centre = await login(t.app, 'dispatcher');
    const call = (s: Session, url: string, payload: object, method: 'PUT' | 'POST' = 'PUT') =>
      t.app.inject({ method, url, ...as(s), payload });
    const made = await call(
      centre,
      '/api/key-places',
      { villageId, name: '明德小学', kind: 'school', lon: 113.7, lat: 34.74 },
      'POST',
    );
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().radiusM).toBeNull(); // the school default (100 m) applies
    const url = `/api/key-places/${made.json().id}/radius`;
    const set = await call(centre, url, { radiusM: 60 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ name: '明德小学', radiusM: 60 });
    for (const radiusM of [19, 501, 1000]) {
      const bad = await call(centre, url, { radiusM });
      expect(bad.statusCode).toBe(422);
      expect(bad.json()).toMatchObject({
        code: 'place.radius_out_of_range',
        message: '签到半径应为 20 至 500 米之间的整数',
      });
    }
    expect((await call(centre, url, { radiusM: 60.5 })).statusCode).toBe(400);
    const admin = await login(t.app, 'admin');
    expect((await call(admin, url, { radiusM: 500 })).json()).toMatchObject({ radiusM: 500 });
    const other = await login(t.app, 'centre_zhixing_r');
    const out = await call(other, url, { radiusM: 20 });
    expect(out.statusCode).toBe(404);
    expect(out.json().code).toBe('place.not_found');
    expect((await call(await login(t.app, 'gridworker'), url, { radiusM: 20 })).statusCode).toBe(403);
    const list = await t.app.inject({ method: 'GET', url: `/api/key-places?villageId=${villageId}`, ...as(centre) });
    expect(list.json().items.find((p: { id: string }) => p.id === made.json().id).radiusM).toBe(500);
    expect((await call(centre, url, { radiusM: null })).json()).toMatchObject({ radiusM: null });
    // The county admin reads the key places whose radius it sets (no personal data), not the organisations.
    const read = (path: string) => t.app.inject({ method: 'GET', url: path, ...as(admin) });
    const places = await read('/api/key-places');
    expect(places.statusCode, places.body).toBe(200);
    expect(places.json().items.find((p: { id: string }) => p.id === made.json().id)).toMatchObject({
      name: '明德小学',
      radiusM: null,
    });
    expect((await read('/api/organisations')).statusCode).toBe(403);
  });
});
