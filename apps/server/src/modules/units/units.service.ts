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
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { findRegionInScope } from '../regions/regions.repository.ts';
import { findUserInScope } from '../users/users.repository.ts';
import * as repo from './units.repository.ts';
import { regionNotFound } from '../regions/regions.errors.ts';

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
  if (!isDepartmentKind(kind))
    throw badRequest('unit.bad_kind', `未知的职能部门类型：${kind}`, [
      { path: 'kind', message: '应为权责配置中的部门类型' },
    ]);
  return kind;
}

function checkKindAtLevel(kind: DepartmentKind, level: string) {
  if (kind === 'village_committee' && level !== 'village')
    throw badRequest('unit.kind_level_mismatch', '村(居)民委员会只能设在村（社区）');
}

const nameTaken = () => conflict('unit.name_taken', '同一区划下已有同类型、同名称的单位');

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
  if (!name) throw badRequest('unit.name_required', '单位名称不能为空', [{ path: 'name', message: '不能为空' }]);
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
  if (!row) throw notFound('unit.not_found', '单位不存在或不在您的管辖范围内');
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
  if (name === '') throw badRequest('unit.name_required', '单位名称不能为空', [{ path: 'name', message: '不能为空' }]);
  try {
    return await deps.db.transaction(async (tx) => {
      const { row } = await loadUnit(tx, ctx, id);
      if (row.unit.retiredAt) throw conflict('unit.retired', '该单位已撤销，不能修改');
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
    if (row.unit.retiredAt) throw conflict('unit.retired', '该单位已撤销');
    if (row.members > 0)
      throw conflict('unit.has_members', `该单位仍有 ${row.members} 个处置账号，请先调整这些账号的所属单位`);
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
    if (!target) throw notFound('user.not_found', '用户不存在或不在您的管辖范围内');
    let unit: repo.UnitWithRegion | null = null;
    if (unitId !== null) {
      if (!target.user.roles.includes('handler'))
        throw badRequest('unit.user_not_handler', '只有处置单位（职能部门）角色的账号可以归属单位');
      unit = await repo.findUnitInScope(tx, actor, unitId);
      if (!unit) throw notFound('unit.not_found', '单位不存在或不在您的管辖范围内');
      if (unit.unit.retiredAt) throw conflict('unit.retired', '该单位已撤销，不能再归属账号');
      if (!unit.unit.regionPath.startsWith(target.region.path))
        throw badRequest('unit.outside_user_region', `单位须在该账号所属区划（${target.region.name}）范围内`);
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
