import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { authorize } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { HouseRow, OrganisationRow } from '../people/people.repository.ts';
import { ORG_KIND_LABELS, USAGE_LABELS } from './imports.columns.ts';
import type { Sheet } from './imports.export.ts';
import { gridsForExport, placesForExport } from './imports.repository.ts';

const invert = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).map(([label, key]) => [key, label]));
const USAGE = invert(USAGE_LABELS);
const ORG_KIND = invert(ORG_KIND_LABELS);
const GRID_KIND: Record<string, string> = {
  urban_community: '城市社区网格',
  rural: '农村网格',
  dedicated: '专属网格',
  micro: '微网格',
};

/**
 * Exports of houses, organisations and grid attributes. Their columns are the import columns
 * (plus read-only extras at the end), so an exported file can be corrected and imported again.
 */
export async function exportTable(
  deps: { db: Db; clock: Clock },
  ctx: RequestContext,
  kind: 'houses' | 'organisations' | 'grids',
): Promise<Sheet> {
  // Grid attributes hold no personal data: whoever sees grids may export them.
  const actor = kind === 'grids' ? authorize(ctx, 'grid.read') : authorize(ctx, 'base.export');
  if (kind !== 'grids') authorize(ctx, 'person.read');
  await recordAudit(deps.db, deps.clock, ctx, { action: `export.${kind}` });
  if (kind === 'grids') {
    const rows = await gridsForExport(deps.db, actor);
    return {
      header: ['网格编码', '名称', '户数', '类型', '村（社区）代码', '面积（平方米）'],
      rows: rows.map(({ g, villageCode, area }) => [
        g.code,
        g.name,
        g.households,
        GRID_KIND[g.kind] ?? g.kind,
        villageCode,
        area === null ? null : Math.round(area),
      ]),
    };
  }
  const rows = await placesForExport(deps.db, actor, kind);
  if (kind === 'houses') {
    return {
      header: ['地址', '用途', '面积（平方米）', '村（社区）代码', '网格编码'],
      rows: rows.map(({ r, villageCode, gridCode }) => {
        const h = r as HouseRow;
        return [h.address, USAGE[h.usage] ?? h.usage, h.areaM2, villageCode, gridCode];
      }),
    };
  }
  return {
    header: ['名称', '类型', '统一社会信用代码', '地址', '从业人数', '村（社区）代码', '网格编码'],
    rows: rows.map(({ r, villageCode, gridCode }) => {
      const o = r as OrganisationRow;
      return [o.name, ORG_KIND[o.kind] ?? o.kind, o.creditCode, o.address, o.employees, villageCode, gridCode];
    }),
  };
}
