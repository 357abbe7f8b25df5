import {
  DISPUTE_ACTION_LABELS,
  type DisputeAction,
  type DisputeActionBody,
  type DisputeClock,
  type DisputeEventDataMap,
  type DisputeRecipient,
  type DisputeRelation,
  type DisputeTier,
  type WorkCalendar,
  agreementProblem,
  centrePathFor,
  checkDisputeTransition,
  disputeRuleOf,
  disputeStageLimit,
  diversionProblem,
  isSafeText,
  nextDisputeTier,
  riskProblem,
} from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { isInScope, requireActor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { stageClock } from '../../platform/clocks/index.ts';
import { getWorkCalendar } from '../calendar/calendar.service.ts';
import { checkAttachmentsOwned } from '../attachments/attachments.service.ts';
import { type NotifyTarget, notify, wakeStreams } from '../notifications/notifications.service.ts';
import { actorOrganisation, loadDispute } from './disputes.access.ts';
import {
  attendeeNotParty,
  confirmationBeforeAgreement,
  decidedTimeInvalid,
  disputeRefused,
  mediatorOutsideOrganisation,
  organisationInvalid,
  sessionTimeInvalid,
  stabilityRequired,
  disputeActionElsewhere,
} from './disputes.errors.ts';
import { disputeFacts, disputeRelationsTo } from './disputes.policy.ts';
import {
  DisputeConflict,
  type DisputeRow,
  type NewDisputeEvent,
  appendDisputeEvent,
  partiesOf,
} from './disputes.repository.ts';
import { checkStabilityUser } from './disputes.register.ts';
import {
  type DisputeTypeRow,
  findDisputeType,
  findOrganisation,
  mediatorAccount,
  mediatorsOf,
} from './mediation.repository.ts';

export type DisputeActionDeps = { db: Db; clock: Clock; config: { GEWU_ATTACHMENT_UNLINKED_DAYS: number } };

/** An action of DISPUTE_ACTIONS_ELSEWHERE as its own route takes it (not a body the actions route accepts). */
export type ElsewhereBody = { action: 'refer_case'; version: number; note: string };
type Body<A extends DisputeAction> = Extract<DisputeActionBody | ElsewhereBody, { action: A }>;

/** What an action's preparation works from. */
interface Prep<A extends DisputeAction> {
  deps: DisputeActionDeps;
  actor: Actor;
  row: DisputeRow;
  body: Body<A>;
  now: Date;
  type: DisputeTypeRow;
  linked?: LinkedCase;
}

/** The case another route wrote with an action of DISPUTE_ACTIONS_ELSEWHERE (转案件), in the same transaction. */
export interface LinkedCase {
  caseId: string;
  caseCode: string;
}

/** What an action adds to its event beyond the rule's clock, and whom it brings in. */
interface Prepared<A extends DisputeAction> {
  data: Omit<DisputeEventDataMap[A], 'clock'>;
  /** The clock the rule starts runs from this instant instead of now (the agreement's effective time). */
  clockFrom?: Date;
  newOrganisationId?: string;
  newMediatorId?: string;
  toTier?: DisputeTier;
  stabilityUserId?: string | null;
}

/** The account, if it is an active mediator of the organisation. */
async function mediatorOf(db: Db, userId: string, organisationId: string | null) {
  const m = await mediatorAccount(db, userId);
  if (
    !m ||
    !organisationId ||
    m.organisationId !== organisationId ||
    m.status !== 'active' ||
    !m.roles.includes('mediator')
  )
    throw mediatorOutsideOrganisation();
  return m;
}

const partySides = async (db: Db, id: string) => (await partiesOf(db, [id])).map((p) => ({ id: p.id, side: p.side }));

/** The part of each action the table cannot say: the inputs it checks and the facts it records. */
const PREPARE: { [A in DisputeAction]: (p: Prep<A>) => Promise<Prepared<A>> | Prepared<A> } = {
  accept: () => ({ data: {} }),
  decline: ({ body }) => ({ data: { channel: body.channel } }),
  divert: async ({ deps, row, body, type }) => {
    const org = await findOrganisation(deps.db, body.organisationId);
    const takesType = !org?.typeCodes.length || org.typeCodes.includes(type.code);
    if (!org || !org.active || !isInScope(org.regionPath, row.regionPath) || !takesType) throw organisationInvalid();
    const problem = diversionProblem({
      path: body.path,
      disputeTier: row.tier,
      organisation: { kind: org.kind, tier: org.tier },
      note: body.note,
    });
    if (problem) throw disputeRefused(problem);
    return {
      data: { path: body.path, tier: org.tier, organisationId: org.id, organisationName: org.name },
      newOrganisationId: org.id,
    };
  },
  assign: async ({ deps, row, body }) => {
    const m = await mediatorOf(deps.db, body.mediatorUserId, row.organisationId);
    return { data: { mediatorUserId: m.id, mediatorName: m.name }, newMediatorId: m.id };
  },
  reassign: async ({ deps, row, body }) => {
    const m = await mediatorOf(deps.db, body.mediatorUserId, row.organisationId);
    return { data: { mediatorUserId: m.id, mediatorName: m.name }, newMediatorId: m.id };
  },
  record_session: async ({ deps, row, body, now }) => {
    const heldAt = new Date(body.heldAt);
    if (heldAt > now || heldAt < row.registeredAt) throw sessionTimeInvalid();
    const ids = new Set((await partySides(deps.db, row.id)).map((p) => p.id));
    if (body.attendeePartyIds.some((id) => !ids.has(id))) throw attendeeNotParty();
    return {
      data: {
        session: {
          heldAt: heldAt.toISOString(),
          place: body.place,
          attendeePartyIds: [...new Set(body.attendeePartyIds)],
          otherAttendees: body.otherAttendees,
        },
      },
    };
  },
  agree: async ({ deps, row, body, now }) => {
    const effectiveAt = body.effectiveAt ? new Date(body.effectiveAt) : now;
    const terms = body.terms.filter((t) => t.text.trim());
    const draft = { partyIds: [...new Set(body.partyIds)], facts: body.facts, terms, effectiveAt };
    const problem = agreementProblem(draft, await partySides(deps.db, row.id), now);
    if (problem) throw disputeRefused(problem);
    const agreement = { ...draft, effectiveAt: effectiveAt.toISOString() };
    // The deadline of the window is the clock the rule starts, counted from the effective time (set in actOnDispute).
    return { data: { agreement, confirmationDeadline: '' }, clockFrom: effectiveAt };
  },
  fail: ({ body }) => ({ data: { guidedPath: body.guidedPath } }),
  escalate: ({ row }) => {
    const toTier = nextDisputeTier(row.tier) as DisputeTier;
    return { data: { fromTier: row.tier, toTier }, toTier };
  },
  apply_confirmation: ({ row, body, now }) => {
    const appliedAt = body.appliedAt ? new Date(body.appliedAt) : now;
    const effective = row.agreement ? new Date(row.agreement.effectiveAt) : row.registeredAt;
    if (appliedAt > now || appliedAt < effective) throw confirmationBeforeAgreement();
    return { data: { appliedAt: appliedAt.toISOString(), court: body.court } };
  },
  record_confirmation: ({ row, body, now }) => {
    const decidedAt = body.decidedAt ? new Date(body.decidedAt) : now;
    const effective = row.agreement ? new Date(row.agreement.effectiveAt) : row.registeredAt;
    if (decidedAt > now || decidedAt < effective) throw decidedTimeInvalid();
    return { data: { result: body.result, decidedAt: decidedAt.toISOString(), rulingNo: body.rulingNo ?? null } };
  },
  waive_confirmation: () => ({ data: {} }),
  follow_up: ({ body }) => ({ data: { performance: body.performance } }),
  close: () => ({ data: {} }),
  assess_risk: async ({ deps, row, body }) => {
    const problem = riskProblem(body.risk, body.stabilityUserId);
    if (problem) throw stabilityRequired(problem);
    await checkStabilityUser(deps.db, body.stabilityUserId, row.regionPath);
    return {
      data: { risk: body.risk, civilToCriminal: body.civilToCriminal, stabilityUserId: body.stabilityUserId },
      stabilityUserId: body.stabilityUserId,
    };
  },
  // Only with the case its route filed in the same transaction (disputes.links.ts).
  refer_case: ({ linked }) => {
    if (!linked) throw disputeActionElsewhere();
    return { data: { caseId: linked.caseId, caseCode: linked.caseCode } };
  },
  // The scans themselves are the event's attachments (checked as the actor's own uploads above).
  attach_signed_agreement: () => ({ data: {} }),
};

/** The clock an action's rule leaves running (undefined: unchanged; null: stopped). */
function clockAfter(
  action: DisputeAction,
  p: { now: Date; type: DisputeTypeRow; cal: WorkCalendar; from?: Date },
): DisputeClock | null | undefined {
  const effect = disputeRuleOf(action).clock;
  if (effect === 'keep') return undefined;
  if (effect === 'stop') return null;
  return stageClock(effect.start, p.from ?? p.now, disputeStageLimit(effect.start, p.type.limits), p.cal);
}

/**
 * Takes one action on a dispute by its rule in DISPUTE_LIFE: checks the rule against the actor's
 * relation to the dispute, lets the action check and record its own inputs (PREPARE), sets the clock
 * the rule says, appends the event and updates the dispute if nobody acted first (else 409), tells the
 * people the rule names, audits. A refusal writes nothing.
 */
export async function actOnDispute(
  deps: DisputeActionDeps,
  ctx: RequestContext,
  id: string,
  body: DisputeActionBody | ElsewhereBody,
  /** The case another route filed for an action of DISPUTE_ACTIONS_ELSEWHERE (then `deps.db` is its transaction). */
  linked?: LinkedCase,
): Promise<DisputeRow> {
  const actor = requireActor(ctx);
  const row = await loadDispute(deps.db, actor, id);
  if (body.version !== row.version) throw new DisputeConflict(row);
  const relations: DisputeRelation[] = disputeRelationsTo(actor, row, await actorOrganisation(deps.db, actor));
  const now = deps.clock.now();
  const appliedAt =
    body.action === 'apply_confirmation' ? (body.appliedAt ? new Date(body.appliedAt) : now) : undefined;
  const refusal = checkDisputeTransition(disputeFacts(row), body.action, relations, { note: body.note, appliedAt });
  if (refusal) throw disputeRefused(refusal);
  if ('attachmentIds' in body) await checkAttachmentsOwned(deps, body.attachmentIds, { userId: actor.id });

  // A type stopped since the dispute was filed still gives its limits to the disputes filed under it.
  const type = (await findDisputeType(deps.db, row.typeCode)) ?? {
    code: row.typeCode,
    name: '',
    limits: {},
    active: false,
    sort: 0,
  };
  const prepare = PREPARE[body.action] as (p: Prep<DisputeAction>) => Promise<Prepared<DisputeAction>>;
  const prepared = await prepare({ deps, actor, row, body: body as Body<DisputeAction>, now, type, linked });
  const cal = await getWorkCalendar(deps);
  const clock = clockAfter(body.action, { now, type, cal, from: prepared.clockFrom });
  const data = {
    ...prepared.data,
    ...(clock !== undefined ? { clock } : {}),
    ...(body.action === 'agree' && clock ? { confirmationDeadline: clock.deadline } : {}),
  } as DisputeEventDataMap[DisputeAction];
  const targets = await recipients(deps.db, disputeRuleOf(body.action).notify, row, prepared);

  try {
    return await deps.db.transaction(async (tx) => {
      const next = await appendDisputeEvent(tx, row, {
        type: body.action,
        at: now,
        actor: { id: actor.id, name: actor.displayName },
        note: body.note ?? null,
        data,
        attachmentIds: 'attachmentIds' in body ? body.attachmentIds : [],
      } as NewDisputeEvent);
      await notify(
        tx,
        deps.clock,
        targets.filter((t) => !('userId' in t && t.userId === actor.id)),
        {
          kind: `dispute.${body.action}`,
          title: `${next.code}：${DISPUTE_ACTION_LABELS[body.action]}`,
          body: body.note && isSafeText(body.note) ? body.note.slice(0, 100) : null,
          subject: { kind: 'dispute', id: next.id },
        },
      );
      await recordAudit(tx, deps.clock, ctx, {
        action: `dispute.${body.action}`,
        targetType: 'dispute',
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

/** The people a rule's recipients stand for on this dispute (each told once). */
async function recipients(
  db: Db,
  names: readonly DisputeRecipient[],
  row: DisputeRow,
  prepared: Prepared<DisputeAction>,
): Promise<NotifyTarget[]> {
  const users = (ids: readonly (string | null | undefined)[]) =>
    ids.filter((id): id is string => !!id).map((userId) => ({ userId }));
  const mediatorsOfOrg = async (orgId: string | null | undefined) =>
    orgId ? users((await mediatorsOf(db, [orgId])).map((m) => m.userId)) : [];
  const of: Record<DisputeRecipient, () => Promise<NotifyTarget[]> | NotifyTarget[]> = {
    centre: () => [{ regionPath: centrePathFor(row.regionPath, row.tier), role: 'dispatcher' }],
    organisation: () => mediatorsOfOrg(row.organisationId),
    mediator: () => users([row.mediatorUserId]),
    newOrganisation: () => mediatorsOfOrg(prepared.newOrganisationId),
    newMediator: () => users([prepared.newMediatorId]),
    upperCentre: () =>
      prepared.toTier ? [{ regionPath: centrePathFor(row.regionPath, prepared.toTier), role: 'dispatcher' }] : [],
    stability: () => users([prepared.stabilityUserId === undefined ? row.stabilityUserId : prepared.stabilityUserId]),
  };
  const seen = new Set<string>();
  const out: NotifyTarget[] = [];
  for (const n of names)
    for (const t of await of[n]()) {
      const key = JSON.stringify(t);
      if (!seen.has(key) && seen.add(key)) out.push(t);
    }
  return out;
}
