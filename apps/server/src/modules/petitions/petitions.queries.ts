import {
  PETITION_ACTION_LABELS,
  PETITION_CLOCKED_STATES,
  type PetitionDetail,
  type PetitionEventType,
  type PetitionLimits,
  type PetitionListQuery,
  type PetitionNotice,
  type PetitionOpinion,
  type PetitionOpinionView,
  type PetitionPage,
  type PetitionSummary,
  availablePetitionCommands,
  formatDocumentNumber,
} from '@gewu/domain';
import { type SQL, and, eq, ilike, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { can, escapeLike, inScope, requireActor } from '../../platform/access.ts';
import type { PiiCipher } from '../../platform/pii.ts';
import { lightIsSql } from '../../platform/clocks/index.ts';
import { backLinkViews } from '../../platform/links.ts';
import { getWorkCalendar } from '../calendar/calendar.service.ts';
import { loadPetition } from './petitions.access.ts';
import { petitionNotFound } from './petitions.errors.ts';
import { toPetitionerBrief, toPetitionerView } from './petitions.petitioners.ts';
import { petitionFacts, petitionRelationsTo, visiblePetitions } from './petitions.policy.ts';
import {
  PETITION_CLOCK,
  type PetitionSummaryRow,
  leadersOver,
  pageOfPetitions,
  petitionSummaryOf,
} from './petitions.read.repository.ts';
import {
  type PetitionerRow,
  findPetition,
  listPetitionEvents,
  petitionersOf,
  sameMatter,
} from './petitions.repository.ts';
import { petitions } from './petitions.table.ts';

export type PetitionQueryDeps = {
  db: Db;
  clock: Clock;
  pii: PiiCipher;
  config: { GEWU_PETITION_LIMITS: PetitionLimits };
};

const iso = (d: Date | null) => d?.toISOString() ?? null;

function toSummary(r: PetitionSummaryRow, people: PetitionerRow[]): PetitionSummary {
  const p = r.p;
  return {
    id: p.id,
    code: p.code,
    channel: p.channel,
    summary: p.summary,
    matterType: p.matterType,
    state: p.state,
    stage: p.stage,
    stageLastDay: p.stageLastDay,
    stageDeadline: iso(p.stageDeadline),
    light: r.light,
    windowLastDay: p.windowLastDay,
    collective: p.collective,
    headcount: p.headcount,
    repeatOfId: p.repeatOfId,
    refilingProposed: p.refilingBar !== null && p.state === 'registered',
    regionPath: p.regionPath,
    regionName: r.regionName,
    leader: p.leaderUserId ? { id: p.leaderUserId, name: r.leaderName ?? '' } : null,
    extensionDays: p.extensionDays,
    supervisionCount: p.supervisionCount,
    petitioners: people.filter((x) => x.petitionId === p.id).map(toPetitionerBrief),
    receivedAt: p.receivedAt.toISOString(),
    registeredAt: p.registeredAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
  };
}

/** A full petition code (XF + 15 digits) finds that petition; other text matches the code or the matter. */
function searchCond(text: string): SQL {
  if (/^XF\d{15}$/.test(text)) return eq(petitions.code, text);
  return or(eq(petitions.code, text), ilike(petitions.summary, `%${escapeLike(text)}%`)) as SQL;
}

/**
 * The petition register (信访台账): what the actor sees (visiblePetitions), narrowed by the view — `queue`,
 * what waits on the centre (a clock runs against it); `led`, what the leader took (包案); `overdue`, past
 * a statutory limit — and the filters, with each running clock's light.
 */
export async function listPetitions(
  deps: PetitionQueryDeps,
  ctx: RequestContext,
  q: PetitionListQuery,
): Promise<PetitionPage> {
  const actor = requireActor(ctx);
  const now = deps.clock.now();
  const states = q.state === undefined ? undefined : Array.isArray(q.state) ? q.state : [q.state];
  const where = and(
    visiblePetitions(actor),
    q.view === 'queue'
      ? can(actor, 'petition.centre')
        ? and(inScope(actor, petitions.regionPath), inArray(petitions.state, PETITION_CLOCKED_STATES))
        : sql`false`
      : undefined,
    q.view === 'led' ? eq(petitions.leaderUserId, actor.id) : undefined,
    q.view === 'overdue' ? and(isNotNull(petitions.stageDeadline), lt(petitions.stageDeadline, now)) : undefined,
    states ? inArray(petitions.state, states) : undefined,
    q.channel ? eq(petitions.channel, q.channel) : undefined,
    q.matterType ? eq(petitions.matterType, q.matterType) : undefined,
    q.collective !== undefined ? eq(petitions.collective, q.collective) : undefined,
    q.repeat === undefined
      ? undefined
      : q.repeat
        ? isNotNull(petitions.repeatOfId)
        : sql`${petitions.repeatOfId} IS NULL`,
    q.light ? lightIsSql(q.light, PETITION_CLOCK, now) : undefined,
    q.q ? searchCond(q.q) : undefined,
  );
  const { rows, total } = await pageOfPetitions(deps.db, now, where, q);
  const people = await petitionersOf(
    deps.db,
    rows.map((r) => r.p.id),
  );
  return { items: rows.map((r) => toSummary(r, people)), total, page: q.page, pageSize: q.pageSize };
}

export function opinionView(o: PetitionOpinion | null): PetitionOpinionView | null {
  if (!o) return null;
  return {
    body: o.body,
    reviewBody: o.reviewBody,
    number: formatDocumentNumber({ year: Number(o.date.slice(0, 4)), agency: o.agency, serial: o.serial }),
    facts: o.facts,
    opinion: o.opinion,
    basis: o.basis,
    outcome: o.outcome,
    date: o.date,
    deliveredOn: o.deliveredOn,
  };
}

/**
 * A petition with its petitioners, timeline, notices, opinions and the actions the viewer may take. The
 * petitioners' names are shown in full only to the centre handling it; leaders see them masked, and
 * numbers are always masked. The opinions can be printed by the centre and the leader who took it.
 */
export async function getPetitionDetail(
  deps: PetitionQueryDeps,
  ctx: RequestContext,
  id: string,
  opts: { justActed?: boolean } = {},
): Promise<PetitionDetail> {
  const actor = requireActor(ctx);
  const now = deps.clock.now();
  const p = opts.justActed
    ? ((await findPetition(deps.db, id)) ?? (await loadPetition(deps.db, actor, id)))
    : await loadPetition(deps.db, actor, id);
  const relations = petitionRelationsTo(actor, p);
  const [summary, people, events, matter, cal, links] = await Promise.all([
    petitionSummaryOf(deps.db, now, p.id),
    petitionersOf(deps.db, [p.id]),
    listPetitionEvents(deps.db, p.id),
    sameMatter(deps.db, p.matterId, p.id, visiblePetitions(actor)),
    getWorkCalendar(deps),
    // The visit at the centre's window that registered it (one door), if one did.
    backLinkViews(deps.db, actor, { kind: 'petition', id: p.id }),
  ]);
  if (!summary) throw petitionNotFound();
  const centre = relations.includes('centre');
  const mayPrint = centre || relations.includes('lead');
  const limits = deps.config.GEWU_PETITION_LIMITS;
  const actions = availablePetitionCommands(petitionFacts(p), relations, { now, actorId: actor.id }, { cal, limits });
  const stageLimit = p.stage ? limits[p.stage] : null;
  const currentClock = events.findLast((e) => {
    const d = e.data as { clock?: { excludedDays?: string[] } | null };
    return d.clock !== undefined;
  });
  const excludedDays = p.stage
    ? ((currentClock?.data as { clock?: { excludedDays?: string[] } | null }).clock?.excludedDays ?? [])
    : [];
  return {
    ...toSummary(summary, []),
    respondent: p.respondent,
    subjectObject: p.subjectObject,
    receiptNo: p.receiptNo,
    links,
    newFactsOrReasons: p.newFactsOrReasons,
    petitioners: people.map((x) => toPetitionerView(x, deps.pii, centre)),
    stageStartedAt: iso(p.stageStartedAt),
    excludedDays,
    stageLimit: stageLimit
      ? {
          amount: stageLimit.amount + (p.stage === 'handling' ? p.extensionDays : 0),
          unit: stageLimit.unit,
          source: stageLimit.source,
        }
      : null,
    refilingBar: p.refilingBar
      ? { ...p.refilingBar, noticeKey: 'petitions.notices.not_accept_refiled_after_reexamination' }
      : null,
    sameMatter: matter.map((m) => ({ ...m, registeredAt: m.registeredAt.toISOString() })),
    intake: p.intake
      ? {
          route: p.intake.route,
          rule: p.intake.rule,
          basis: p.intake.basis,
          destination: p.intake.destination,
          lateReason: p.intake.lateReason,
          late: p.intakeLate === true,
        }
      : null,
    hearings: p.hearings,
    notices: events.flatMap((e) => {
      const d = e.data as { notice?: PetitionNotice; approvedBy?: { name: string } };
      if (!d.notice) return [];
      const n = d.notice;
      return [
        {
          seq: e.seq,
          kind: n.kind,
          noticeKey: n.noticeKey,
          issuedOn: n.issuedOn,
          destination: n.destination,
          reason: n.reason,
          days: n.days ?? null,
          newLastDay: n.newLastDay ?? null,
          approvedBy: d.approvedBy?.name ?? null,
        },
      ];
    }),
    reply: opinionView(p.reply),
    review: opinionView(p.review),
    reexamination: opinionView(p.reexamination),
    reviewRequestedOn: p.reviewRequestedOn,
    reexaminationRequestedOn: p.reexaminationRequestedOn,
    leaderTakenAt: iso(p.leaderTakenAt),
    endedAt: iso(p.endedAt),
    documents: {
      handling: mayPrint && p.reply !== null,
      review: mayPrint && p.review !== null,
      reexamination: mayPrint && p.reexamination !== null,
    },
    events: events.map((e) => ({
      seq: e.seq,
      type: e.type,
      label: PETITION_ACTION_LABELS[e.type as PetitionEventType] ?? e.type,
      at: e.at.toISOString(),
      actorName: e.actorName,
      note: e.note,
      data: timelineData(e.data as unknown as Record<string, unknown>),
    })),
    actions,
    approvers: centre && actions.includes('extend') ? await leadersOver(deps.db, p.regionPath) : [],
  };
}

/** What the timeline shows of an event: its facts, not the registration's copy of the petition. */
function timelineData(d: Record<string, unknown>): Record<string, unknown> {
  const { petition: _petition, ...rest } = d;
  return rest;
}
