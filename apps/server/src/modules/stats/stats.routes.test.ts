import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { as, createTestApp, login, regionIdByCode, type TestApp } from '../../../test/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('一表通 tallies', () => {
  it('follow from the base data as entered, and move when it changes', async () => {
    const leader = await login(t.app, 'leader');
    const before = (await t.app.inject({ method: 'GET', url: '/api/stats/tallies', ...as(leader) })).json();
    const [expected] = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM residents WHERE 'elderly_alone' = ANY(categories)`,
    );
    const total = before.elderlyAlonePerVillage.reduce((s: number, v: { count: number }) => s + v.count, 0);
    expect(total).toBe(expected?.n);
    expect(before.elderlyAlonePerVillage).toHaveLength(8);
    const [rentals] = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM houses WHERE usage = 'rental'`,
    );
    expect(before.rentalsPerGrid.reduce((s: number, g: { rentalHouses: number }) => s + g.rentalHouses, 0)).toBe(
      rentals?.n,
    );
    expect(before.rentalsPerGrid.some((g: { tenants: number }) => g.tenants > 0)).toBe(true);
    expect(before.specialPerRiskPerTownship.every((x: { townshipName: string }) => x.townshipName === '格物街道')).toBe(
      true,
    );

    const dispatcher = await login(t.app, 'dispatcher');
    const village = await regionIdByCode(t.database, '410104001003');
    await t.app.inject({
      method: 'POST',
      url: '/api/residents',
      ...as(dispatcher),
      payload: { villageId: village, name: '新登记独居老人', categories: ['elderly_alone'] },
    });
    const after = (await t.app.inject({ method: 'GET', url: '/api/stats/tallies', ...as(leader) })).json();
    const count = (x: { elderlyAlonePerVillage: { villageCode: string; count: number }[] }) =>
      x.elderlyAlonePerVillage.find((v) => v.villageCode === '410104001003')?.count ?? 0;
    expect(count(after)).toBe(count(before) + 1);
  });

  it('exports to Excel, and are not for roles without stats', async () => {
    const leader = await login(t.app, 'leader');
    const res = await t.app.inject({ method: 'GET', url: '/api/stats/tallies/export', ...as(leader) });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '独居老人（按村社区）',
      '出租屋与租户（按网格）',
      '特殊人群（按乡镇、风险等级）',
    ]);
    expect(wb.worksheets[1]?.rowCount).toBeGreaterThan(10);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/stats/tallies', ...as(await login(t.app, 'handler')) }))
        .statusCode,
    ).toBe(403);
  });
});
