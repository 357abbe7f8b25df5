import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { authorize } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { regionNotFound } from '../regions/regions.errors.ts';
import * as repo from './stats.repository.ts';

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
    const path = await repo.regionPathInScope(deps.db, actor, q.regionId);
    if (path === null) throw regionNotFound();
    scope = { regionPath: path };
  }
  const [elderly, rentals, special] = await Promise.all([
    repo.elderlyAlonePerVillage(deps.db, scope),
    repo.rentalsPerGrid(deps.db, scope),
    repo.specialPerRiskPerTownship(deps.db, scope),
  ]);
  const townshipNames = new Map((await repo.allTownships(deps.db)).map((t) => [t.code, t]));
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
