import {
  DISPUTE_TIER_OF_LEVEL,
  type DisputeFacts,
  type DisputeRelation,
  type DisputeTier,
  type RegionLevel,
  disputeTierRank,
} from '@gewu/domain';
import { type SQL, eq, or, sql } from 'drizzle-orm';
import { can, hasRole, inScope } from '../../platform/access.ts';
import type { Actor } from '../../platform/context.ts';
import { disputes } from './disputes.table.ts';

type DisputeRow = typeof disputes.$inferSelect;

/** The tier a centre works at (a city or province centre acts as the top tier). */
export function centreTierOf(actor: Pick<Actor, 'regionLevel'>): DisputeTier {
  return DISPUTE_TIER_OF_LEVEL[actor.regionLevel as RegionLevel] ?? 'township';
}

/**
 * How the actor stands to the dispute; DISPUTE_LIFE decides what each relation may do.
 * `organisationIds`: the organisations the actor is a mediator of (none for other roles).
 */
export function disputeRelationsTo(
  actor: Actor,
  d: Pick<DisputeRow, 'regionPath' | 'tier' | 'organisationId' | 'mediatorUserId'>,
  organisationId: string | null,
): DisputeRelation[] {
  const r: DisputeRelation[] = [];
  // A centre acts on disputes in its area at its own tier or below: a county centre takes what a township handed up.
  if (
    can(actor, 'dispute.centre', d.regionPath) &&
    disputeTierRank(centreTierOf(actor)) >= disputeTierRank(d.tier as DisputeTier)
  )
    r.push('centre');
  if (can(actor, 'dispute.mediate') && organisationId && d.organisationId === organisationId) r.push('organisation');
  if (can(actor, 'dispute.mediate') && d.mediatorUserId === actor.id) r.push('mediator');
  if (hasRole(actor, 'leader') && can(actor, 'dispute.read', d.regionPath)) r.push('supervisor');
  return r;
}

export function disputeFacts(
  d: Pick<DisputeRow, 'state' | 'tier' | 'followUpCount' | 'confirmationDeadline'>,
): DisputeFacts {
  return {
    state: d.state,
    tier: d.tier,
    followUpCount: d.followUpCount,
    confirmationDeadline: d.confirmationDeadline,
  };
}

/**
 * Which disputes the actor may see at all: the centre (dispatchers) and leaders everything in their
 * region; a mediator the disputes of their organisation and those they hold; nobody else any.
 */
export function visibleDisputes(actor: Actor): SQL {
  const conds: SQL[] = [];
  if (hasRole(actor, 'dispatcher') || hasRole(actor, 'leader')) conds.push(inScope(actor, disputes.regionPath));
  if (hasRole(actor, 'mediator')) {
    conds.push(eq(disputes.mediatorUserId, actor.id));
    conds.push(
      sql`${disputes.organisationId} = (SELECT m.organisation_id FROM mediators m WHERE m.user_id = ${actor.id})`,
    );
  }
  return or(...conds) ?? sql`false`;
}

/**
 * Who may print the 人民调解协议书, which carries every party's full name, address and phone: the
 * centre, the organisation's mediators, the mediator holding it, and the leaders over its region.
 */
export function mayPrintAgreement(relations: readonly DisputeRelation[]): boolean {
  return relations.some((r) => AGREEMENT_PRINTERS.includes(r));
}
const AGREEMENT_PRINTERS: readonly DisputeRelation[] = ['centre', 'organisation', 'mediator', 'supervisor'];
