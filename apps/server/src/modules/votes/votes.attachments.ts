import type { Db } from '../../db/client.ts';
import { can } from '../../platform/access.ts';
import type { Actor } from '../../platform/context.ts';
import { voteWithScanVisible } from './votes.repository.ts';

/** Whether the actor sees a paper ballot's scan: staff who run votes, for a vote in their region. */
export async function seesVoteWithAttachment(db: Db, actor: Actor, attachmentId: string): Promise<boolean> {
  return can(actor, 'vote.manage') && voteWithScanVisible(db, actor, attachmentId);
}
