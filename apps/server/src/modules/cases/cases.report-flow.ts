import {
  COMMON_ITEMS,
  type CommonItemsView,
  NEARBY_REPORTS,
  type NearbyQuery,
  type NearbyReportsView,
  OPEN_STATES,
  type SupplementBody,
  type SupplementView,
  boxAround,
  centrePathFor,
  isPublished,
  itemCategoryName,
  metresBetween,
  publicCopy,
  reporterView,
  shownDistance,
} from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { isInScope, requireActor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { checkAttachmentsOwned } from '../attachments/attachments.service.ts';
import { notify, wakeStreams } from '../notifications/notifications.service.ts';
import { findCase } from './cases.repository.ts';
import { visibleCase } from './cases.actions.ts';
import { caseNotFound, supplementCaseClosed } from './cases.errors.ts';
import { relationsTo } from './cases.policy.ts';
import * as repo from './cases.nearby.repository.ts';

/*
 * The report form without dead ends (issue 14): which categories to offer first, which open reports
 * of the same kind are already there, and 我也遇到 — adding to one of them instead of filing again.
 */

export type ReportFlowDeps = { db: Db; clock: Clock; config: { GEWU_ATTACHMENT_UNLINKED_DAYS: number } };

const DAY_MS = 86_400_000;
const residentOnly = (actor: Actor) => actor.roles.every((r) => r === 'resident');

/**
 * The area a user's report form looks at: their township (a resident or grid worker of a village
 * reports around their township; a county's staff see their county). Never wider than a centre's
 * area, so nothing of a township the user does not belong to is shown.
 */
export function neighbourhoodOf(actor: Pick<Actor, 'regionPath'>): string {
  return centrePathFor(actor.regionPath, 'village');
}

/** 常用类别: the items most reported in the user's area lately, or the default list where there are too few. */
export async function commonItems(deps: ReportFlowDeps, ctx: RequestContext): Promise<CommonItemsView> {
  const actor = requireActor(ctx);
  const publicOnly = residentOnly(actor);
  const since = new Date(deps.clock.now().getTime() - COMMON_ITEMS.days * DAY_MS);
  const counted = await repo.itemCountsIn(deps.db, {
    path: neighbourhoodOf(actor),
    since,
    publicOnly,
    limit: COMMON_ITEMS.max,
  });
  const named = (r: { code: string; name: string; categoryCode: string }, count: number) => ({
    code: r.code,
    name: r.name,
    categoryName: itemCategoryName(r.categoryCode) ?? r.categoryCode,
    count,
  });
  if (counted.reduce((n, r) => n + r.count, 0) >= COMMON_ITEMS.minCases)
    return { items: counted.map((r) => named(r, r.count)), source: 'usage' };
  const found = await repo.activeItemsByCodes(deps.db, COMMON_ITEMS.defaults, publicOnly);
  const items = COMMON_ITEMS.defaults.flatMap((code) => {
    const r = found.find((f) => f.code === code);
    return r ? [named(r, 0)] : [];
  });
  return { items, source: 'default' };
}

/**
 * 已有人上报: open reports of the same item near the pin in the user's area, nearest first, as anyone
 * may see them — the item, state, day, distance to 10 m and the text the centre published; no
 * reporter, no point, no address, no time of day.
 */
export async function nearbyReports(
  deps: ReportFlowDeps,
  ctx: RequestContext,
  q: NearbyQuery,
): Promise<NearbyReportsView> {
  const actor = requireActor(ctx);
  const since = new Date(deps.clock.now().getTime() - NEARBY_REPORTS.days * DAY_MS);
  const rows = await repo.openCasesInBox(deps.db, {
    itemCode: q.itemCode,
    path: neighbourhoodOf(actor),
    since,
    box: boxAround(q, NEARBY_REPORTS.radiusM),
  });
  const items = rows
    .filter((r) => r.lon !== null && r.lat !== null)
    .map((r) => ({ r, m: metresBetween(q, { lon: r.lon as number, lat: r.lat as number }) }))
    .filter(({ m }) => m <= NEARBY_REPORTS.radiusM)
    .sort((a, b) => a.m - b.m)
    .slice(0, NEARBY_REPORTS.max)
    .map(({ r, m }) => {
      const decision =
        r.published === null
          ? null
          : {
              published: r.published,
              publicDescription: r.publicDescription,
              descriptionHidden: r.descriptionHidden ?? false,
            };
      const text = isPublished(r, decision) ? publicCopy(r, decision).description : '';
      return {
        id: r.id,
        itemCode: r.itemCode,
        itemName: r.itemName,
        state: r.state,
        reportedOn: dayOf(r.reportedAt),
        distanceM: shownDistance(m),
        publicDescription: text || null,
        supplements: r.supplements,
      };
    });
  return { items, radiusM: NEARBY_REPORTS.radiusM, days: NEARBY_REPORTS.days };
}

/** The calendar day in China (UTC+8), as the resident reads it. */
function dayOf(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The case a supplement may go to: one the actor sees, or an open one in their area (the nearby list
 * offers exactly those). Anything else does not exist for them (404).
 */
async function supplementableCase(db: Db, actor: Actor, id: string) {
  const row = await findCase(db, id);
  if (!row) throw caseNotFound();
  const near = isInScope(neighbourhoodOf(actor), row.regionPath);
  const own = relationsTo(actor, row, []).length > 0;
  if (!near && !own) throw caseNotFound();
  if (!OPEN_STATES.includes(row.state)) throw supplementCaseClosed();
  return row;
}

/**
 * 我也遇到: adds the actor's words (and photos) to an open report. A retry with the same key returns
 * the supplement it made (the phone may resend after a dead zone). The centre is told; the audit
 * records who added to which case, not what they wrote.
 */
export async function addSupplement(
  deps: ReportFlowDeps,
  ctx: RequestContext,
  caseId: string,
  body: SupplementBody,
): Promise<SupplementView & { created: boolean }> {
  const actor = requireActor(ctx);
  const earlier = await repo.supplementByKey(deps.db, actor.id, body.idempotencyKey);
  if (earlier) return { ...viewOf(earlier, actor, actor.displayName), created: false };
  const row = await supplementableCase(deps.db, actor, caseId);
  await checkAttachmentsOwned(deps, body.attachmentIds, { userId: actor.id });
  try {
    const made = await deps.db.transaction(async (tx) => {
      const inserted = await repo.insertSupplement(tx, {
        caseId: row.id,
        authorUserId: actor.id,
        note: body.note,
        attachmentIds: body.attachmentIds,
        idempotencyKey: body.idempotencyKey,
        createdAt: deps.clock.now(),
      });
      if (!inserted) return null;
      await notify(tx, deps.clock, [{ regionPath: centrePathFor(row.regionPath, row.level), role: 'dispatcher' }], {
        kind: 'case.supplement',
        title: `${row.code}：有群众补充情况`,
        body: null,
        caseId: row.id,
      });
      await recordAudit(tx, deps.clock, ctx, {
        action: 'case.supplement',
        targetType: 'case',
        targetId: row.id,
        regionPath: row.regionPath,
        detail: { code: row.code, photos: body.attachmentIds.length },
      });
      return inserted;
    });
    const result = made ?? (await repo.supplementByKey(deps.db, actor.id, body.idempotencyKey));
    if (!result) throw caseNotFound();
    return { ...viewOf(result, actor, actor.displayName), created: !!made };
  } finally {
    wakeStreams();
  }
}

/**
 * The supplements of a case the actor sees. Who added one is told by the rule that tells who reported
 * the case (reporterView): the centre and the author see the name, a handler, grid worker, leader or
 * the case's reporter do not; and where the author is the case's own anonymous reporter, nobody else
 * sees it. Everyone sees which are theirs.
 */
export async function listSupplements(deps: ReportFlowDeps, ctx: RequestContext, caseId: string) {
  const actor = requireActor(ctx);
  const row = await visibleCase(deps.db, ctx, caseId);
  const rows = await repo.supplementsOf(deps.db, row.id);
  // Only the centre relation matters to the rule, and it does not depend on the co-handling units.
  const viewer = {
    id: actor.id,
    resident: residentOnly(actor),
    centre: relationsTo(actor, row, []).includes('centre'),
  };
  return {
    items: rows.map((r) => {
      const author = reporterView(viewer, {
        anonymous: row.anonymous && r.authorUserId === row.reporterUserId,
        reporterUserId: r.authorUserId,
        reporterName: r.authorName,
        reporterPhoneMasked: null,
      });
      return viewOf(r, actor, author.reporterName);
    }),
  };
}

function viewOf(r: Omit<repo.SupplementRow, 'authorName'>, actor: Actor, authorName: string | null): SupplementView {
  return {
    id: r.id,
    caseId: r.caseId,
    note: r.note,
    attachmentIds: r.attachmentIds,
    authorName,
    mine: r.authorUserId === actor.id,
    createdAt: r.createdAt.toISOString(),
  };
}
