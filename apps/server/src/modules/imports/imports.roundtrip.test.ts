import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, type Session, type TestApp } from '../../../test/app.ts';

let t: TestApp;
let admin: Session;
let dispatcher: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
  dispatcher = await login(t.app, 'dispatcher');
});
afterAll(async () => {
  await t.close();
});

async function importCsv(s: Session, kind: string, csv: string) {
  let job = (
    await t.app.inject({
      method: 'POST',
      url: `/api/imports?kind=${kind}&format=csv`,
      ...as(s, { 'content-type': 'application/octet-stream' }),
      body: csv,
    })
  ).json();
  const settle = async () => {
    while (job.status === 'validating' || job.status === 'committing') {
      await new Promise((r) => setTimeout(r, 25));
      job = (await t.app.inject({ method: 'GET', url: `/api/imports/${job.id}`, ...as(s) })).json();
    }
  };
  await settle();
  if (job.status === 'validated') {
    await t.app.inject({ method: 'POST', url: `/api/imports/${job.id}/commit`, ...as(s) });
    job.status = 'committing';
    await settle();
  }
  return job;
}

describe('export → edit → import again', () => {
  it('grid attributes: the exported sheet, edited, updates the grids', async () => {
    const csv = (
      await t.app.inject({ method: 'GET', url: '/api/exports/grids?format=csv', ...as(admin) })
    ).body.replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe('网格编码,名称,户数,类型,村（社区）代码,面积（平方米）');
    const edited = [
      lines[0],
      ...lines
        .slice(1)
        .map((l) =>
          l.startsWith('410104001001002,') ? l.replace(/^([^,]+),([^,]+),(\d+)/, '$1,明德社区二网格,321') : l,
        ),
    ].join('\n');
    const job = await importCsv(admin, 'grids', edited);
    expect(job).toMatchObject({ status: 'committed', errorCount: 0 });
    const grid = (await t.app.inject({ method: 'GET', url: '/api/grids', ...as(admin) }))
      .json()
      .items.find((g: { code: string }) => g.code === '410104001001002');
    expect(grid).toMatchObject({ name: '明德社区二网格', households: 321 });
    const bad = await importCsv(admin, 'grids', '网格编码,户数\n410104009009009,1\n410104001001001,-5');
    expect(bad.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual([
      '2:网格编码',
      '3:户数',
    ]);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/imports?kind=grids&format=csv',
          ...as(dispatcher, { 'content-type': 'application/octet-stream' }),
          body: 'x',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('houses and organisations export with the import columns', async () => {
    const houses = (
      await t.app.inject({ method: 'GET', url: '/api/exports/houses?format=csv', ...as(dispatcher) })
    ).body
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/);
    expect(houses[0]).toBe('地址,用途,面积（平方米）,村（社区）代码,网格编码');
    expect(houses.length).toBeGreaterThan(800);
    const again = await importCsv(dispatcher, 'houses', houses.slice(0, 4).join('\n'));
    expect(again).toMatchObject({ status: 'committed', totalRows: 3 });
    const orgs = await t.app.inject({
      method: 'GET',
      url: '/api/exports/organisations?format=xlsx',
      ...as(dispatcher),
    });
    expect(orgs.headers['content-type']).toMatch(/spreadsheetml/);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/exports/houses?format=csv',
          ...as(await login(t.app, 'handler')),
        })
      ).statusCode,
    ).toBe(403);
  });
});
