import type { DisputeRelation } from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import { can } from '../../platform/access.ts';
import type { Actor } from '../../platform/context.ts';
import { disputeNotFound } from './disputes.errors.ts';
import { disputeRelationsTo, visibleDisputes } from './disputes.policy.ts';
import { type DisputeRow, findDisputeWhere } from './disputes.repository.ts';
import { organisationOfMediator } from './mediation.repository.ts';

/** Loads a dispute the actor may see, or 404 (never revealing that an out-of-scope dispute exists). */
export async function loadDispute(db: Db, actor: Actor, id: string): Promise<DisputeRow> {
  const row = await findDisputeWhere(db, id, visibleDisputes(actor));
  if (!row) throw disputeNotFound();
  return row;
}

/** The organisation a mediator works for (null for everyone else). */
export async function actorOrganisation(db: Db, actor: Actor): Promise<string | null> {
  return can(actor, 'dispute.mediate') ? organisationOfMediator(db, actor.id) : null;
}

/** How the actor stands to the dispute (DISPUTE_RELATIONS). */
export async function relationsOf(db: Db, actor: Actor, d: DisputeRow): Promise<DisputeRelation[]> {
  return disputeRelationsTo(actor, d, await actorOrganisation(db, actor));
}
