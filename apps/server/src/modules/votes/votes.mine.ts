import type { MyOwnersVote } from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import { authorize } from '../../platform/access.ts';
import type { RequestContext } from '../../platform/context.ts';
import { receiptOf } from './votes.ballots.ts';
import * as errors from './votes.errors.ts';
import * as repo from './votes.repository.ts';
import { voteDetail } from './votes.service.ts';

/** A vote as its owner sees it: the matter, their weight on the roll, their own ballot and nobody else's. */
async function myView(db: Db, vote: repo.VoteRow, voter: repo.VoterRow | null): Promise<MyOwnersVote> {
  const ballot = voter ? await repo.findBallotOfVoter(db, vote.id, voter.id) : null;
  return {
    ...(await voteDetail(db, vote)),
    verified: true,
    myWeight: voter ? { areaCenti: Number(voter.areaCenti), headcount: voter.headcount } : null,
    myBallot: ballot ? receiptOf(ballot) : null,
  };
}

/** The votes whose frozen roll holds the resident's verified owner record (none before verification). */
export async function myVotes(db: Db, ctx: RequestContext): Promise<{ verified: boolean; items: MyOwnersVote[] }> {
  const actor = authorize(ctx, 'vote.cast');
  const link = await repo.findOwnerLink(db, actor.id);
  if (!link) return { verified: false, items: [] };
  const votes = await repo.votesOfResident(db, link.residentId);
  const items: MyOwnersVote[] = [];
  for (const v of votes) items.push(await myView(db, v, await repo.findVoterOfResident(db, v.id, link.residentId)));
  return { verified: true, items };
}

export async function myVote(db: Db, ctx: RequestContext, id: string): Promise<MyOwnersVote> {
  const actor = authorize(ctx, 'vote.cast');
  const link = await repo.findOwnerLink(db, actor.id);
  if (!link) throw errors.voteNotFound();
  const vote = await repo.findVoteWhere(db, id, repo.openOrClosed());
  const voter = vote ? await repo.findVoterOfResident(db, vote.id, link.residentId) : null;
  if (!vote || !voter) throw errors.voteNotFound();
  return myView(db, vote, voter);
}
