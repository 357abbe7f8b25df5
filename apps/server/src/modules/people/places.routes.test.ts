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
