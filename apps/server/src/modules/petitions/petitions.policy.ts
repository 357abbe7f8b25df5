import type { PetitionFacts, PetitionRelation } from '@gewu/domain';
import { type SQL, eq, or, sql } from 'drizzle-orm';
import { can, hasRole, inScope } from '../../platform/access.ts';
import type { Actor } from '../../platform/context.ts';
import { petitions } from './petitions.table.ts';

type PetitionRow = typeof petitions.$inferSelect;

/**
 * How the actor stands to the petition; PETITION_LIFE decides what each relation may do: the centre
 * (a dispatcher whose area holds it) handles it, a leader over its region supervises it, the leader who
 * took it (包案) leads it.
 */
export function petitionRelationsTo(
  actor: Actor,
  p: Pick<PetitionRow, 'regionPath' | 'leaderUserId'>,
): PetitionRelation[] {
  const r: PetitionRelation[] = [];
  if (can(actor, 'petition.centre', p.regionPath)) r.push('centre');
  if (hasRole(actor, 'leader') && can(actor, 'petition.supervise', p.regionPath)) r.push('supervisor');
  if (hasRole(actor, 'leader') && p.leaderUserId === actor.id) r.push('lead');
  return r;
}

export function petitionFacts(
  p: Pick<PetitionRow, 'state' | 'stageDeadline' | 'extensionDays' | 'leaderUserId' | 'reply' | 'review'>,
): PetitionFacts {
  return {
    state: p.state,
    stageDeadline: p.stageDeadline,
    extensionDays: p.extensionDays,
    leaderUserId: p.leaderUserId,
    replyDeliveredOn: p.reply?.deliveredOn ?? null,
    reviewDeliveredOn: p.review?.deliveredOn ?? null,
  };
}

/** Which petitions the actor may see at all: the centre and leaders those of their region, a leader what they took. */
export function visiblePetitions(actor: Actor): SQL {
  const conds: SQL[] = [];
  if (hasRole(actor, 'dispatcher') || hasRole(actor, 'leader')) conds.push(inScope(actor, petitions.regionPath));
  if (hasRole(actor, 'leader')) conds.push(eq(petitions.leaderUserId, actor.id));
  return or(...conds) ?? sql`false`;
}
