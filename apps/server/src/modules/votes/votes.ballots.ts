import {
  type BallotChannel,
  type BallotReceipt,
  type OwnersVoteChoice,
  type PaperBallotBody,
  maskName,
  normalizeIdNumber,
} from '@gewu/domain';
import { createHash, randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { authorize } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { PiiCipher } from '../../platform/pii.ts';
import { checkAttachmentsOwned } from '../attachments/attachments.service.ts';
import * as errors from './votes.errors.ts';
import * as repo from './votes.repository.ts';
import { loadVote } from './votes.service.ts';
import { ownerVotes } from './votes.table.ts';

export type BallotDeps = {
  db: Db;
  clock: Clock;
  pii: PiiCipher;
  config: { GEWU_ATTACHMENT_UNLINKED_DAYS: number };
};

const RECEIPT_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A receipt code: 12 characters of a 32-letter alphabet (60 bits), no 0/O or 1/I to misread. */
function drawReceiptCode(): string {
  return Array.from({ length: 12 }, () => RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)]).join('');
}

/** What is published in place of the code: SHA-256 hex of `<vote id>:<code>` (anyone can compute it). */
export function receiptHash(voteId: string, code: string): string {
  return createHash('sha256').update(`${voteId}:${code}`).digest('hex');
}

export function normalizeReceiptCode(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase();
}

export function receiptOf(b: repo.BallotRow): BallotReceipt {
  return {
    ballotId: b.id,
    channel: b.channel,
    choice: b.choice,
    receiptCode: b.receiptCode,
    castAt: b.castAt.toISOString(),
  };
}

interface BallotInput {
  vote: repo.VoteRow;
  voter: repo.VoterRow;
  choice: OwnersVoteChoice;
  channel: BallotChannel;
  castBy: string;
  residentId: string | null;
  scanAttachmentId: string | null;
  proxyName: string | null;
  idempotencyKey: string;
}

/**
 * Casts the voter's ONE ballot on the matter (the unique index on vote and voter is the rule). A retry
 * with the same idempotency key by the same person returns the first ballot; any other second ballot
 * is refused naming the channel that voted. The vote row is read FOR SHARE so a close waits for the
 * ballots in flight and no ballot lands after it.
 */
async function castBallot(deps: BallotDeps, ctx: RequestContext, input: BallotInput): Promise<repo.BallotRow> {
  const { vote, voter } = input;
  const sameRequest = (b: repo.BallotRow) => b.castBy === input.castBy && b.idempotencyKey === input.idempotencyKey;
  const before = await repo.findBallotOfVoter(deps.db, vote.id, voter.id);
  if (before) {
    if (sameRequest(before)) return before;
    throw errors.secondBallot(before.channel);
  }
  const now = deps.clock.now();
  const inserted = await deps.db.transaction(async (tx) => {
    const [current] = await tx
      .select({ state: ownerVotes.state, closesAt: ownerVotes.closesAt })
      .from(ownerVotes)
      .where(sql`${ownerVotes.id} = ${vote.id}`)
      .for('share');
    if (!current || current.state !== 'open') throw errors.notOpen();
    if (current.closesAt <= now) throw errors.votingClosed();
    const code = drawReceiptCode();
    const row = await repo.insertBallot(tx, {
      voteId: vote.id,
      voterId: voter.id,
      choice: input.choice,
      channel: input.channel,
      areaCenti: Number(voter.areaCenti),
      headcount: voter.headcount,
      receiptCode: code,
      receiptHash: receiptHash(vote.id, code),
      castBy: input.castBy,
      residentId: input.residentId,
      scanAttachmentId: input.scanAttachmentId,
      proxyNameEnc: input.proxyName ? deps.pii.encrypt(input.proxyName) : null,
      proxyNameMasked: input.proxyName ? maskName(input.proxyName) : null,
      idempotencyKey: input.idempotencyKey,
      castAt: now,
    });
    if (!row) return null;
    // How the owner voted stays out of the audit log: who cast it, for whom and by which channel.
    await recordAudit(tx, deps.clock, ctx, {
      action: 'vote.ballot',
      targetType: 'owner_vote',
      targetId: vote.id,
      regionPath: vote.regionPath,
      detail: { voterId: voter.id, channel: input.channel, ballotId: row.id },
    });
    return row;
  });
  if (inserted) return inserted;
  // Lost a race with another ballot for the same voter: the first one stands.
  const first = await repo.findBallotOfVoter(deps.db, vote.id, voter.id);
  if (first && sameRequest(first)) return first;
  throw errors.secondBallot(first?.channel ?? input.channel);
}

/** A paper ballot (纸质表决票) or a proxy's ballot (委托书) entered by staff, with its scan attached. */
export async function enterPaperBallot(
  deps: BallotDeps,
  ctx: RequestContext,
  voteId: string,
  body: PaperBallotBody,
): Promise<BallotReceipt> {
  const actor = authorize(ctx, 'vote.manage');
  const vote = await loadVote(deps.db, ctx, voteId);
  if (vote.state !== 'open') throw errors.notOpen();
  const voter = await repo.findVoter(deps.db, vote.id, body.voterId);
  if (!voter) throw errors.voterNotFound();
  if (body.channel === 'proxy' && !body.proxyName) throw errors.proxyNameRequired();
  await checkAttachmentsOwned(deps, [body.scanAttachmentId], { userId: actor.id }, 'scanAttachmentId');
  const ballot = await castBallot(deps, ctx, {
    vote,
    voter,
    choice: body.choice,
    channel: body.channel,
    castBy: actor.id,
    residentId: null,
    scanAttachmentId: body.scanAttachmentId,
    proxyName: body.channel === 'proxy' ? (body.proxyName ?? null) : null,
    idempotencyKey: body.idempotencyKey,
  });
  return receiptOf(ballot);
}

/** The resident's verified owner record, or 403 until they have verified. */
async function ownerOf(db: Db, ctx: RequestContext): Promise<{ userId: string; residentId: string }> {
  const actor = authorize(ctx, 'vote.cast');
  const link = await repo.findOwnerLink(db, actor.id);
  if (!link) throw errors.notVerified();
  return { userId: actor.id, residentId: link.residentId };
}

/** An open or closed vote whose roll holds the resident; anything else is not found for them. */
export async function loadMyVote(db: Db, residentId: string, voteId: string) {
  const vote = await repo.findVoteWhere(db, voteId, repo.openOrClosed());
  const voter = vote ? await repo.findVoterOfResident(db, vote.id, residentId) : null;
  return { vote, voter };
}

/** The owner's own ballot from the phone (a verified owner on the frozen roll). */
export async function castPhoneBallot(
  deps: BallotDeps,
  ctx: RequestContext,
  voteId: string,
  body: { choice: OwnersVoteChoice; idempotencyKey: string },
): Promise<BallotReceipt> {
  const me = await ownerOf(deps.db, ctx);
  const { vote, voter } = await loadMyVote(deps.db, me.residentId, voteId);
  if (!vote) throw errors.voteNotFound();
  if (!voter) throw errors.notOnRoll();
  const ballot = await castBallot(deps, ctx, {
    vote,
    voter,
    choice: body.choice,
    channel: 'phone',
    castBy: me.userId,
    residentId: me.residentId,
    scanAttachmentId: null,
    proxyName: null,
    idempotencyKey: body.idempotencyKey,
  });
  return receiptOf(ballot);
}

/**
 * The resident proves they are an owner of record: their ID number, hashed with the platform's key,
 * must match an owner's encrypted record in the account's own area. Success and failure are audited
 * (the number itself never is); success links the account to that owner.
 */
export async function verifyOwner(
  deps: BallotDeps,
  ctx: RequestContext,
  idNumber: string,
): Promise<{ verified: true }> {
  const actor = authorize(ctx, 'vote.cast');
  const owner = await repo.findOwnerByIdHash(
    deps.db,
    deps.pii.lookupHash('id', normalizeIdNumber(idNumber)),
    actor.regionPath,
  );
  if (!owner) {
    await recordAudit(deps.db, deps.clock, ctx, { action: 'vote.verify_owner', outcome: 'failure' });
    throw errors.verifyFailed();
  }
  await deps.db.transaction(async (tx) => {
    await repo.linkOwnerAccount(tx, actor.id, owner.id, deps.clock.now());
    await recordAudit(tx, deps.clock, ctx, {
      action: 'vote.verify_owner',
      targetType: 'resident',
      targetId: owner.id,
      regionPath: actor.regionPath,
    });
  });
  return { verified: true };
}
