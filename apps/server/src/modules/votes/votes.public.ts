import type { PublishedOwnersVote, ReceiptCheck } from '@gewu/domain';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { normalizeReceiptCode, receiptHash } from './votes.ballots.ts';
import * as errors from './votes.errors.ts';
import * as repo from './votes.repository.ts';
import { ownerVotes } from './votes.table.ts';

/*
 * What anyone may read once a vote has closed, without signing in: the tally with its figures and the
 * anonymised ballot list (receipt hash, choice, area, headcount) to add it up again. No names, no units.
 */

async function closedVote(db: Db, id: string): Promise<repo.VoteRow> {
  const vote = await repo.findVoteWhere(db, id, sql`${ownerVotes.state} = 'closed'`);
  if (!vote || !vote.tally || !vote.closedAt) throw errors.notPublished();
  return vote;
}

export async function publishedVote(db: Db, id: string): Promise<PublishedOwnersVote> {
  const vote = await closedVote(db, id);
  return {
    id: vote.id,
    title: vote.title,
    item: vote.item,
    regionName: await repo.regionNameOf(db, vote.regionId),
    closedAt: (vote.closedAt as Date).toISOString(),
    tally: vote.tally as NonNullable<repo.VoteRow['tally']>,
    ballots: (await repo.publishedBallots(db, vote.id)).map((b) => ({ ...b, areaCenti: Number(b.areaCenti) })),
  };
}

/** A voter checks their receipt code: was their ballot counted, and as what. */
export async function checkReceipt(db: Db, id: string, code: string): Promise<ReceiptCheck> {
  const vote = await closedVote(db, id);
  const ballot = await repo.findBallotByReceipt(db, receiptHash(vote.id, normalizeReceiptCode(code)));
  if (!ballot || ballot.voteId !== vote.id) throw errors.receiptNotFound();
  return { counted: true, choice: ballot.choice, areaCenti: Number(ballot.areaCenti), headcount: ballot.headcount };
}
