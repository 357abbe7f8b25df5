import {
  PETITION_ACTION_LABELS,
  type PetitionAction,
  type PetitionActionBody,
  type PetitionClockRecord,
  type PetitionEventDataMap,
  type PetitionHearing,
  type PetitionIntake,
  type PetitionLimits,
  type PetitionProcedure,
  type PetitionRecipient,
  type WorkCalendar,
  checkPetitionTransition,
  intakeActionOf,
  isSafeText,
  petitionClockRecord,
  petitionIntakeRoute,
  petitionLocalDate,
  petitionRuleOf,
  petitionStartOf,
  reviewWindow,
} from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { hasRole, isInScope, requireActor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { getWorkCalendar } from '../calendar/calendar.service.ts';
import { type NotifyTarget, notify, wakeStreams } from '../notifications/notifications.service.ts';
import { loadPetition } from './petitions.access.ts';
import { petitionCentrePath } from './petitions.clocks.ts';
import {
  approverInvalid,
  approverRequired,
  destinationRequired,
  hearingTimeInvalid,
  petitionRefused,
  refilingOverrideNoteRequired,
  requestedOnInvalid,
} from './petitions.errors.ts';
import { buildOpinion } from './petitions.opinions.ts';
import { petitionFacts, petitionRelationsTo } from './petitions.policy.ts';
import { staffAccount } from './petitions.read.repository.ts';
import {
  type NewPetitionEvent,
  PetitionConflict,
  type PetitionRow,
  appendPetitionEvent,
} from './petitions.repository.ts';

export type PetitionActionDeps = { db: Db; clock: Clock; config: { GEWU_PETITION_LIMITS: PetitionLimits } };

type Body<C extends PetitionActionBody['action']> = Extract<PetitionActionBody, { action: C }>;

/** What an action's preparation works from. */
interface Prep {
  deps: PetitionActionDeps;
  actor: Actor;
  row: PetitionRow;
  body: PetitionActionBody;
  now: Date;
  today: string;
  cal: WorkCalendar;
  limits: PetitionLimits;
  /** intake: the route the findings give (petitionIntakeRoute). */
  route?: ReturnType<typeof petitionIntakeRoute>;
}

/** What an action adds to its event beyond the rule's clock. */
interface Prepared {
  data: Record<string, unknown>;
  /** A started clock counts from this instant instead of now (the day a request was received). */
  clockFrom?: Date;
  /** A recount with these (the extension in all, the hearings with the new one). */
  extensionDays?: number;
  hearing?: PetitionHearing;
  newLeaderId?: string;
}

/** The procedure a matter belongs to, and the political-legal and discipline organs, as the notice names them. */
const DESTINATIONS: Record<PetitionProcedure | 'political_legal' | 'discipline_inspection', string> = {
  litigation: '人民法院（诉讼程序）',
  arbitration: '仲裁机构（仲裁程序）',
  administrative_review: '行政复议机关（行政复议程序）',
  political_legal: '同级政法部门',
  discipline_inspection: '纪检监察机关',
};

const ACCEPT_NOTICE = 'petitions.notices.accepted';
const EXTENSION_NOTICE = 'petitions.notices.extension';

function prepareIntake({ row, body, now, today, route }: Prep): Prepared {
  const b = body as Body<'intake'>;
  const r = route ?? petitionIntakeRoute(b.findings);
  // Going against a proposed refusal (refiling after 复核) needs the reason on record.
  if (row.refilingBar && !b.findings.refiledAfterReexamination && !b.note?.trim()) throw refilingOverrideNoteRequired();
  let destination: string | null = null;
  if (r.route === 'transfer_to_procedure') destination = DESTINATIONS[r.procedure];
  if (r.route === 'transfer_to_competent_body') {
    destination = b.destination ?? (r.body === 'competent_body' ? null : DESTINATIONS[r.body]);
    if (!destination) throw destinationRequired();
  }
  const late = row.stageDeadline !== null && now > row.stageDeadline;
  const intake: PetitionIntake = {
    findings: b.findings,
    route: r.route,
    rule: r.rule,
    basis: r.basis,
    procedure: r.route === 'transfer_to_procedure' ? r.procedure : null,
    body: r.route === 'transfer_to_competent_body' ? r.body : null,
    destination,
    lateReason: late && b.lateReason?.trim() ? b.lateReason.trim() : null,
  };
  return {
    data: {
      intake,
      notice: {
        kind: 'intake',
        noticeKey: r.route === 'accept' ? ACCEPT_NOTICE : r.noticeKey,
        issuedOn: today,
        destination,
        reason: r.basis,
      },
    },
  };
}

/** The leader who approved an extension: the leader acting, or the one the centre names (over the petition's region). */
async function approverOf({ deps, actor, row, body }: Prep) {
  const b = body as Body<'extend'>;
  if (hasRole(actor, 'leader') && !b.approverUserId) return { id: actor.id, name: actor.displayName };
  if (!b.approverUserId) throw approverRequired();
  const u = await staffAccount(deps.db, b.approverUserId);
  if (!u || u.status !== 'active' || !u.roles.includes('leader') || !isInScope(u.regionPath, row.regionPath))
    throw approverInvalid();
  return { id: u.id, name: u.name };
}

const PREPARE: Record<
  Exclude<PetitionAction, 'accept' | 'not_accept' | 'transfer' | 'refer'>,
  (p: Prep) => Promise<Prepared> | Prepared
> = {
  extend: async (p) => {
    const b = p.body as Body<'extend'>;
    const approvedBy = await approverOf(p);
    const totalDays = p.row.extensionDays + b.days;
    return {
      data: {
        days: b.days,
        totalDays,
        reason: b.reason,
        approvedBy,
        notice: {
          kind: 'extension',
          noticeKey: EXTENSION_NOTICE,
          issuedOn: p.today,
          destination: null,
          reason: b.reason,
          days: b.days,
        },
      },
      extensionDays: totalDays,
    };
  },
  record_hearing: ({ row, body, now }) => {
    const b = body as Body<'record_hearing'>;
    const start = new Date(b.start);
    const end = new Date(b.end);
    if (!row.stage || !row.stageStartedAt || start < row.stageStartedAt || end <= start || end > now)
      throw hearingTimeInvalid();
    const hearing: PetitionHearing = {
      stage: row.stage,
      start: start.toISOString(),
      end: end.toISOString(),
      place: b.place,
    };
    return { data: { hearing }, hearing };
  },
  reply: async ({ deps, row, body, now, cal, limits }) => {
    const b = body as Body<'reply'>;
    const opinion = await buildOpinion(deps.db, row.regionPath, b, {
      now,
      cal,
      since: row.acceptedAt ?? row.registeredAt,
      nextReview: true,
    });
    const windowLastDay = reviewWindow('review', opinion.deliveredOn, opinion.deliveredOn, cal, limits).lastDay;
    return { data: { opinion, windowLastDay } };
  },
  request_review: ({ body, now, today, cal }) => {
    const receivedOn = (body as Body<'request_review'>).receivedOn ?? today;
    if (receivedOn > today) throw requestedOnInvalid();
    return { data: { receivedOn }, clockFrom: petitionStartOf(receivedOn, now, cal) };
  },
  decide_review: async ({ deps, row, body, now, cal, limits }) => {
    const b = body as Body<'decide_review'>;
    const since = row.reviewRequestedOn ? petitionStartOf(row.reviewRequestedOn, now, cal) : row.registeredAt;
    const opinion = await buildOpinion(deps.db, row.regionPath, b, { now, cal, since, nextReview: true });
    const windowLastDay = reviewWindow('reexamination', opinion.deliveredOn, opinion.deliveredOn, cal, limits).lastDay;
    return { data: { opinion, windowLastDay } };
  },
  request_reexamination: ({ body, now, today, cal }) => {
    const receivedOn = (body as Body<'request_reexamination'>).receivedOn ?? today;
    if (receivedOn > today) throw requestedOnInvalid();
    return { data: { receivedOn }, clockFrom: petitionStartOf(receivedOn, now, cal) };
  },
  decide_reexamination: async ({ deps, row, body, now, cal }) => {
    const b = body as Body<'decide_reexamination'>;
    const since = row.reexaminationRequestedOn
      ? petitionStartOf(row.reexaminationRequestedOn, now, cal)
      : row.registeredAt;
    const opinion = await buildOpinion(deps.db, row.regionPath, b, { now, cal, since, nextReview: false });
    return { data: { opinion } };
  },
  take: ({ actor, row }) => ({
    data: { leaderUserId: actor.id, leaderName: actor.displayName, previousLeaderUserId: row.leaderUserId },
    newLeaderId: actor.id,
  }),
  supervise: ({ row }) => ({ data: { stage: row.stage, deadline: row.stageDeadline?.toISOString() ?? null } }),
};

/** The clock an action's rule leaves running (undefined: unchanged; null: stopped). */
function clockAfter(action: PetitionAction, p: Prep, prepared: Prepared): PetitionClockRecord | null | undefined {
  const effect = petitionRuleOf(action).clock;
  if (effect === 'keep') return undefined;
  if (effect === 'stop') return null;
  const { row, cal, limits } = p;
  if (effect === 'recount') {
    if (!row.stage || !row.stageStartedAt) return undefined;
    return petitionClockRecord(row.stage, row.stageStartedAt, cal, {
      limits,
      hearings: prepared.hearing ? [...row.hearings, prepared.hearing] : row.hearings,
      extensionDays: prepared.extensionDays ?? row.extensionDays,
    });
  }
  return petitionClockRecord(effect.start, prepared.clockFrom ?? p.now, cal, { limits });
}

/**
 * Takes one action on a petition by its rule in PETITION_LIFE: `intake` becomes accept, not accept,
 * transfer or refer as petitionIntakeRoute says for the findings (诉访分离 is the table's, not the
 * actor's choice); checks the rule against the actor's relation and the statutory windows; lets the
 * action check and record its own inputs (PREPARE); sets the clock the rule says; appends the event and
 * updates the petition if nobody acted first (else 409); tells the people the rule names; audits.
 * A refusal writes nothing.
 */
export async function actOnPetition(
  deps: PetitionActionDeps,
  ctx: RequestContext,
  id: string,
  body: PetitionActionBody,
): Promise<PetitionRow> {
  const actor = requireActor(ctx);
  const row = await loadPetition(deps.db, actor, id);
  if (body.version !== row.version) throw new PetitionConflict(row);
  const now = deps.clock.now();
  const cal = await getWorkCalendar(deps);
  const limits = deps.config.GEWU_PETITION_LIMITS;
  const today = petitionLocalDate(now, cal);
  const route = body.action === 'intake' ? petitionIntakeRoute(body.findings) : undefined;
  const action: PetitionAction = route ? intakeActionOf(route) : (body.action as PetitionAction);
  const refusal = checkPetitionTransition(
    petitionFacts(row),
    action,
    petitionRelationsTo(actor, row),
    {
      now,
      actorId: actor.id,
      note: body.note,
      lateReason: body.action === 'intake' ? body.lateReason : undefined,
      extensionDays: body.action === 'extend' ? body.days : undefined,
      requestedOn:
        body.action === 'request_review' || body.action === 'request_reexamination'
          ? (body.receivedOn ?? today)
          : undefined,
    },
    { cal, limits },
  );
  if (refusal) throw petitionRefused(refusal);

  const prep: Prep = { deps, actor, row, body, now, today, cal, limits, route };
  const prepared = route ? prepareIntake(prep) : await PREPARE[action as keyof typeof PREPARE](prep);
  const clock = clockAfter(action, prep, prepared);
  if (action === 'extend' && clock) (prepared.data.notice as { newLastDay?: string }).newLastDay = clock.lastDay;
  const data = { ...prepared.data, ...(clock !== undefined ? { clock } : {}) } as PetitionEventDataMap[PetitionAction];
  const targets = recipients(petitionRuleOf(action).notify, row, prepared);

  try {
    return await deps.db.transaction(async (tx) => {
      const next = await appendPetitionEvent(tx, row, {
        type: action,
        at: now,
        actor: { id: actor.id, name: actor.displayName },
        note: body.note ?? null,
        data,
      } as NewPetitionEvent);
      await notify(
        tx,
        deps.clock,
        targets.filter((t) => !('userId' in t && t.userId === actor.id)),
        {
          kind: `petition.${action}`,
          title: `${next.code}：${PETITION_ACTION_LABELS[action]}`,
          body: body.note && isSafeText(body.note) ? body.note.slice(0, 100) : null,
          subject: { kind: 'petition', id: next.id },
        },
      );
      await recordAudit(tx, deps.clock, ctx, {
        action: `petition.${action}`,
        targetType: 'petition',
        targetId: next.id,
        regionPath: next.regionPath,
        detail: { code: next.code, from: row.state, to: next.state },
      });
      return next;
    });
  } finally {
    wakeStreams();
  }
}

/** The people a rule's recipients stand for on this petition (each told once). */
function recipients(names: readonly PetitionRecipient[], row: PetitionRow, prepared: Prepared): NotifyTarget[] {
  const of: Record<PetitionRecipient, NotifyTarget[]> = {
    centre: [{ regionPath: petitionCentrePath(row.regionPath), role: 'dispatcher' }],
    lead: row.leaderUserId ? [{ userId: row.leaderUserId }] : [],
    newLead: prepared.newLeaderId ? [{ userId: prepared.newLeaderId }] : [],
  };
  const seen = new Set<string>();
  return names
    .flatMap((n) => of[n])
    .filter((t) => {
      const key = JSON.stringify(t);
      return !seen.has(key) && !!seen.add(key);
    });
}
