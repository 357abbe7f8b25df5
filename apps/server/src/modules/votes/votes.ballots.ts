import {
  type BallotChannel,
  type BallotReceipt,
  type OwnersVoteChoice,
  type PaperBallotBody,
  maskName,
  normalizeIdNumber,
} from '@gewu/domain';
import { createHash, randomInt, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { authorize } from '../../platform/access.ts';
import { auditRow, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { PiiCipher } from '../../platform/pii.ts';
import { checkAttachmentsOwned } from '../attachments/attachments.service.ts';
import * as errors from './votes.errors.ts';
import * as repo from './votes.repository.ts';
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
  vote: NonNullable<repo.PhoneBallotContext['vote']>;
  voter: NonNullable<repo.PhoneBallotContext['voter']>;
  choice: OwnersVoteChoice;
  channel: BallotChannel;
  castBy: string;
  residentId: string | null;
  scanAttachmentId: string | null;
  proxyName: string | null;
  idempotencyKey: string;
}

/**
 * Casts the voter's ONE ballot on the matter in one statement (repo.insertBallotAudited: the vote read
 * FOR SHARE and still open before its closing time, the ballot, its audit row). The unique index on vote
 * and voter is the rule — no pre-check: when it refuses the insert, the ballot that stands is read (the
 * rare path) and either returned (a retry with the same idempotency key by the same person gets the same
 * receipt) or named in the 409. A retry after the close still gets its receipt.
 */
async function castBallot(deps: BallotDeps, ctx: RequestContext, input: BallotInput): Promise<repo.BallotRow> {
  const { vote, voter } = input;
  const now = deps.clock.now();
  const standing = async () => {
    const first = await repo.findBallotOfVoter(deps.db, vote.id, voter.id);
    if (first && first.castBy === input.castBy && first.idempotencyKey === input.idempotencyKey) return first;
    return first ? errors.secondBallot(first.channel) : null;
  };
  const refusal = (state: string, closesAt: Date) =>
    state !== 'open' ? errors.notOpen() : closesAt <= now ? errors.votingClosed() : null;
  const early = refusal(vote.state, vote.closesAt);
  if (early) {
    const first = await standing();
    if (first && !(first instanceof Error)) return first;
    throw early;
  }
  const code = drawReceiptCode();
  const ballotId = randomUUID();
  // How the owner voted stays out of the audit log: who cast it, for whom and by which channel.
  const audit = auditRow(deps.clock, ctx, {
    action: 'vote.ballot',
    targetType: 'owner_vote',
    targetId: vote.id,
    regionPath: vote.regionPath,
    detail: { voterId: voter.id, channel: input.channel, ballotId },
  });
  const { open, ballot } = await repo.insertBallotAudited(
    deps.db,
    {
      id: ballotId,
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
    },
    audit,
  );
  if (ballot) {
    ctx.audited = true;
    return ballot;
  }
  // Nothing inserted: the voter's ballot already stands (the unique index), or the vote closed meanwhile.
  const first = await standing();
  if (first && !(first instanceof Error)) return first;
  if (first) throw first;
  if (!open) {
    const [current] = await deps.db
      .select({ state: ownerVotes.state, closesAt: ownerVotes.closesAt })
      .from(ownerVotes)
      .where(sql`${ownerVotes.id} = ${vote.id}`);
    throw refusal(current?.state ?? 'closed', current?.closesAt ?? now) ?? errors.notOpen();
  }
  throw errors.secondBallot(input.channel);
}

/** A paper ballot (纸质表决票) or a proxy's ballot (委托书) entered by staff, with its scan attached. */
export async function enterPaperBallot(
  deps: BallotDeps,
  ctx: RequestContext,
  voteId: string,
  body: PaperBallotBody,
): Promise<BallotReceipt> {
  const actor = authorize(ctx, 'vote.manage');
  // The vote in the actor's area and the named roll entry in one query.
  const { vote, voter } = await repo.paperBallotContext(deps.db, repo.visibleVotes(actor), voteId, body.voterId);
  if (!vote) throw errors.voteNotFound();
  // A draft, or a closed vote with no such voter: not open (a closed vote's own voter may be a retry, below).
  if (vote.state === 'draft' || (vote.state !== 'open' && !voter)) throw errors.notOpen();
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

/**
 * The owner's own ballot from the phone: a verified owner (the account's owner link) on the frozen roll
 * of a vote that is open and not past its closing time. The link, the vote and the roll entry come in
 * one query; the ballot and its audit row go in one statement.
 */
export async function castPhoneBallot(
  deps: BallotDeps,
  ctx: RequestContext,
  voteId: string,
  body: { choice: OwnersVoteChoice; idempotencyKey: string },
): Promise<BallotReceipt> {
  const actor = authorize(ctx, 'vote.cast');
  const { residentId, vote, voter } = await repo.phoneBallotContext(deps.db, actor.id, voteId);
  if (!residentId) throw errors.notVerified();
  if (!vote) throw errors.voteNotFound();
  if (!voter) throw errors.notOnRoll();
  const ballot = await castBallot(deps, ctx, {
    vote,
    voter,
    choice: body.choice,
    channel: 'phone',
    castBy: actor.id,
    residentId,
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
