import {
  DEFAULT_SUPPORT_THRESHOLD,
  DEFAULT_TOPIC_RESPONSE_DAYS,
  type TopicDetail,
  type TopicList,
  type TopicSummary,
  lightAt,
  raiserLabel,
  reachesSupportThreshold,
} from '@gewu/domain';
import { type SQL, and, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { inScope, requireActor } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { lightIsSql } from '../../platform/clocks/index.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import {
  type TopicWithNames,
  settingsOf,
  supportedAmong,
  topicsWhere,
  villagesUnder,
} from './consultation.repository.ts';
import { loadTopic, managesTopics } from './consultation.service.ts';
import { consultationTopics } from './consultation.table.ts';

type ReadDeps = { db: Db; clock: Clock };

/** The clock that runs in a state: the response while raised, the implementation while implementing. */
function runningClock(t: TopicWithNames['t']) {
  if (t.state === 'raised') return { warnAt: t.responseWarnAt, deadline: t.responseDeadline };
  if (t.state === 'implementing' && t.implementationWarnAt && t.implementationDeadline)
    return { warnAt: t.implementationWarnAt, deadline: t.implementationDeadline };
  return null;
}

function summaryOf(r: TopicWithNames, actor: Actor, threshold: number, supported: boolean, now: Date): TopicSummary {
  const { t } = r;
  const clock = runningClock(t);
  const mine = t.raiserId === actor.id;
  return {
    id: t.id,
    villageId: t.regionId,
    villageName: r.villageName,
    title: t.title,
    source: t.source,
    state: t.state,
    // Never the full name: the raiser sees 我, everyone else 王** or 匿名.
    raiser: mine ? '我' : raiserLabel(r.raiserName, t.anonymous),
    anonymous: t.anonymous,
    mine,
    supports: t.supports,
    supportedByMe: supported,
    threshold,
    thresholdReached: reachesSupportThreshold(t.supports, threshold),
    raisedAt: t.raisedAt.toISOString(),
    deadline: clock ? clock.deadline.toISOString() : null,
    light: clock ? lightAt(clock, now) : null,
  };
}

async function thresholds(db: Db, regionIds: string[]): Promise<Map<string, number>> {
  const rows = await settingsOf(db, [...new Set(regionIds)]);
  return new Map(rows.map((s) => [s.regionId, s.supportThreshold]));
}

/** Topics whose running clock (response while raised, implementation while implementing) shows `light`. */
const lightFilter = (light: 'green' | 'yellow' | 'red', now: Date): SQL => {
  const t = consultationTopics;
  return or(
    and(eq(t.state, 'raised'), lightIsSql(light, { warnAt: t.responseWarnAt, deadline: t.responseDeadline }, now)),
    and(
      eq(t.state, 'implementing'),
      lightIsSql(light, { warnAt: t.implementationWarnAt, deadline: t.implementationDeadline }, now),
    ),
  ) as SQL;
};

/** Topics of the actor's area (a resident's: their village's), with filters, newest first. */
export async function listTopics(
  deps: ReadDeps,
  ctx: RequestContext,
  q: {
    state?: TopicSummary['state'];
    villageId?: string;
    light?: 'green' | 'yellow' | 'red';
    thresholdReached?: string;
  },
): Promise<TopicList> {
  const actor = requireActor(ctx);
  const now = deps.clock.now();
  const rows = await topicsWhere(
    deps.db,
    and(
      inScope(actor, consultationTopics.regionPath),
      q.state ? eq(consultationTopics.state, q.state) : undefined,
      q.villageId ? eq(consultationTopics.regionId, q.villageId) : undefined,
      q.light ? lightFilter(q.light, now) : undefined,
    ) as SQL,
  );
  const villages = await villagesUnder(deps.db, actor);
  const own = await thresholds(
    deps.db,
    villages.map((v) => v.id),
  );
  const mine = await supportedAmong(
    deps.db,
    rows.map((r) => r.t.id),
    actor.id,
  );
  const items = rows
    .map((r) => summaryOf(r, actor, own.get(r.t.regionId) ?? DEFAULT_SUPPORT_THRESHOLD, mine.has(r.t.id), now))
    .filter((s) => q.thresholdReached === undefined || String(s.thresholdReached) === q.thresholdReached);
  const settings = await settingsOf(
    deps.db,
    villages.map((v) => v.id),
  );
  return {
    items,
    settings: villages.map((v) => {
      const s = settings.find((x) => x.regionId === v.id);
      return {
        villageId: v.id,
        villageName: v.name,
        supportThreshold: s?.supportThreshold ?? DEFAULT_SUPPORT_THRESHOLD,
        responseDays: s?.responseDays ?? DEFAULT_TOPIC_RESPONSE_DAYS,
      };
    }),
  };
}

/** One topic with its response, meeting and implementation. */
export async function getTopic(deps: ReadDeps, ctx: RequestContext, id: string): Promise<TopicDetail> {
  const actor = requireActor(ctx);
  const r = await loadTopic(deps.db, actor, id);
  const { t } = r;
  const threshold = (await thresholds(deps.db, [t.regionId])).get(t.regionId) ?? DEFAULT_SUPPORT_THRESHOLD;
  const supported = (await supportedAmong(deps.db, [t.id], actor.id)).has(t.id);
  const responded = t.respondedAt?.toISOString() ?? '';
  return {
    ...summaryOf(r, actor, threshold, supported, deps.clock.now()),
    description: t.description,
    attachmentIds: t.attachmentIds,
    takenUp:
      t.council && t.plannedMeetingOn
        ? { council: t.council, plannedMeetingOn: t.plannedMeetingOn, note: t.takeUpNote, at: responded }
        : null,
    declined: t.declineReason ? { reason: t.declineReason, at: responded } : null,
    meeting: t.meeting,
    implementation:
      t.implementationResult && t.implementedAt
        ? {
            result: t.implementationResult,
            attachmentIds: t.implementationAttachmentIds,
            at: t.implementedAt.toISOString(),
          }
        : null,
    noticeIds: t.noticeIds,
    canManage: managesTopics(actor, t.regionPath),
  };
}

/** Whether the actor reads a topic that carries this photo (its area's; residents their village's). */
export async function seesTopicWithAttachment(db: Db, actor: Actor, attachmentId: string): Promise<boolean> {
  const json = JSON.stringify([attachmentId]);
  const rows = await topicsWhere(
    db,
    and(
      inScope(actor, consultationTopics.regionPath),
      or(
        sql`${consultationTopics.attachmentIds} @> ${json}::jsonb`,
        sql`${consultationTopics.implementationAttachmentIds} @> ${json}::jsonb`,
      ),
    ) as SQL,
    1,
  );
  return rows.length > 0;
}
