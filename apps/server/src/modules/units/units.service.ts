import {
  DEPARTMENT_KINDS,
  DEPARTMENT_KIND_LABELS,
  type DepartmentKind,
  type UnitView,
  type UserUnitView,
} from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { authorize } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { findRegionInScope } from '../regions/regions.repository.ts';
import { findUserInScope } from '../users/users.repository.ts';
import * as repo from './units.repository.ts';
import { regionNotFound } from '../regions/regions.errors.ts';
import {
  unitBadKind,
  unitHasMembers,
  unitKindLevelMismatch,
  unitNameRequired,
  unitNameTaken,
  unitNotFound,
  unitOutsideUserRegion,
  unitRetired,
  unitUserNotHandler,
  userNotFound,
} from './units.errors.ts';

export { findResponsibleUnit, unitOfUser, type UnitRow } from './units.repository.ts';

export type UnitsDeps = { db: Db; clock: Clock };

function isDepartmentKind(kind: string): kind is DepartmentKind {
  return (DEPARTMENT_KINDS as readonly string[]).includes(kind);
}

function toView({ unit, region, members }: repo.UnitWithRegion): UnitView {
  return {
    id: unit.id,
    regionId: region.id,
    regionCode: region.code,
    regionName: region.name,
    regionLevel: region.level,
    kind: unit.kind,
    kindLabel: isDepartmentKind(unit.kind) ? DEPARTMENT_KIND_LABELS[unit.kind] : unit.kind,
    name: unit.name,
    members,
    createdAt: unit.createdAt.toISOString(),
    retiredAt: unit.retiredAt?.toISOString() ?? null,
  };
}

function checkKind(kind: string): DepartmentKind {
  if (!isDepartmentKind(kind)) throw unitBadKind(kind);
  return kind;
}

function checkKindAtLevel(kind: DepartmentKind, level: string) {
  if (kind === 'village_committee' && level !== 'village') throw unitKindLevelMismatch();
}

const nameTaken = () => unitNameTaken();

/** Units inside the caller's region (optionally also those above it), by kind and region. */
export async function listUnits(
  deps: UnitsDeps,
  ctx: RequestContext,
  q: { kind?: string; regionId?: string; includeRetired?: boolean; withAncestors?: boolean },
): Promise<UnitView[]> {
  const actor = authorize(ctx, 'region.read');
  let underPath: string | undefined;
  if (q.regionId) {
    const region = await findRegionInScope(deps.db, actor, q.regionId);
    if (!region) throw regionNotFound();
    underPath = region.path;
  }
  const rows = await repo.listUnits(deps.db, actor, {
    kind: q.kind,
    underPath,
    includeRetired: q.includeRetired,
    withAncestors: q.withAncestors && !underPath,
  });
  return rows.map(toView);
}

/** Creates a handling unit (处置单位) of a department kind at a region in the admin's scope. */
export async function createUnit(
  deps: UnitsDeps,
  ctx: RequestContext,
  input: { regionId: string; kind: string; name: string },
): Promise<UnitView> {
  const actor = authorize(ctx, 'unit.manage');
  const kind = checkKind(input.kind);
  const name = input.name.trim();
  if (!name) throw unitNameRequired();
  try {
    return await deps.db.transaction(async (tx) => {
      const region = await findRegionInScope(tx, actor, input.regionId);
      if (!region) throw regionNotFound();
      checkKindAtLevel(kind, region.level);
      const unit = await repo.insertUnit(tx, {
        regionId: region.id,
        regionPath: region.path,
        kind,
        name,
        createdAt: deps.clock.now(),
      });
      await recordAudit(tx, deps.clock, ctx, {
        action: 'unit.create',
        targetType: 'unit',
        targetId: unit.id,
        regionPath: unit.regionPath,
        detail: { kind, name, region: region.code },
      });
      return toView({ unit, region, members: 0 });
    });
  } catch (e) {
    if (repo.isUniqueViolation(e)) throw nameTaken();
    throw e;
  }
}

async function loadUnit(db: Db, ctx: RequestContext, id: string) {
  const actor = authorize(ctx, 'unit.manage');
  const row = await repo.findUnitInScope(db, actor, id);
  if (!row) throw unitNotFound();
  return { actor, row };
}

/** Renames a unit or changes its department kind. */
export async function updateUnit(
  deps: UnitsDeps,
  ctx: RequestContext,
  id: string,
  input: { name?: string; kind?: string },
): Promise<UnitView> {
  const kind = input.kind === undefined ? undefined : checkKind(input.kind);
  const name = input.name?.trim();
  if (name === '') throw unitNameRequired();
  try {
    return await deps.db.transaction(async (tx) => {
      const { row } = await loadUnit(tx, ctx, id);
      if (row.unit.retiredAt) throw unitRetired();
      if (kind) checkKindAtLevel(kind, row.region.level);
      const set = { ...(name ? { name } : {}), ...(kind ? { kind } : {}) };
      if (Object.keys(set).length === 0) return toView(row);
      await repo.updateUnit(tx, id, set);
      await recordAudit(tx, deps.clock, ctx, {
        action: 'unit.update',
        targetType: 'unit',
        targetId: id,
        regionPath: row.unit.regionPath,
        detail: { before: { name: row.unit.name, kind: row.unit.kind }, after: set },
      });
      return toView({ ...row, unit: { ...row.unit, ...set } });
    });
  } catch (e) {
    if (repo.isUniqueViolation(e)) throw nameTaken();
    throw e;
  }
}

/** Retires (撤销) a unit: it is no longer chosen for new cases. Its accounts must be moved first. */
export async function retireUnit(deps: UnitsDeps, ctx: RequestContext, id: string): Promise<UnitView> {
  return deps.db.transaction(async (tx) => {
    const { row } = await loadUnit(tx, ctx, id);
    if (row.unit.retiredAt) throw unitRetired();
    if (row.members > 0) throw unitHasMembers(row.members);
    const retiredAt = deps.clock.now();
    await repo.updateUnit(tx, id, { retiredAt });
    await recordAudit(tx, deps.clock, ctx, {
      action: 'unit.retire',
      targetType: 'unit',
      targetId: id,
      regionPath: row.unit.regionPath,
      detail: { name: row.unit.name, kind: row.unit.kind },
    });
    return toView({ ...row, unit: { ...row.unit, retiredAt } });
  });
}

/**
 * Puts a handler account into a unit (or takes it out with null). The unit must lie in the admin's
 * scope and inside the account's own region, so the account can see the cases sent to its unit.
 */
export async function setUserUnit(
  deps: UnitsDeps,
  ctx: RequestContext,
  userId: string,
  unitId: string | null,
): Promise<UserUnitView> {
  return deps.db.transaction(async (tx) => {
    const actor = authorize(ctx, 'unit.manage');
    const target = await findUserInScope(tx, actor, userId);
    if (!target) throw userNotFound();
    let unit: repo.UnitWithRegion | null = null;
    if (unitId !== null) {
      if (!target.user.roles.includes('handler')) throw unitUserNotHandler();
      unit = await repo.findUnitInScope(tx, actor, unitId);
      if (!unit) throw unitNotFound();
      if (unit.unit.retiredAt) throw unitRetired();
      if (!unit.unit.regionPath.startsWith(target.region.path)) throw unitOutsideUserRegion(target.region.name);
    }
    const previous = target.user.unitId;
    if (previous !== unitId) {
      await repo.setUserUnitId(tx, userId, unitId);
      await recordAudit(tx, deps.clock, ctx, {
        action: 'user.set_unit',
        targetType: 'user',
        targetId: userId,
        regionPath: target.region.path,
        detail: { username: target.user.username, previousUnitId: previous, unitId, unitName: unit?.unit.name ?? null },
      });
    }
    return {
      userId,
      username: target.user.username,
      displayName: target.user.displayName,
      unitId,
      unitName: unit?.unit.name ?? null,
    };
  });
}
