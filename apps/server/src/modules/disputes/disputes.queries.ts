import {
  DISPUTE_ACTION_LABELS,
  DISPUTE_TIERS,
  type DisputeDetail,
  type DisputeEventType,
  type DisputeListQuery,
  type DisputePage,
  type DisputeSummary,
  MEDIATOR_HOLDING_STATES,
  PARTY_EDIT_STATES,
  availableDisputeActions,
  disputeTierRank,
} from '@gewu/domain';
import { type SQL, and, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { can, escapeLike, inScope, requireActor } from '../../platform/access.ts';
import type { PiiCipher } from '../../platform/pii.ts';
import { lightIsSql } from '../../platform/clocks/index.ts';
import { userName } from '../users/users.repository.ts';
import { actorOrganisation, loadDispute } from './disputes.access.ts';
import { toPartyBrief, toPartyView } from './disputes.parties.ts';
import {
  centreTierOf,
  disputeFacts,
  disputeRelationsTo,
  mayPrintAgreement,
  visibleDisputes,
} from './disputes.policy.ts';
import { type PartyRow, findDispute, listDisputeEvents, partiesOf } from './disputes.repository.ts';
import { DISPUTE_CLOCK, type SummaryRow, pageOfDisputes, summaryOf } from './disputes.read.repository.ts';
import { disputes } from './disputes.table.ts';
import { disputeNotFound } from './disputes.errors.ts';
import { backLinkViews, linkViews } from '../../platform/links.ts';
import './disputes.links.ts';

export type DisputeQueryDeps = { db: Db; clock: Clock; pii: PiiCipher };

const iso = (d: Date | null) => d?.toISOString() ?? null;

function toSummary(r: SummaryRow, parties: PartyRow[]): DisputeSummary {
  const d = r.d;
  return {
    id: d.id,
    code: d.code,
    typeCode: d.typeCode,
    typeName: r.typeName ?? d.typeCode,
    summary: d.summary,
    state: d.state,
    tier: d.tier,
    risk: d.risk,
    civilToCriminal: d.civilToCriminal,
    source: d.source,
    externalRef: d.externalRef,
    regionPath: d.regionPath,
    regionName: r.regionName,
    address: d.address,
    path: d.path,
    organisationId: d.organisationId,
    organisationName: r.organisationName,
    mediatorUserId: d.mediatorUserId,
    mediatorName: r.mediatorName,
    stage: d.stage,
    stageDeadline: iso(d.stageDeadline),
    light: r.light,
    parties: parties.filter((p) => p.disputeId === d.id).map(toPartyBrief),
    registeredAt: d.registeredAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    version: d.version,
  };
}

/** A full dispute code (JF + 15 digits) finds that dispute; other text matches the code or the summary. */
function searchCond(text: string): SQL {
  if (/^JF\d{15}$/.test(text)) return eq(disputes.code, text);
  return or(eq(disputes.code, text), ilike(disputes.summary, `%${escapeLike(text)}%`)) as SQL;
}

/**
 * The dispute board: what the actor sees (visibleDisputes), narrowed by the view — `queue`, what waits
 * on them (the centre: to accept or divert at its tier; a mediator: to be assigned in their
 * organisation, or held by them); `mine`, what a mediator holds — and the filters, with each stage's light.
 */
export async function listDisputes(
  deps: DisputeQueryDeps,
  ctx: RequestContext,
  q: DisputeListQuery,
): Promise<DisputePage> {
  const actor = requireActor(ctx);
  const now = deps.clock.now();
  const organisationId = await actorOrganisation(deps.db, actor);
  const centreTiers = DISPUTE_TIERS.filter((t) => disputeTierRank(t) <= disputeTierRank(centreTierOf(actor)));
  const queue: SQL[] = [];
  if (can(actor, 'dispute.centre'))
    queue.push(
      and(
        inScope(actor, disputes.regionPath),
        inArray(disputes.tier, centreTiers),
        inArray(disputes.state, ['registered', 'accepted']),
      ) as SQL,
    );
  if (organisationId)
    queue.push(and(eq(disputes.organisationId, organisationId), eq(disputes.state, 'diverted')) as SQL);
  if (can(actor, 'dispute.mediate'))
    queue.push(and(eq(disputes.mediatorUserId, actor.id), inArray(disputes.state, MEDIATOR_HOLDING_STATES)) as SQL);
  const states = q.state === undefined ? undefined : Array.isArray(q.state) ? q.state : [q.state];
  const where = and(
    visibleDisputes(actor),
    q.view === 'mine' ? eq(disputes.mediatorUserId, actor.id) : undefined,
    q.view === 'queue' ? (or(...queue) ?? sql`false`) : undefined,
    states ? inArray(disputes.state, states) : undefined,
    q.typeCode ? eq(disputes.typeCode, q.typeCode) : undefined,
    q.risk ? eq(disputes.risk, q.risk) : undefined,
    q.tier ? eq(disputes.tier, q.tier) : undefined,
    q.source ? eq(disputes.source, q.source) : undefined,
    q.organisationId ? eq(disputes.organisationId, q.organisationId) : undefined,
    q.civilToCriminal !== undefined ? eq(disputes.civilToCriminal, q.civilToCriminal) : undefined,
    q.light ? lightIsSql(q.light, DISPUTE_CLOCK, now) : undefined,
    q.q ? searchCond(q.q) : undefined,
  );
  const { rows, total } = await pageOfDisputes(deps.db, now, where, q);
  const parties = await partiesOf(
    deps.db,
    rows.map((r) => r.d.id),
  );
  return { items: rows.map((r) => toSummary(r, parties)), total, page: q.page, pageSize: q.pageSize };
}

/**
 * A dispute with its parties, timeline and the actions the viewer may take. The parties' names are
 * shown in full only to those mediating it (its centre and organisation); numbers are always masked.
 */
export async function getDisputeDetail(
  deps: DisputeQueryDeps,
  ctx: RequestContext,
  id: string,
  opts: { justActed?: boolean } = {},
): Promise<DisputeDetail> {
  const actor = requireActor(ctx);
  const now = deps.clock.now();
  // Right after acting, the actor may have handed the dispute out of their sight (an escalation):
  // they still get its new state once, with what their relation to it now allows (masked names, no actions).
  const d = opts.justActed
    ? ((await findDispute(deps.db, id)) ?? (await loadDispute(deps.db, actor, id)))
    : await loadDispute(deps.db, actor, id);
  const relations = disputeRelationsTo(actor, d, await actorOrganisation(deps.db, actor));
  const [summary, parties, events, stability, links] = await Promise.all([
    summaryOf(deps.db, now, d.id),
    partiesOf(deps.db, [d.id]),
    listDisputeEvents(deps.db, d.id),
    d.stabilityUserId ? userName(deps.db, d.stabilityUserId) : Promise.resolve(null),
    Promise.all([
      linkViews(deps.db, actor, [
        { relation: 'converted_from', kind: 'case', id: d.linkedCaseId },
        { relation: 'referred_to', kind: 'case', id: d.referredCaseId },
      ]),
      // The visit at the centre's window that opened it (one door), if one did.
      backLinkViews(deps.db, actor, { kind: 'dispute', id: d.id }),
    ]).then((both) => both.flat()),
  ]);
  if (!summary) throw disputeNotFound();
  const caseShown = links.some((l) => l.relation === 'referred_to' && l.visible);
  const mediating = relations.some((r) => r === 'centre' || r === 'organisation' || r === 'mediator');
  return {
    ...toSummary(summary, []),
    referringBody: d.referringBody,
    // The case it came from, only to those who may open it (the link below says that there is one).
    linkedCaseId: links.find((l) => l.relation === 'converted_from')?.id ?? null,
    stabilityUser: stability,
    stageStartedAt: iso(d.stageStartedAt),
    parties: parties.map((p) => toPartyView(p, deps.pii, mediating)),
    agreement: d.agreement,
    confirmationDeadline: iso(d.confirmationDeadline),
    confirmationResult: d.confirmationResult,
    performance: d.performance,
    guidedPath: d.guidedPath,
    declineChannel: d.declineChannel,
    counters: { sessions: d.sessionCount, followUps: d.followUpCount, escalations: d.escalationCount },
    endedAt: iso(d.endedAt),
    events: events.map((e) => ({
      seq: e.seq,
      type: e.type,
      label: DISPUTE_ACTION_LABELS[e.type as DisputeEventType] ?? e.type,
      at: e.at.toISOString(),
      actorName: e.actorName,
      note: e.note,
      attachmentIds: e.attachmentIds,
      // The case filed from it is named only to those who may open it (as its link is).
      data: e.type === 'refer_case' && !caseShown ? {} : (e.data as unknown as Record<string, unknown>),
    })),
    signedScans: events
      .filter((e) => e.type === 'attach_signed_agreement')
      .flatMap((e) =>
        e.attachmentIds.map((attachmentId) => ({ attachmentId, at: e.at.toISOString(), actorName: e.actorName })),
      ),
    actions: availableDisputeActions(disputeFacts(d), relations, now),
    canEditParties: mediating && PARTY_EDIT_STATES.includes(d.state),
    links,
    canPrintAgreement: d.agreement !== null && mayPrintAgreement(relations),
  };
}
