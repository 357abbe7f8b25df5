import {
  type DisputeActionBody,
  MEETING_DECISION_ACTIONS,
  type RiskMeetingBody,
  type RiskMeetingPage,
  type RiskMeetingView,
} from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { authorize, can, isInScope } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { checkAttachmentsOwned } from '../attachments/attachments.service.ts';
import { wakeStreams } from '../notifications/notifications.service.ts';
import { findRegionInScope } from '../regions/regions.repository.ts';
import { userName } from '../users/users.repository.ts';
import { actOnDispute } from '../disputes/disputes.actions.ts';
import { loadDispute } from '../disputes/disputes.access.ts';
import { disputeBriefsByIds } from '../disputes/disputes.read.repository.ts';
import {
  meetingDecisionIncomplete,
  meetingDisputeOutside,
  meetingHeldAtInvalid,
  meetingNotFound,
  meetingRegionInvalid,
} from './screening.errors.ts';
import {
  type DecisionRow,
  type MeetingRow,
  type NewDecision,
  decisionsOf,
  insertDecisions,
  insertMeeting,
  meetingInScope,
  meetingWithAttachment,
  pageOfMeetings,
  regionNameByPath,
} from './screening.repository.ts';

export type MeetingDeps = { db: Db; clock: Clock; config: { GEWU_ATTACHMENT_UNLINKED_DAYS: number } };

/** The area a meeting covers: a region of the organiser's (a village, township …), or their own. */
async function areaOf(db: Db, actor: Actor, regionId: string | undefined): Promise<string> {
  if (!regionId) return actor.regionPath;
  const region = await findRegionInScope(db, actor, regionId);
  if (!region) throw meetingRegionInvalid();
  return region.path;
}

/**
 * 风险研判: records a meeting of the centre — when, where, who, the minutes and attachments — with a
 * decision on each dispute it discussed (disputes of its area the organiser may see). A decision that
 * changes a dispute is taken through the dispute's own life (MEETING_DECISION_ACTIONS → DISPUTE_LIFE:
 * assess_risk, escalate), with its checks — the organiser must be the dispute's centre, a 重大 risk
 * needs its 稳控责任人 — and its notices; the meeting keeps which event carried each one out. All or
 * nothing: one refused decision refuses the meeting.
 */
export async function createRiskMeeting(
  deps: MeetingDeps,
  ctx: RequestContext,
  body: RiskMeetingBody,
): Promise<RiskMeetingView> {
  const actor = authorize(ctx, 'dispute.centre');
  const area = await areaOf(deps.db, actor, body.regionId);
  const now = deps.clock.now();
  const heldAt = new Date(body.heldAt);
  if (heldAt > now) throw meetingHeldAtInvalid();
  await checkAttachmentsOwned(deps, body.attachmentIds, { userId: actor.id });
  for (const d of body.decisions) {
    const dispute = await loadDispute(deps.db, actor, d.disputeId);
    if (!isInScope(area, dispute.regionPath)) throw meetingDisputeOutside();
    if (d.kind === 'assess_risk' && !d.risk) throw meetingDecisionIncomplete();
  }
  const day = new Date(heldAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  try {
    const meeting = await deps.db.transaction(async (tx) => {
      const m = await insertMeeting(tx, {
        regionPath: area,
        heldAt,
        topic: body.topic,
        place: body.place ?? null,
        participants: body.participants,
        minutes: body.minutes,
        attachmentIds: body.attachmentIds,
        organiserId: actor.id,
        organiserName: actor.displayName,
        createdAt: now,
      });
      const rows: NewDecision[] = [];
      for (const [seq, d] of body.decisions.entries()) {
        const action = MEETING_DECISION_ACTIONS[d.kind];
        let eventSeq: number | null = null;
        if (action) {
          // The dispute as it now is (an earlier decision of this meeting may have moved it).
          const current = await loadDispute(tx, actor, d.disputeId);
          const note = `${day}风险研判会议（${body.topic}）：${d.note}`;
          const actionBody: DisputeActionBody =
            action === 'assess_risk'
              ? {
                  action,
                  version: current.version,
                  note,
                  risk: d.risk ?? current.risk,
                  civilToCriminal: d.civilToCriminal ?? current.civilToCriminal,
                  stabilityUserId: d.stabilityUserId === undefined ? current.stabilityUserId : d.stabilityUserId,
                }
              : { action: 'escalate', version: current.version, note };
          eventSeq = (await actOnDispute({ ...deps, db: tx }, ctx, d.disputeId, actionBody)).version;
        }
        rows.push({
          meetingId: m.id,
          seq: seq + 1,
          disputeId: d.disputeId,
          kind: d.kind,
          note: d.note,
          risk: d.kind === 'assess_risk' ? (d.risk ?? null) : null,
          civilToCriminal: d.kind === 'assess_risk' ? (d.civilToCriminal ?? null) : null,
          stabilityUserId: d.kind === 'assess_risk' ? (d.stabilityUserId ?? null) : null,
          disputeEventSeq: eventSeq,
        });
      }
      await insertDecisions(tx, rows);
      await recordAudit(tx, deps.clock, ctx, {
        action: 'meeting.create',
        targetType: 'risk_meeting',
        targetId: m.id,
        regionPath: area,
        detail: {
          topic: body.topic,
          disputes: new Set(body.decisions.map((d) => d.disputeId)).size,
          changed: rows.filter((r) => r.disputeEventSeq !== null).length,
        },
      });
      return m;
    });
    return meetingView(deps.db, meeting);
  } finally {
    wakeStreams();
  }
}

async function meetingView(db: Db, m: MeetingRow, decisions?: DecisionRow[]): Promise<RiskMeetingView> {
  const ds = decisions ?? (await decisionsOf(db, [m.id]));
  const briefs = await disputeBriefsByIds(
    db,
    ds.map((d) => d.disputeId),
  );
  const stability = new Map<string, string | null>();
  for (const id of new Set(ds.map((d) => d.stabilityUserId).filter((x): x is string => !!x)))
    stability.set(id, (await userName(db, id))?.name ?? null);
  return {
    id: m.id,
    regionName: await regionNameByPath(db, m.regionPath),
    heldAt: m.heldAt.toISOString(),
    topic: m.topic,
    place: m.place,
    participants: m.participants,
    minutes: m.minutes,
    attachmentIds: m.attachmentIds,
    organiserName: m.organiserName,
    createdAt: m.createdAt.toISOString(),
    decisions: ds.map((d) => ({
      disputeId: d.disputeId,
      disputeCode: briefs.find((b) => b.id === d.disputeId)?.code ?? '',
      kind: d.kind,
      note: d.note,
      risk: d.risk,
      civilToCriminal: d.civilToCriminal,
      stabilityUserName: d.stabilityUserId ? (stability.get(d.stabilityUserId) ?? null) : null,
      disputeEventSeq: d.disputeEventSeq,
    })),
  };
}

/** The meetings of the actor's area, newest first. */
export async function listRiskMeetings(
  deps: MeetingDeps,
  ctx: RequestContext,
  q: { page: number; pageSize: number },
): Promise<RiskMeetingPage> {
  const actor = authorize(ctx, 'screening.read');
  const { rows, total } = await pageOfMeetings(deps.db, actor.regionPath, q);
  const ds = await decisionsOf(
    deps.db,
    rows.map((r) => r.id),
  );
  const items = [];
  for (const m of rows) {
    const mine = ds.filter((d) => d.meetingId === m.id);
    items.push({
      id: m.id,
      regionName: await regionNameByPath(deps.db, m.regionPath),
      heldAt: m.heldAt.toISOString(),
      topic: m.topic,
      organiserName: m.organiserName,
      disputeCount: new Set(mine.map((d) => d.disputeId)).size,
      changed: mine.filter((d) => d.disputeEventSeq !== null).length,
    });
  }
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** One meeting of the actor's area (else 404). */
export async function getRiskMeeting(deps: MeetingDeps, ctx: RequestContext, id: string): Promise<RiskMeetingView> {
  const actor = authorize(ctx, 'screening.read');
  const m = await meetingInScope(deps.db, id, actor.regionPath);
  if (!m) throw meetingNotFound();
  return meetingView(deps.db, m);
}

/** Whether the actor sees a meeting whose attachments include this one (for the attachments route). */
export async function seesMeetingWithAttachment(db: Db, actor: Actor, attachmentId: string): Promise<boolean> {
  return can(actor, 'screening.read') && meetingWithAttachment(db, actor.regionPath, attachmentId);
}
