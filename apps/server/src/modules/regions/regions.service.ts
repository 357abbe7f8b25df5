import { type Region, type RegionLevel, checkRegionCode, childLevel, levelName } from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { authorize } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import * as repo from './regions.repository.ts';
import { noChildLevel, parentRegionNotFound, regionCodeInvalid, regionCodeTaken } from './regions.errors.ts';

export type RegionsDeps = { db: Db; clock: Clock };

export function toRegionView(row: repo.RegionRow): Region {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    level: row.level as RegionLevel,
    parentId: row.parentId,
    path: row.path,
    boundary: row.boundary ?? null,
  };
}

/** The caller's region and everything under it (only that subtree). */
export async function listRegions(deps: RegionsDeps, ctx: RequestContext): Promise<Region[]> {
  const actor = authorize(ctx, 'region.read');
  return (await repo.listRegionsInScope(deps.db, actor)).map(toRegionView);
}

/** Adds a child node under a region in the caller's scope; the code must extend the parent's. */
export async function createRegion(
  deps: RegionsDeps,
  ctx: RequestContext,
  input: { parentId: string; code: string; name: string },
) {
  const actor = authorize(ctx, 'region.manage');
  return deps.db.transaction(async (tx) => {
    const parent = await repo.findRegionInScope(tx, actor, input.parentId);
    if (!parent) throw parentRegionNotFound();
    const level = childLevel(parent.level as RegionLevel);
    if (!level) throw noChildLevel(levelName(parent.level as RegionLevel));
    const reason = checkRegionCode(level, input.code, parent.code);
    if (reason) throw regionCodeInvalid(reason);
    if (await repo.findRegionByCode(tx, input.code)) throw regionCodeTaken(input.code);
    const row = await repo.insertRegion(tx, {
      code: input.code,
      name: input.name,
      level,
      parentId: parent.id,
      path: `${parent.path}${input.code}/`,
    });
    await recordAudit(tx, deps.clock, ctx, {
      action: 'region.create',
      targetType: 'region',
      targetId: row.id,
      regionPath: row.path,
      detail: { code: row.code, name: row.name },
    });
    return toRegionView(row);
  });
}
