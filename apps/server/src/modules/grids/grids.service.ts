import type { GridCheck, GridDetailView, GridDuty, GridView } from '@gewu/domain';
import {
  ASSIGNEE_LEVELS,
  DUTY_ROLES,
  type RegionLevel,
  type Role,
  normalizePhone,
  checkPhone,
  maskPhone,
} from '@gewu/domain';
import { type Crs, findGaps, findOverlaps, toWgs84 } from '@gewu/geo';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { authorize } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { badRequest } from '../../platform/errors.ts';
import type { PiiCipher } from '../../platform/pii.ts';
import { findRegionInScope } from '../regions/regions.repository.ts';
import { findUserInScope } from '../users/users.repository.ts';
import { canonicalJson } from '../../platform/audit/audit.chain.ts';
import type { GridLocator } from './grids.index.ts';
import { areaM2, assertInsideParent, bboxOf, checkedBoundary } from './grids.geometry.ts';
import * as repo from './grids.repository.ts';
import { villageNotFound } from '../regions/regions.errors.ts';
import {
  assigneePhoneInvalid,
  gridAssigneeNotFound,
  gridAssignmentNotFound,
  gridBadParent,
  gridCodeTaken,
  gridDedicatedKindRequired,
  gridMicroNeedsParent,
  gridNotFound,
  gridParentNotVillage,
  gridParentOnlyForMicro,
} from './grids.errors.ts';

export type GridsDeps = { db: Db; clock: Clock; pii: PiiCipher; gridLocator: GridLocator };

type Raw = { type: string; coordinates: unknown[] };

export function toGridView(row: { grid: repo.GridRow; boundary: repo.BoundaryRow | null }): GridView {
  const { grid, boundary } = row;
  return {
    id: grid.id,
    code: grid.code,
    name: grid.name,
    kind: grid.kind,
    dedicatedKind: grid.dedicatedKind,
    villageId: grid.villageId,
    parentGridId: grid.parentGridId,
    households: grid.households,
    boundary: boundary?.geometry ?? null,
    areaM2: boundary ? Math.round(boundary.areaM2) : null,
    boundaryValidFrom: boundary?.validFrom.toISOString() ?? null,
  };
}

export async function listGrids(deps: GridsDeps, ctx: RequestContext, q: { villageId?: string; kind?: string }) {
  const actor = authorize(ctx, 'grid.read');
  return (await repo.listGridsInScope(deps.db, actor, q)).map(toGridView);
}

async function loadGrid(db: Db, ctx: RequestContext, id: string, action: 'grid.read' | 'grid.manage') {
  const actor = authorize(ctx, action);
  const row = await repo.findGridInScope(db, actor, id);
  if (!row) throw gridNotFound();
  return { actor, row };
}

/** How many residents and houses a grid holds: the people module counts them (grids know no module above them). */
export type CountPeopleInGrid = (db: Db, gridId: string) => Promise<{ residents: number; houses: number }>;

/** A grid with who is responsible for it and how many households, residents and houses it holds. */
export async function getGrid(
  deps: GridsDeps,
  ctx: RequestContext,
  id: string,
  countPeople: CountPeopleInGrid,
): Promise<GridDetailView> {
  const { row } = await loadGrid(deps.db, ctx, id, 'grid.read');
  const [assignments, people, history] = await Promise.all([
    repo.currentAssignments(deps.db, [id]),
    countPeople(deps.db, id),
    repo.boundaryHistory(deps.db, id),
  ]);
  return {
    ...toGridView(row),
    assignments: assignments.map((a) => ({
      id: a.id,
      duty: a.duty,
      userId: a.userId,
      personName: a.personName,
      phoneMasked: a.phoneMasked,
      validFrom: a.validFrom.toISOString(),
    })),
    residentCount: people.residents,
    houseCount: people.houses,
    boundaryVersions: history.length,
  };
}

export interface CreateGridInput {
  villageId: string;
  parentGridId?: string;
  seq: string;
  name: string;
  kind: GridView['kind'];
  dedicatedKind?: string;
  households: number;
  boundary?: Raw;
  crs: Crs;
}

/** Creates a unit grid (code = village code + seq) or a micro-grid (code = unit grid code + seq). */
export async function createGrid(deps: GridsDeps, ctx: RequestContext, input: CreateGridInput): Promise<GridView> {
  const actor = authorize(ctx, 'grid.manage');
  const geometry = input.boundary ? checkedBoundary(input.boundary, input.crs) : null;
  const now = deps.clock.now();
  const view = await deps.db.transaction(async (tx) => {
    const village = await findRegionInScope(tx, actor, input.villageId);
    if (!village) throw villageNotFound();
    if (village.level !== 'village') throw gridParentNotVillage();
    let parent: Awaited<ReturnType<typeof repo.findGridInScope>> = null;
    if (input.kind === 'micro') {
      if (!input.parentGridId) throw gridMicroNeedsParent();
      parent = await repo.findGridInScope(tx, actor, input.parentGridId);
      if (!parent || parent.grid.villageId !== village.id || parent.grid.kind === 'micro') throw gridBadParent();
    } else if (input.parentGridId) {
      throw gridParentOnlyForMicro();
    }
    if (input.kind === 'dedicated' && !input.dedicatedKind) throw gridDedicatedKindRequired();
    const code = `${parent ? parent.grid.code : village.code}${input.seq}`;
    if (await repo.gridCodeExists(tx, code)) throw gridCodeTaken(code);
    if (geometry)
      assertInsideParent(
        geometry,
        parent ? (parent.boundary?.geometry ?? null) : (village.boundary ?? null),
        parent ? parent.grid.name : village.name,
      );
    const grid = await repo.insertGrid(tx, {
      code,
      name: input.name,
      kind: input.kind,
      dedicatedKind: input.dedicatedKind ?? null,
      villageId: village.id,
      parentGridId: parent?.grid.id ?? null,
      regionPath: `${village.path}${code}/`,
      households: input.households,
    });
    const boundary = geometry
      ? await repo.replaceBoundary(tx, grid.id, geometry, bboxOf(geometry), areaM2(geometry), now, actor.id)
      : null;
    await repo.bumpChangeCounter(tx, 'grids');
    await recordAudit(tx, deps.clock, ctx, {
      action: 'grid.create',
      targetType: 'grid',
      targetId: grid.id,
      regionPath: grid.regionPath,
      detail: { code, name: grid.name, kind: grid.kind },
    });
    return toGridView({ grid, boundary });
  });
  deps.gridLocator.invalidate();
  return view;
}

export async function updateGrid(
  deps: GridsDeps,
  ctx: RequestContext,
  id: string,
  input: { name?: string; households?: number },
) {
  const view = await deps.db.transaction(async (tx) => {
    const { row } = await loadGrid(tx, ctx, id, 'grid.manage');
    await repo.updateGrid(tx, id, input);
    await recordAudit(tx, deps.clock, ctx, {
      action: 'grid.update',
      targetType: 'grid',
      targetId: id,
      regionPath: row.grid.regionPath,
      detail: input,
    });
    return toGridView({ grid: { ...row.grid, ...input }, boundary: row.boundary });
  });
  return view;
}

/** Draws or redraws a grid's boundary as a new version; the previous one is kept with its validity. */
export async function setGridBoundary(deps: GridsDeps, ctx: RequestContext, id: string, raw: Raw, crs: Crs) {
  const geometry = checkedBoundary(raw, crs);
  const now = deps.clock.now();
  const view = await deps.db.transaction(async (tx) => {
    const { actor, row } = await loadGrid(tx, ctx, id, 'grid.manage');
    // Saving the same shape again is not a change: no new version, nothing to audit.
    if (row.boundary && canonicalJson(row.boundary.geometry) === canonicalJson(geometry))
      return { view: toGridView(row), changed: false };
    const parent = row.grid.parentGridId ? await repo.findGridInScope(tx, actor, row.grid.parentGridId) : null;
    const village = parent ? null : await findRegionInScope(tx, actor, row.grid.villageId);
    assertInsideParent(
      geometry,
      parent ? (parent.boundary?.geometry ?? null) : (village?.boundary ?? null),
      parent?.grid.name ?? village?.name ?? '',
    );
    const boundary = await repo.replaceBoundary(tx, id, geometry, bboxOf(geometry), areaM2(geometry), now, actor.id);
    await repo.bumpChangeCounter(tx, 'grids');
    await recordAudit(tx, deps.clock, ctx, {
      action: 'grid.set_boundary',
      targetType: 'grid',
      targetId: id,
      regionPath: row.grid.regionPath,
      detail: { boundaryVersion: boundary.id, areaM2: Math.round(boundary.areaM2), crs },
    });
    return { view: toGridView({ grid: row.grid, boundary }), changed: true };
  });
  if (view.changed) deps.gridLocator.invalidate();
  return view.view;
}

const DUTY_ROLE_NAMES: Record<string, string> = { grid_worker: '网格员', handler: '处置单位人员', mediator: '调解员' };

/**
 * The account named by an assignment must exist in the actor's scope (else 404, as for any user),
 * be active, sit at the grid's township or village (ASSIGNEE_LEVELS) with the grid inside its
 * region, and hold the role the duty needs (DUTY_ROLES).
 */
async function assertAssignable(db: Db, actor: Actor, gridPath: string, duty: GridDuty, userId: string) {
  const row = await findUserInScope(db, actor, userId);
  if (!row) throw gridAssigneeNotFound();
  const refuse = (code: string, message: string) => badRequest(code, message, [{ path: 'userId', message }]);
  if (row.user.status !== 'active') throw refuse('grid.assignee_inactive', '指定的账号已停用，不能配置到网格');
  if (!ASSIGNEE_LEVELS.includes(row.region.level as RegionLevel) || !gridPath.startsWith(row.region.path))
    throw refuse('grid.assignee_outside_grid', '指定的账号不属于本网格所在的乡镇（街道）或村（社区）');
  const allowed = DUTY_ROLES[duty];
  if (!row.user.roles.some((r) => allowed.includes(r as Role)))
    throw refuse(
      'grid.assignee_wrong_role',
      `该职责须由${allowed.map((r) => DUTY_ROLE_NAMES[r] ?? r).join('或')}账号担任`,
    );
}

/** Assigns a person to a grid duty; their phone is stored encrypted and shown masked. */
export async function assignToGrid(
  deps: GridsDeps,
  ctx: RequestContext,
  gridId: string,
  input: { duty: GridDuty; userId?: string; personName: string; phone?: string },
) {
  let phone: string | null = null;
  if (input.phone) {
    const reason = checkPhone(input.phone);
    if (reason) throw assigneePhoneInvalid(reason);
    phone = normalizePhone(input.phone);
  }
  return deps.db.transaction(async (tx) => {
    const { actor, row } = await loadGrid(tx, ctx, gridId, 'grid.manage');
    if (input.userId) await assertAssignable(tx, actor, row.grid.regionPath, input.duty, input.userId);
    const a = await repo.insertAssignment(tx, {
      gridId,
      duty: input.duty,
      userId: input.userId ?? null,
      personName: input.personName,
      phoneEnc: phone ? deps.pii.encrypt(phone) : null,
      phoneHash: phone ? deps.pii.lookupHash('phone', phone) : null,
      phoneMasked: phone ? maskPhone(phone) : null,
      validFrom: deps.clock.now(),
      createdBy: actor.id,
    });
    await recordAudit(tx, deps.clock, ctx, {
      action: 'grid.assign',
      targetType: 'grid',
      targetId: gridId,
      regionPath: row.grid.regionPath,
      detail: { duty: a.duty, personName: a.personName, assignmentId: a.id },
    });
    return {
      id: a.id,
      duty: a.duty,
      userId: a.userId,
      personName: a.personName,
      phoneMasked: a.phoneMasked,
      validFrom: a.validFrom.toISOString(),
    };
  });
}

export async function endGridAssignment(deps: GridsDeps, ctx: RequestContext, gridId: string, assignmentId: string) {
  await deps.db.transaction(async (tx) => {
    const { row } = await loadGrid(tx, ctx, gridId, 'grid.manage');
    if (!(await repo.endAssignment(tx, gridId, assignmentId, deps.clock.now()))) throw gridAssignmentNotFound();
    await recordAudit(tx, deps.clock, ctx, {
      action: 'grid.unassign',
      targetType: 'grid',
      targetId: gridId,
      regionPath: row.grid.regionPath,
      detail: { assignmentId },
    });
  });
}

/** Point → grid through the in-memory index; only grids inside the caller's scope are named. */
export async function lookupGrid(deps: GridsDeps, ctx: RequestContext, q: { lon: number; lat: number; crs: Crs }) {
  const actor = authorize(ctx, 'grid.read');
  const [lon, lat] = q.crs === 'WGS84' ? [q.lon, q.lat] : toWgs84(q.lon, q.lat, q.crs);
  const hit = await deps.gridLocator.locate(lon, lat);
  const ids = [hit.gridId, hit.microId].filter((x): x is string => !!x);
  const found = await Promise.all(ids.map((id) => repo.findGridInScope(deps.db, actor, id)));
  const view = (id: string | null) => {
    const r = found.find((f) => f?.grid.id === id);
    return r ? toGridView(r) : null;
  };
  return { lon, lat, grid: view(hit.gridId), micro: view(hit.microId) };
}

/** Overlaps between a village's unit grids and the gap they leave against the village outline, with areas. */
export async function checkVillageGrids(deps: GridsDeps, ctx: RequestContext, villageId: string): Promise<GridCheck> {
  const actor = authorize(ctx, 'grid.read');
  const village = await findRegionInScope(deps.db, actor, villageId);
  if (!village || village.level !== 'village') throw villageNotFound();
  const all = (await repo.listGridsInScope(deps.db, actor, { villageId })).filter((r) => r.boundary);
  const asItem = (r: (typeof all)[number]) => ({
    id: r.grid.id,
    code: r.grid.code,
    geometry: (r.boundary as repo.BoundaryRow).geometry,
  });
  const items = all.filter((r) => r.grid.kind !== 'micro').map(asItem);
  const codeOf = new Map(all.map((r) => [r.grid.id, r.grid.code]));
  const pairs = (list: { id: string; code: string; geometry: repo.BoundaryRow['geometry'] }[]) =>
    findOverlaps(list).map((o) => ({
      aId: o.aId,
      aCode: codeOf.get(o.aId) ?? '',
      bId: o.bId,
      bCode: codeOf.get(o.bId) ?? '',
      areaM2: Math.round(o.areaM2),
      geometry: o.geometry,
    }));
  const overlaps = pairs(items);
  const parent = village.boundary ?? null;
  const gaps = parent
    ? findGaps(
        parent,
        items.map((i) => i.geometry),
      )
    : null;
  const outside = parent
    ? items
        .map((i) => ({ id: i.id, code: i.code, areaM2: Math.round(findGaps(parent, [i.geometry]).outsideAreaM2) }))
        .filter((o) => o.areaM2 > 1)
    : [];
  // Micro-grids are checked against their own unit grid: overlaps among siblings, parts outside it.
  for (const unit of items) {
    const micros = all.filter((r) => r.grid.parentGridId === unit.id).map(asItem);
    overlaps.push(...pairs(micros));
    for (const m of micros) {
      const area = Math.round(findGaps(unit.geometry, [m.geometry]).outsideAreaM2);
      if (area > 1) outside.push({ id: m.id, code: m.code, areaM2: area });
    }
  }
  return {
    villageId,
    gridCount: items.length,
    parentHasBoundary: !!parent,
    overlaps,
    gap: gaps && gaps.areaM2 > 1 ? { areaM2: Math.round(gaps.areaM2), geometry: gaps.geometry } : null,
    outside,
  };
}
