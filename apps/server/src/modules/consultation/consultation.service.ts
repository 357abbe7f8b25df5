import {
  DEFAULT_SUPPORT_THRESHOLD,
  DEFAULT_TOPIC_RESPONSE_DAYS,
  TOPIC_TRANSITIONS,
  type TopicAction,
  type TopicImplementation,
  type TopicMeeting,
  type TopicRaise,
  type TopicSettings,
  type TopicSource,
  type TopicTakeUp,
  implementationInstants,
  localDateOf,
  nextTopicState,
  reachesSupportThreshold,
  supportRefusal,
  topicResponseLimit,
} from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import { authorize, can, hasRole, inScope, requireActor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import { stageClock } from '../../platform/clocks/index.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { forbidden } from '../../platform/errors.ts';
import { checkAttachmentsOwned } from '../attachments/attachments.service.ts';
import { getWorkCalendar } from '../calendar/calendar.service.ts';
import { isUniqueViolation } from '../cases/cases.intake.ts';
import { publishFromRecord } from '../notices/notices.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { findRegionInScope } from '../regions/regions.repository.ts';
import {
  topicAlreadySupported,
  topicMeetingBeforeRaised,
  topicNotFound,
  topicOwnSupport,
  topicPlanDueInPast,
  topicPlannedMeetingPast,
  topicSourceInvalid,
  topicSupportClosed,
  topicVillageInvalid,
  topicWrongState,
} from './consultation.errors.ts';
import {
  type TopicRow,
  type TopicWithNames,
  addSupport,
  findTopicByKey,
  findTopicWhere,
  hasSupported,
  insertTopic,
  moveTopic,
  saveSettings,
  setNoticeIds,
  settingsOf,
} from './consultation.repository.ts';
import { consultationTopics } from './consultation.table.ts';

export type ConsultationDeps = { db: Db; clock: Clock; config: { GEWU_ATTACHMENT_UNLINKED_DAYS: number } };

/** Whether the actor keeps the topics of a village (its cadres). */
export const managesTopics = (actor: Actor, regionPath: string) => can(actor, 'deliberation.manage', regionPath);

/** The sources each kind of raiser may give: a resident raises their own; staff may enter a deputy's (代表联络站). */
function sourcesOf(actor: Actor): TopicSource[] {
  if (hasRole(actor, 'village_cadre')) return ['cadre', 'deputy'];
  if (hasRole(actor, 'grid_worker')) return ['grid_worker', 'deputy'];
  return ['resident'];
}

/** A village's threshold and response limit (its own, else the defaults). */
export async function villageSettings(db: Db, regionId: string) {
  const [s] = await settingsOf(db, [regionId]);
  return {
    supportThreshold: s?.supportThreshold ?? DEFAULT_SUPPORT_THRESHOLD,
    responseDays: s?.responseDays ?? DEFAULT_TOPIC_RESPONSE_DAYS,
  };
}

/** A village/community of the actor's area (their own when none is named), or 404. */
async function loadVillage(db: Db, actor: Actor, regionId: string | undefined) {
  const region = await findRegionInScope(db, actor, regionId ?? actor.regionId);
  if (!region || region.level !== 'village') throw topicVillageInvalid();
  return region;
}

/** A topic the actor may read (their own area's), or 404. */
export async function loadTopic(db: Db, actor: Actor, id: string): Promise<TopicWithNames> {
  const row = await findTopicWhere(db, id, inScope(actor, consultationTopics.regionPath));
  if (!row) throw topicNotFound();
  return row;
}

/** A topic the actor keeps (a cadre of its village), or 404. */
async function loadKeptTopic(db: Db, actor: Actor, id: string): Promise<TopicWithNames> {
  const row = await loadTopic(db, actor, id);
  if (!managesTopics(actor, row.t.regionPath)) throw topicNotFound();
  return row;
}

/**
 * Raises a topic in a village/community: a resident in their own, a grid worker or cadre in one of their
 * area (a deputy's topic entered with source `deputy`). The response clock starts. Same key, same topic.
 */
export async function raiseTopic(deps: ConsultationDeps, ctx: RequestContext, body: TopicRaise): Promise<TopicRow> {
  const actor = requireActor(ctx);
  if (!can(actor, 'case.report') && !can(actor, 'deliberation.manage')) throw forbidden();
  const again = await findTopicByKey(deps.db, actor.id, body.idempotencyKey);
  if (again) return again;
  const allowed = sourcesOf(actor);
  const source = body.source ?? (allowed[0] as TopicSource);
  if (!allowed.includes(source)) throw topicSourceInvalid();
  const village = await loadVillage(deps.db, actor, body.villageId);
  await checkAttachmentsOwned(deps, body.attachmentIds, { userId: actor.id });
  const settings = await villageSettings(deps.db, village.id);
  const now = deps.clock.now();
  const clock = stageClock('response', now, topicResponseLimit(settings.responseDays), await getWorkCalendar(deps));
  const write = () =>
    deps.db.transaction(async (tx) => {
      const row = await insertTopic(tx, {
        regionId: village.id,
        regionPath: village.path,
        source,
        title: body.title,
        description: body.description,
        attachmentIds: body.attachmentIds,
        anonymous: body.anonymous,
        raiserId: actor.id,
        state: 'raised',
        raisedAt: now,
        responseWarnAt: new Date(clock.warnAt),
        responseDeadline: new Date(clock.deadline),
        idempotencyKey: body.idempotencyKey,
      });
      await recordAudit(tx, deps.clock, ctx, {
        action: 'topic.raise',
        targetType: 'consultation_topic',
        targetId: row.id,
        regionPath: village.path,
        detail: { source, anonymous: body.anonymous },
      });
      ctx.audited = true;
      return row;
    });
  try {
    return await write();
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const row = await findTopicByKey(deps.db, actor.id, body.idempotencyKey);
    if (!row) throw e;
    return row;
  }
}

/**
 * 附议: a resident of the topic's village supports it, once, never their own; the cadres are told when
 * the support makes the topic reach the village's threshold (达到议题门槛).
 */
export async function supportTopic(deps: ConsultationDeps, ctx: RequestContext, id: string) {
  const actor = authorize(ctx, 'case.report');
  const { t } = await loadTopic(deps.db, actor, id);
  const refusal = supportRefusal({
    state: t.state,
    raiserId: t.raiserId,
    supporterId: actor.id,
    alreadySupported: await hasSupported(deps.db, t.id, actor.id),
  });
  if (refusal === 'own_topic') throw topicOwnSupport();
  if (refusal === 'already_supported') throw topicAlreadySupported();
  if (refusal === 'closed') throw topicSupportClosed();
  const { supportThreshold } = await villageSettings(deps.db, t.regionId);
  return deps.db.transaction(async (tx) => {
    if (!(await addSupport(tx, t.id, actor.id, deps.clock.now()))) throw topicAlreadySupported();
    const supports = t.supports + 1;
    if (reachesSupportThreshold(supports, supportThreshold) && !reachesSupportThreshold(t.supports, supportThreshold))
      await notify(tx, deps.clock, [{ regionPath: t.regionPath, role: 'village_cadre' }], {
        kind: 'topic.threshold_reached',
        title: `居民议题附议已达 ${supportThreshold} 人，请提交议事会：${t.title}`,
        subject: { kind: 'consultation_topic', id: t.id },
      });
    await recordAudit(tx, deps.clock, ctx, {
      action: 'topic.support',
      targetType: 'consultation_topic',
      targetId: t.id,
      regionPath: t.regionPath,
    });
    ctx.audited = true;
    return { id: t.id, supports };
  });
}

/** What the raiser is told after each action. */
const TOLD: Record<TopicAction, (title: string, extra: string) => string> = {
  take_up: (title, d) => `您提出的议题已受理，计划于 ${d} 议事协商：${title}`,
  decline: (title, r) => `您提出的议题不予受理（${r}）：${title}`,
  record_meeting: (title, o) => `您提出的议题已协商，结果：${o}：${title}`,
  record_implementation: (title) => `您提出的议题已落实：${title}`,
};
const OUTCOME_NAMES = { agreed: '议定实施', not_agreed: '未达成一致', referred: '转办' } as const;

/**
 * Runs one action of the state table on a topic the actor keeps: refused (409 topic.wrong_state) from a
 * state the table does not allow, the raiser told, audited, all in one transaction.
 */
async function act(
  deps: ConsultationDeps,
  ctx: RequestContext,
  id: string,
  action: TopicAction,
  plan: (
    t: TopicRow,
    actor: Actor,
  ) => Promise<{
    outcome?: TopicMeeting['outcome'];
    changes: Partial<typeof consultationTopics.$inferInsert>;
    told: string;
    after?: (tx: Db, row: TopicRow) => Promise<void>;
  }>,
) {
  const actor = authorize(ctx, 'deliberation.manage');
  const { t } = await loadKeptTopic(deps.db, actor, id);
  if (!TOPIC_TRANSITIONS[action].from.includes(t.state)) throw topicWrongState();
  const p = await plan(t, actor);
  const next = nextTopicState(t.state, action, p.outcome);
  if (!next) throw topicWrongState();
  return deps.db.transaction(async (tx) => {
    const row = await moveTopic(tx, t, { ...p.changes, state: next });
    if (!row) throw topicWrongState();
    if (p.after) await p.after(tx, row);
    if (TOPIC_TRANSITIONS[action].tellsRaiser)
      await notify(tx, deps.clock, [{ userId: t.raiserId }], {
        kind: `topic.${action}`,
        title: TOLD[action](t.title, p.told),
        subject: { kind: 'consultation_topic', id: t.id },
      });
    await recordAudit(tx, deps.clock, ctx, {
      action: `topic.${action}`,
      targetType: 'consultation_topic',
      targetId: t.id,
      regionPath: t.regionPath,
      detail: { from: t.state, to: next },
    });
    ctx.audited = true;
    return row;
  });
}

const today = async (deps: ConsultationDeps) => localDateOf(deps.clock.now(), await getWorkCalendar(deps));

/** 受理: the council takes the topic up, with a planned meeting date; the response clock stops. */
export function takeUpTopic(deps: ConsultationDeps, ctx: RequestContext, id: string, body: TopicTakeUp) {
  return act(deps, ctx, id, 'take_up', async (_t, actor) => {
    if (body.plannedMeetingOn < (await today(deps))) throw topicPlannedMeetingPast();
    return {
      changes: {
        council: body.council,
        plannedMeetingOn: body.plannedMeetingOn,
        takeUpNote: body.note ?? null,
        respondedAt: deps.clock.now(),
        respondedBy: actor.id,
      },
      told: body.plannedMeetingOn,
    };
  });
}

/** 不予受理: declined with a reason the raiser is told; the response clock stops. */
export function declineTopic(deps: ConsultationDeps, ctx: RequestContext, id: string, reason: string) {
  return act(deps, ctx, id, 'decline', async (_t, actor) => ({
    changes: { declineReason: reason, respondedAt: deps.clock.now(), respondedBy: actor.id },
    told: reason,
  }));
}

/**
 * The meeting's record and outcome. An agreed outcome starts the implementation clock (the plan's due
 * date) and is published as a 决议 notice on the village's board.
 */
export function recordTopicMeeting(deps: ConsultationDeps, ctx: RequestContext, id: string, body: TopicMeeting) {
  return act(deps, ctx, id, 'record_meeting', async (t, actor) => {
    const heldAt = new Date(body.heldAt);
    if (heldAt < t.raisedAt) throw topicMeetingBeforeRaised();
    const cal = await getWorkCalendar(deps);
    const plan = body.plan ?? null;
    if (plan && plan.dueOn < localDateOf(heldAt, cal)) throw topicPlanDueInPast();
    const clock = plan ? implementationInstants(plan.dueOn, cal.utcOffsetMinutes) : null;
    const now = deps.clock.now();
    return {
      outcome: body.outcome,
      changes: {
        meeting: { ...body, heldAt: heldAt.toISOString(), referral: body.referral ?? null, plan },
        discussedAt: now,
        discussedBy: actor.id,
        implementationWarnAt: clock?.warnAt ?? null,
        implementationDeadline: clock?.deadline ?? null,
      },
      told: OUTCOME_NAMES[body.outcome],
      after: plan
        ? async (tx, row) => {
            const notice = await publishFromRecord(tx, {
              regionId: row.regionId,
              category: '决议',
              title: `议事协商决议：${row.title}`,
              body: `议题：${row.title}\n会议时间：${body.heldAt.slice(0, 10)}，地点：${body.place}，参会 ${body.headcount} 人\n议定事项：${plan.what}\n责任单位：${plan.unit}\n完成时限：${plan.dueOn}`,
              sourceRef: `consultation:${row.id}:resolution`,
              at: now,
              by: actor.id,
            });
            await moveNoticeIds(tx, row, notice.id);
          }
        : undefined,
    };
  });
}

/** The implementation's result: the clock stops, the raiser is told and the result is published (实施结果). */
export function recordTopicImplementation(
  deps: ConsultationDeps,
  ctx: RequestContext,
  id: string,
  body: TopicImplementation,
) {
  return act(deps, ctx, id, 'record_implementation', async (_t, actor) => {
    await checkAttachmentsOwned(deps, body.attachmentIds, { userId: actor.id });
    const now = deps.clock.now();
    return {
      changes: {
        implementationResult: body.result,
        implementationAttachmentIds: body.attachmentIds,
        implementedAt: now,
        implementedBy: actor.id,
      },
      told: '',
      after: async (tx, row) => {
        const notice = await publishFromRecord(tx, {
          regionId: row.regionId,
          category: '实施结果',
          title: `议事协商实施结果：${row.title}`,
          body: `议题：${row.title}\n落实情况：${body.result}`,
          sourceRef: `consultation:${row.id}:result`,
          at: now,
          by: actor.id,
        });
        await moveNoticeIds(tx, row, notice.id);
      },
    };
  });
}

async function moveNoticeIds(tx: Db, row: TopicRow, noticeId: string) {
  if (!row.noticeIds.includes(noticeId)) await setNoticeIds(tx, row.id, [...row.noticeIds, noticeId]);
}

/** Sets a village's support threshold and response limit (topics already raised keep their clocks). */
export async function setTopicSettings(
  deps: ConsultationDeps,
  ctx: RequestContext,
  villageId: string,
  body: TopicSettings,
) {
  const actor = authorize(ctx, 'deliberation.manage');
  const village = await loadVillage(deps.db, actor, villageId);
  if (!managesTopics(actor, village.path)) throw topicVillageInvalid();
  await deps.db.transaction(async (tx) => {
    await saveSettings(tx, {
      regionId: village.id,
      regionPath: village.path,
      ...body,
      updatedAt: deps.clock.now(),
      updatedBy: actor.id,
    });
    await recordAudit(tx, deps.clock, ctx, {
      action: 'topic.settings',
      targetType: 'region',
      targetId: village.id,
      regionPath: village.path,
      detail: { ...body },
    });
    ctx.audited = true;
  });
  return { villageId: village.id, villageName: village.name, ...body };
}
