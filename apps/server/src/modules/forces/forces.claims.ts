import { CLAIM_NEARBY, type ClaimCaseView, type DeskClaimView, boxAround, maskName, metresBetween } from '@gewu/domain';
import type { RequestContext } from '../../platform/context.ts';
import { authorize, can } from '../../platform/access.ts';
import { actOnCase } from '../cases/cases.actions.ts';
import { claimCaseNotFound, claimPhotosSame } from './forces.errors.ts';
import {
  type ClaimRow,
  caseUnder,
  claimRowById,
  claimableInBox,
  claimsOf,
  deskClaimRows,
} from './forces.repository.ts';
import { approvedVolunteer } from './forces.scope.ts';
import type { ForcesDeps } from './forces.teams.ts';

/*
 * 市民认领: the volunteer's side of CASE_LIFE.claim / unclaim / claim_close and the grid worker's
 * claim_confirm / claim_reopen. The case chain's rules decide; this module only finds the case in the
 * volunteer's village and says how they stand to it (an approved volunteer there).
 */

function claimView(r: ClaimRow & object, from: { lon: number; lat: number } | null): ClaimCaseView {
  const at = r.lon !== null && r.lat !== null ? { lon: r.lon, lat: r.lat } : null;
  return {
    id: r.id,
    code: r.code ?? '',
    itemCode: r.itemCode ?? '',
    itemName: r.itemName ?? '',
    state: r.state ?? 'reported',
    address: r.address,
    lon: r.lon,
    lat: r.lat,
    distanceM: at && from ? Math.round(metresBetween(from, at)) : null,
    version: r.version ?? 1,
  };
}

/** 附近可认领: new or accepted cases of claimable items in the volunteer's village within CLAIM_NEARBY.radiusM, nearest first. */
export async function nearbyClaims(deps: ForcesDeps, ctx: RequestContext, q: { lon: number; lat: number }) {
  const v = await approvedVolunteer(deps.db, authorize(ctx, 'forces.volunteer'));
  const box = boxAround(q, CLAIM_NEARBY.radiusM);
  const rows = await claimableInBox(deps.db, v.regionPath, box);
  const views = rows
    .map((r) => claimView(r, q))
    .filter((c) => c.distanceM !== null && c.distanceM <= CLAIM_NEARBY.radiusM)
    .sort((a, b) => (a.distanceM ?? 0) - (b.distanceM ?? 0));
  return { items: views.slice(0, CLAIM_NEARBY.max) };
}

/** The cases the volunteer claimed, newest first (held, awaiting confirmation, or done). */
export async function myClaims(deps: ForcesDeps, ctx: RequestContext) {
  const actor = authorize(ctx, 'forces.volunteer');
  const rows = await claimsOf(deps.db, actor.id);
  return { items: rows.map((r) => claimView(r, null)) };
}

/**
 * The desk's 市民认领: cases of the area a volunteer holds or has closed awaiting confirmation, with the
 * volunteer's name (masked for those who only read). The decision itself is on the case (/cases/:id).
 */
export async function deskClaims(deps: ForcesDeps, ctx: RequestContext): Promise<{ items: DeskClaimView[] }> {
  const actor = authorize(ctx, 'forces.read');
  const rows = await deskClaimRows(deps.db, actor.regionPath);
  const named = can(actor, 'forces.manage');
  return {
    items: rows.map((r) => ({
      ...r,
      claimantName: r.claimantName && !named ? maskName(r.claimantName) : r.claimantName,
      updatedAt: r.updatedAt.toISOString(),
    })),
  };
}

/** A case of the volunteer's village (the only ones they may claim), or 404. */
async function caseInVillage(deps: ForcesDeps, regionPath: string, id: string) {
  const row = await caseUnder(deps.db, id, regionPath);
  if (!row) throw claimCaseNotFound();
  return row;
}

async function viewOfCase(deps: ForcesDeps, id: string): Promise<ClaimCaseView> {
  const r = await claimRowById(deps.db, id);
  if (!r) throw claimCaseNotFound();
  return claimView(r, null);
}

/** 认领: an approved volunteer takes a case of a claimable item (CASE_LIFE.claim; not claimable → 422 claim.not_claimable). */
export async function claimCase(
  deps: ForcesDeps,
  ctx: RequestContext,
  body: { caseId: string; version: number; idempotencyKey: string },
): Promise<ClaimCaseView> {
  const v = await approvedVolunteer(deps.db, authorize(ctx, 'forces.volunteer'));
  const row = await caseInVillage(deps, v.regionPath, body.caseId);
  await actOnCase(
    deps,
    ctx,
    row.id,
    { action: 'claim', version: body.version, idempotencyKey: body.idempotencyKey, attachmentIds: [] },
    undefined,
    { row, relations: ['volunteer'] },
  );
  return viewOfCase(deps, row.id);
}

/** 认领处置完成: the claimant closes it with a before and an after photo (their own uploads); the grid worker is told. */
export async function closeClaim(
  deps: ForcesDeps,
  ctx: RequestContext,
  caseId: string,
  body: { version: number; beforePhotoId: string; afterPhotoId: string; note: string; idempotencyKey: string },
): Promise<ClaimCaseView> {
  const v = await approvedVolunteer(deps.db, authorize(ctx, 'forces.volunteer'));
  if (body.beforePhotoId === body.afterPhotoId) throw claimPhotosSame();
  const row = await caseInVillage(deps, v.regionPath, caseId);
  await actOnCase(
    deps,
    ctx,
    row.id,
    {
      action: 'claim_close',
      version: body.version,
      note: body.note,
      attachmentIds: [body.beforePhotoId, body.afterPhotoId],
      idempotencyKey: body.idempotencyKey,
    },
    undefined,
    { row, relations: [], photos: { beforePhotoId: body.beforePhotoId, afterPhotoId: body.afterPhotoId } },
  );
  return viewOfCase(deps, row.id);
}

/** The grid worker of the grid (or the centre) confirms the volunteer's work (closed) or sends it back to the chain. */
export async function decideClaim(
  deps: ForcesDeps,
  ctx: RequestContext,
  caseId: string,
  body: { version: number; confirm: boolean; note?: string; idempotencyKey: string },
): Promise<ClaimCaseView> {
  await actOnCase(deps, ctx, caseId, {
    action: body.confirm ? 'claim_confirm' : 'claim_reopen',
    version: body.version,
    note: body.note,
    attachmentIds: [],
    idempotencyKey: body.idempotencyKey,
  });
  return viewOfCase(deps, caseId);
}

/** 放弃认领: the claimant lets the case go back to the centre's intake, with a reason. */
export async function releaseClaim(
  deps: ForcesDeps,
  ctx: RequestContext,
  caseId: string,
  body: { version: number; note: string; idempotencyKey: string },
): Promise<ClaimCaseView> {
  const v = await approvedVolunteer(deps.db, authorize(ctx, 'forces.volunteer'));
  const row = await caseInVillage(deps, v.regionPath, caseId);
  await actOnCase(
    deps,
    ctx,
    row.id,
    {
      action: 'unclaim',
      version: body.version,
      note: body.note,
      attachmentIds: [],
      idempotencyKey: body.idempotencyKey,
    },
    undefined,
    { row, relations: [] },
  );
  return viewOfCase(deps, row.id);
}
