import { z } from 'zod';
import { safeString } from './text.ts';
import { BALLOT_CHANNELS, OWNERS_VOTE_CHOICES, OWNERS_VOTE_ITEMS, OWNERS_VOTE_STATES } from './owners-vote.ts';

/*
 * The owners' vote routes' inputs and answers (route schemas and the web client). Areas are whole
 * 0.01 m² (`areaCenti`), as the rules count them.
 */

const idempotencyKey = safeString().trim().min(8).max(100);
const weightSchema = z.object({ areaCenti: z.number().int(), headcount: z.number().int() });

/**
 * A vote on one matter of an estate (小区): the estate is a region node (a village/community or a
 * 小区 node under it), optionally narrowed to some of its buildings.
 */
export const createOwnersVoteBodySchema = z.strictObject({
  regionId: z.string().uuid(),
  buildingIds: z.array(z.string().uuid()).max(500).default([]),
  title: safeString().trim().min(2, '请填写表决事项').max(200),
  description: safeString().trim().max(4000).default(''),
  item: z.enum(OWNERS_VOTE_ITEMS),
  closesAt: z.string().datetime({ offset: true }),
});
export type CreateOwnersVoteBody = z.infer<typeof createOwnersVoteBodySchema>;
export type CreateOwnersVoteInput = z.input<typeof createOwnersVoteBodySchema>;

export const ownersVoteSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  item: z.enum(OWNERS_VOTE_ITEMS),
  state: z.enum(OWNERS_VOTE_STATES),
  regionName: z.string(),
  closesAt: z.string(),
  ballotsCast: z.number().int(),
  roll: weightSchema.nullable(),
});
export type OwnersVoteSummary = z.infer<typeof ownersVoteSummarySchema>;

/** A vote in the staff list, with its closing light while open (ownersVoteClock; null when not open). */
export const ownersVoteListItemSchema = ownersVoteSummarySchema.extend({
  light: z.enum(['green', 'yellow', 'red']).nullable(),
});
export type OwnersVoteListItem = z.infer<typeof ownersVoteListItemSchema>;

export const ownersVoteListSchema = z.object({ items: z.array(ownersVoteListItemSchema) });

/** The published outcome (民法典 art. 278 para. 2), with every figure it was decided from. */
export const ownersVoteTallySchema = z.object({
  roll: weightSchema,
  byChoice: z.object({ for: weightSchema, against: weightSchema, abstain: weightSchema }),
  participating: weightSchema,
  participationMet: z.boolean(),
  threshold: z.enum(['three_quarters', 'more_than_half']),
  majorityMet: z.boolean(),
  passed: z.boolean(),
});
export type OwnersVoteTally = z.infer<typeof ownersVoteTallySchema>;

export const ownersVoteDetailSchema = ownersVoteSummarySchema.extend({
  description: z.string(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Only once closed: results are hidden while the vote is open. */
  tally: ownersVoteTallySchema.nullable(),
});
export type OwnersVoteDetail = z.infer<typeof ownersVoteDetailSchema>;

/** One voter on the roll as staff see it: units and weight, owners masked, whether (not how) they voted. */
export const rollVoterSchema = z.object({
  id: z.string().nullable(),
  units: z.string(),
  ownersMasked: z.string(),
  developer: z.boolean(),
  areaCenti: z.number().int(),
  headcount: z.number().int(),
  votedBy: z.enum(BALLOT_CHANNELS).nullable(),
});
export const ownersRollSchema = z.object({
  frozen: z.boolean(),
  totals: weightSchema,
  unitsWithoutArea: z.number().int(),
  voters: z.array(rollVoterSchema),
});
export type OwnersRoll = z.infer<typeof ownersRollSchema>;

/** A paper ballot (纸质表决票) entered by staff with its scan, or one cast by a proxy (委托书 scanned). */
export const paperBallotBodySchema = z.strictObject({
  voterId: z.string().uuid(),
  choice: z.enum(OWNERS_VOTE_CHOICES),
  channel: z.enum(['paper', 'proxy']),
  scanAttachmentId: z.string().uuid(),
  proxyName: safeString().trim().max(50).optional(),
  idempotencyKey,
});
export type PaperBallotBody = z.input<typeof paperBallotBodySchema>;

export const phoneBallotBodySchema = z.strictObject({
  choice: z.enum(OWNERS_VOTE_CHOICES),
  idempotencyKey,
});
export type PhoneBallotBody = z.input<typeof phoneBallotBodySchema>;

/** The resident proves ownership with their ID number, matched against the owner records. */
export const verifyOwnerBodySchema = z.strictObject({ idNumber: safeString().trim().min(15).max(18) });

/** A ballot's receipt: the code the voter keeps to find their ballot in the published list. */
export const ballotReceiptSchema = z.object({
  ballotId: z.string(),
  channel: z.enum(BALLOT_CHANNELS),
  choice: z.enum(OWNERS_VOTE_CHOICES),
  receiptCode: z.string(),
  castAt: z.string(),
});
export type BallotReceipt = z.infer<typeof ballotReceiptSchema>;

/** What an owner sees of a vote on the phone: the matter, their weight, their own ballot. */
export const myOwnersVoteSchema = ownersVoteDetailSchema.extend({
  verified: z.boolean(),
  myWeight: weightSchema.nullable(),
  myBallot: ballotReceiptSchema.nullable(),
});
export type MyOwnersVote = z.infer<typeof myOwnersVoteSchema>;
export const myOwnersVoteListSchema = z.object({ items: z.array(myOwnersVoteSchema) });

/** The published anonymised ballot: from the list anyone can add the tally up again. */
export const publishedBallotSchema = z.object({
  receiptHash: z.string(),
  choice: z.enum(OWNERS_VOTE_CHOICES),
  areaCenti: z.number().int(),
  headcount: z.number().int(),
});
export const publishedOwnersVoteSchema = z.object({
  id: z.string(),
  title: z.string(),
  item: z.enum(OWNERS_VOTE_ITEMS),
  regionName: z.string(),
  closedAt: z.string(),
  tally: ownersVoteTallySchema,
  /** receiptHash = SHA-256 hex of `<vote id>:<receipt code>`. */
  ballots: z.array(publishedBallotSchema),
});
export type PublishedOwnersVote = z.infer<typeof publishedOwnersVoteSchema>;

export const receiptCheckSchema = z.object({
  counted: z.boolean(),
  choice: z.enum(OWNERS_VOTE_CHOICES),
  areaCenti: z.number().int(),
  headcount: z.number().int(),
});
export type ReceiptCheck = z.infer<typeof receiptCheckSchema>;
