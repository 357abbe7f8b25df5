import ExcelJS from 'exceljs';
import { and, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { authorize, inScope } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { regions } from '../regions/regions.table.ts';
import { grids } from '../grids/grids.table.ts';
import { houses, residentHouses, residents, specialPopulations } from '../people/people.table.ts';
import { regionNotFound } from '../regions/regions.errors.ts';

export type StatsDeps = { db: Db; clock: Clock };

/**
 * 一表通: tallies derived from the base data as it was entered, never typed in again — elderly
 * living alone per village, rental houses and tenants per grid, special populations per risk level
 * per township. Optionally narrowed to one region of the caller's scope.
 */
export async function tallies(deps: StatsDeps, ctx: RequestContext, q: { regionId?: string }) {
  const actor = authorize(ctx, 'stats.read');
  let scope = { regionPath: actor.regionPath };
  if (q.regionId) {
    const [r] = await deps.db
      .select({ path: regions.path })
      .from(regions)
      .where(and(eq(regions.id, q.regionId), inScope(actor, regions.path)));
    if (!r) throw regionNotFound();
    scope = { regionPath: r.path };
  }
  const township = sql<string>`split_part(${specialPopulations.regionPath}, '/', 5)`;
  const [elderly, rentals, special] = await Promise.all([
    deps.db
      .select({
        villageId: regions.id,
        villageCode: regions.code,
        villageName: regions.name,
        count: count(residents.id),
      })
      .from(regions)
      .leftJoin(
        residents,
        and(eq(residents.villageId, regions.id), sql`${residents.categories} @> ARRAY['elderly_alone']::text[]`),
      )
      .where(and(eq(regions.level, 'village'), inScope(scope, regions.path)))
      .groupBy(regions.id, regions.code, regions.name)
      .orderBy(regions.code),
    deps.db
      .select({
        gridId: grids.id,
        gridCode: grids.code,
        gridName: grids.name,
        rentalHouses: sql<number>`count(DISTINCT ${houses.id})::int`,
        tenants: sql<number>`count(${residentHouses.residentId}) FILTER (WHERE ${residentHouses.relation} = 'tenant')::int`,
      })
      .from(grids)
      .leftJoin(houses, and(eq(houses.gridId, grids.id), eq(houses.usage, 'rental')))
      .leftJoin(residentHouses, eq(residentHouses.houseId, houses.id))
      .where(and(inScope(scope, grids.regionPath), sql`${grids.kind} <> 'micro'`, sql`${grids.retiredAt} IS NULL`))
      .groupBy(grids.id, grids.code, grids.name)
      .orderBy(grids.code),
    deps.db
      .select({ townshipCode: township, riskLevel: specialPopulations.riskLevel, count: count() })
      .from(specialPopulations)
      .where(and(inScope(scope, specialPopulations.regionPath), eq(specialPopulations.status, 'active')))
      .groupBy(township, specialPopulations.riskLevel),
  ]);
  const townshipNames = new Map(
    (
      await deps.db
        .select({ code: regions.code, id: regions.id, name: regions.name })
        .from(regions)
        .where(eq(regions.level, 'township'))
    ).map((t) => [t.code, t]),
  );
  return {
    elderlyAlonePerVillage: elderly.map((e) => ({
      villageId: e.villageId,
      villageCode: e.villageCode,
      villageName: e.villageName,
      count: e.count,
    })),
    rentalsPerGrid: rentals,
    specialPerRiskPerTownship: special
      .map((s) => ({
        townshipId: townshipNames.get(s.townshipCode)?.id ?? null,
        townshipCode: s.townshipCode,
        townshipName: townshipNames.get(s.townshipCode)?.name ?? s.townshipCode,
        riskLevel: s.riskLevel,
        count: s.count,
      }))
      .sort((a, b) => a.townshipCode.localeCompare(b.townshipCode) || a.riskLevel.localeCompare(b.riskLevel)),
  };
}

const RISK = { low: '低', medium: '中', high: '高' } as const;

/** The same tallies as an Excel workbook, one sheet each. */
export async function talliesWorkbook(deps: StatsDeps, ctx: RequestContext, q: { regionId?: string }): Promise<Buffer> {
  const t = await tallies(deps, ctx, q);
  await recordAudit(deps.db, deps.clock, ctx, { action: 'export.tallies', detail: { regionId: q.regionId ?? null } });
  const wb = new ExcelJS.Workbook();
  const sheet = (name: string, header: string[], rows: (string | number)[][]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(header).font = { bold: true };
    rows.forEach((r) => ws.addRow(r));
    ws.columns.forEach((c) => (c.width = 18));
  };
  sheet(
    '独居老人（按村社区）',
    ['村（社区）代码', '村（社区）', '独居老人数'],
    t.elderlyAlonePerVillage.map((e) => [e.villageCode, e.villageName, e.count]),
  );
  sheet(
    '出租屋与租户（按网格）',
    ['网格编码', '网格', '出租屋数', '租户数'],
    t.rentalsPerGrid.map((r) => [r.gridCode, r.gridName, r.rentalHouses, r.tenants]),
  );
  sheet(
    '特殊人群（按乡镇、风险等级）',
    ['乡镇（街道）', '风险等级', '人数'],
    t.specialPerRiskPerTownship.map((s) => [s.townshipName, RISK[s.riskLevel], s.count]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
