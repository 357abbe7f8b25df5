import { ADMISSION_STATE_LABELS, type AdmissionState, canTransitionAdmission, roleCan } from '@gewu/domain';
import type { RequestContext } from '../../platform/context.ts';
import { authorize, isInScope, requireActor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { forbidden } from '../../platform/errors.ts';
import { findRegionInScope } from '../regions/regions.repository.ts';
import * as repo from './items.repository.ts';
import type { ItemsDeps } from './items.service.ts';
import { regionNotFound } from '../regions/regions.errors.ts';
import {
  admissionBadLevel,
  admissionExists,
  admissionNotActive,
  admissionNotFound,
  admissionNotPending,
  admissionNoteRequired,
  admissionReasonRequired,
  itemNotFound,
  itemNotGridEligible,
  itemOnNegativeList,
} from './items.errors.ts';

/*
 * 网格事项准入/退出: a department (or the centre) proposes an item for the grids of a township or
 * county; a leader of that level or above approves it (active) or turns it down; an active
 * admission is later withdrawn (退出). Items on the negative list (负面清单) never get in.
 */

export interface AdmissionView {
  id: string;
  itemId: string;
  itemCode: string;
  itemName: string;
  regionId: string;
  regionCode: string;
  regionName: string;
  regionLevel: string;
  state: repo.AdmissionState;
  stateLabel: string;
  reason: string;
  proposedByName: string | null;
  proposedAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  withdrawnByName: string | null;
  withdrawnAt: string | null;
}

function toView(r: repo.AdmissionListRow): AdmissionView {
  const a = r.admission;
  return {
    id: a.id,
    itemId: a.itemId,
    itemCode: r.itemCode,
    itemName: r.itemName,
    regionId: a.regionId,
    regionCode: r.regionCode,
    regionName: r.regionName,
    regionLevel: r.regionLevel,
    state: a.state,
    stateLabel: ADMISSION_STATE_LABELS[a.state],
    reason: a.reason,
    proposedByName: r.proposedByName,
    proposedAt: a.proposedAt.toISOString(),
    decidedByName: r.decidedByName,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    decisionNote: a.decisionNote,
    withdrawnByName: r.withdrawnByName,
    withdrawnAt: a.withdrawnAt?.toISOString() ?? null,
  };
}

async function viewOf(deps: ItemsDeps, ctx: RequestContext, id: string): Promise<AdmissionView> {
  const actor = requireActor(ctx);
  const { rows } = await repo.listAdmissions(deps.db, actor, { ids: [id] }, 1, 1);
  if (!rows[0]) throw admissionNotFound();
  return toView(rows[0]);
}

/** Proposes an item for admission to the grids of a township or county in the proposer's scope. */
export async function proposeAdmission(
  deps: ItemsDeps,
  ctx: RequestContext,
  code: string,
  input: { regionId: string; reason: string },
): Promise<AdmissionView> {
  const actor = authorize(ctx, 'item.propose');
  const reason = input.reason.trim();
  if (!reason) throw admissionReasonRequired('admit');
  const id = await deps.db
    .transaction(async (tx) => {
      const item = await repo.getItemByCode(tx, code);
      if (!item || !item.active) throw itemNotFound();
      const region = await findRegionInScope(tx, actor, input.regionId);
      if (!region) throw regionNotFound();
      if (region.level !== 'township' && region.level !== 'county') throw admissionBadLevel();
      if (item.negativeList) throw itemOnNegativeList();
      if (!item.gridEligible) throw itemNotGridEligible();
      if (await repo.findLiveAdmission(tx, item.id, region.id)) throw admissionExists();
      const row = await repo.insertAdmission(tx, {
        itemId: item.id,
        regionId: region.id,
        regionPath: region.path,
        state: 'proposed',
        reason,
        proposedBy: actor.id,
        proposedAt: deps.clock.now(),
      });
      await recordAudit(tx, deps.clock, ctx, {
        action: 'item.admission.propose',
        targetType: 'item_admission',
        targetId: row.id,
        regionPath: region.path,
        detail: { itemCode: item.code, itemName: item.name, region: region.code, reason },
      });
      return row.id;
    })
    .catch((e: unknown) => {
      if (repo.isUniqueViolation(e)) throw admissionExists();
      throw e;
    });
  return viewOf(deps, ctx, id);
}

/**
 * The domain's admission rule (ADMISSION_TRANSITIONS) decides which moves exist; a refused one is a 409
 * naming the state the admission is in.
 */
function requireMove(from: AdmissionState, to: AdmissionState): void {
  if (canTransitionAdmission(from, to)) return;
  const now = ADMISSION_STATE_LABELS[from];
  throw to === 'withdrawn' ? admissionNotActive(now) : admissionNotPending(now);
}

/** Loads an admission the actor may act on: 404 when they cannot see it, 403 when it is above their level. */
async function loadForAction(tx: ItemsDeps['db'], ctx: RequestContext, id: string) {
  const actor = requireActor(ctx);
  const row = await repo.findVisibleAdmission(tx, actor, id);
  if (!row) throw admissionNotFound();
  if (!isInScope(actor.regionPath, row.regionPath)) throw forbidden('只能办理本级及下级区划的事项准入');
  return { actor, row };
}

/** A leader (same-level party committee and government) approves or turns down a proposal. */
export async function decideAdmission(
  deps: ItemsDeps,
  ctx: RequestContext,
  id: string,
  input: { approve: boolean; note?: string },
): Promise<AdmissionView> {
  authorize(ctx, 'item.approve');
  const note = input.note?.trim() || null;
  if (!input.approve && !note) throw admissionNoteRequired();
  await deps.db.transaction(async (tx) => {
    const { actor, row } = await loadForAction(tx, ctx, id);
    const to = input.approve ? 'active' : 'rejected';
    requireMove(row.state, to);
    if (row.proposedBy === actor.id) throw forbidden('不能审批自己提出的准入申请');
    const now = deps.clock.now();
    const moved = await repo.moveAdmission(tx, id, row.state, {
      state: to,
      decidedBy: actor.id,
      decidedAt: now,
      decisionNote: note,
    });
    // Another decider moved it between the read and the write.
    if (!moved) throw admissionNotPending('已办结');
    await recordAudit(tx, deps.clock, ctx, {
      action: input.approve ? 'item.admission.approve' : 'item.admission.reject',
      targetType: 'item_admission',
      targetId: id,
      regionPath: row.regionPath,
      detail: { itemId: row.itemId, note },
    });
  });
  return viewOf(deps, ctx, id);
}

/** 退出: ends an active admission; cases of the item can no longer go to grid workers there. */
export async function withdrawAdmission(
  deps: ItemsDeps,
  ctx: RequestContext,
  id: string,
  input: { reason: string },
): Promise<AdmissionView> {
  const actor = requireActor(ctx);
  if (!roleCan(actor.roles, 'item.approve') && !roleCan(actor.roles, 'item.manage')) throw forbidden();
  const reason = input.reason.trim();
  if (!reason) throw admissionReasonRequired('withdraw');
  await deps.db.transaction(async (tx) => {
    const { row } = await loadForAction(tx, ctx, id);
    requireMove(row.state, 'withdrawn');
    const moved = await repo.moveAdmission(tx, id, row.state, {
      state: 'withdrawn',
      withdrawnBy: actor.id,
      withdrawnAt: deps.clock.now(),
    });
    if (!moved) throw admissionNotActive('已办结');
    // The table has no column for it: the reason is kept in the audit log.
    await recordAudit(tx, deps.clock, ctx, {
      action: 'item.admission.withdraw',
      targetType: 'item_admission',
      targetId: id,
      regionPath: row.regionPath,
      detail: { itemId: row.itemId, reason },
    });
  });
  return viewOf(deps, ctx, id);
}

/** Admissions inside the caller's region and those of the regions above it (which apply to it). */
export async function listAdmissions(
  deps: ItemsDeps,
  ctx: RequestContext,
  q: { state?: repo.AdmissionState; regionId?: string; itemCode?: string; page: number; pageSize: number },
) {
  const actor = authorize(ctx, 'item.read');
  if (!actor.roles.some((r) => r !== 'resident')) throw forbidden();
  let itemId: string | undefined;
  if (q.itemCode) {
    const item = await repo.getItemByCode(deps.db, q.itemCode);
    if (!item) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    itemId = item.id;
  }
  const { rows, total } = await repo.listAdmissions(
    deps.db,
    actor,
    { state: q.state, regionId: q.regionId, itemId },
    q.page,
    q.pageSize,
  );
  return { items: rows.map(toView), total, page: q.page, pageSize: q.pageSize };
}
