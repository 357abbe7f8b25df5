import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { BallotChannel, OwnersVoteChoice, OwnersVoteItem, OwnersVoteState, OwnersVoteTally } from '@gewu/domain';

/**
 * An owners' vote on one matter of an estate (业主共同决定, 民法典 art. 278): the estate is a region node,
 * optionally narrowed to `building_ids`. The roll's totals are set when it opens (the roll frozen) and
 * the tally when it closes; results are never shown before.
 */
export const ownerVotes = pgTable(
  'owner_votes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id').notNull(),
    regionPath: text('region_path').notNull(),
    buildingIds: uuid('building_ids').array().notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    item: text('item').$type<OwnersVoteItem>().notNull(),
    state: text('state').$type<OwnersVoteState>().notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    rollAreaCenti: bigint('roll_area_centi', { mode: 'number' }),
    rollHeadcount: integer('roll_headcount'),
    tally: jsonb('tally').$type<OwnersVoteTally>(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('owner_votes_region_path_idx').using('btree', t.regionPath.op('text_pattern_ops'))],
);

/**
 * The frozen roll (业主名册): one row per voter (法释〔2009〕7号 art. 9 — a buyer of several units once,
 * the developer's unsold units as one), their units and summed area.
 */
export const ownerVoteVoters = pgTable(
  'owner_vote_voters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    voteId: uuid('vote_id').notNull(),
    voterKey: text('voter_key').notNull(),
    ownerIds: uuid('owner_ids').array().notNull(),
    unitIds: uuid('unit_ids').array().notNull(),
    /** The units' addresses, for staff finding a paper ballot's voter. */
    units: text('units').notNull(),
    areaCenti: bigint('area_centi', { mode: 'number' }).notNull(),
    headcount: integer('headcount').notNull(),
  },
  (t) => [
    uniqueIndex('owner_vote_voters_key_idx').on(t.voteId, t.voterKey),
    index('owner_vote_voters_owners_idx').using('gin', t.ownerIds),
  ],
);

/**
 * Ballots: ONE per voter per vote whatever the channel (the unique index is the rule). Area and
 * headcount are copied from the roll so the tally is one aggregate over this table. The receipt code
 * is the voter's; only its hash (`sha256(<vote id>:<code>)`) is published.
 */
export const ownerVoteBallots = pgTable(
  'owner_vote_ballots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    voteId: uuid('vote_id').notNull(),
    voterId: uuid('voter_id').notNull(),
    choice: text('choice').$type<OwnersVoteChoice>().notNull(),
    channel: text('channel').$type<BallotChannel>().notNull(),
    areaCenti: bigint('area_centi', { mode: 'number' }).notNull(),
    headcount: integer('headcount').notNull(),
    receiptCode: text('receipt_code').notNull(),
    receiptHash: text('receipt_hash').notNull(),
    castBy: uuid('cast_by').notNull(),
    /** The owner (resident record) who voted on the phone; null for staff-entered ballots. */
    residentId: uuid('resident_id'),
    scanAttachmentId: uuid('scan_attachment_id'),
    proxyNameEnc: text('proxy_name_enc'),
    proxyNameMasked: text('proxy_name_masked'),
    idempotencyKey: text('idempotency_key').notNull(),
    castAt: timestamp('cast_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('owner_vote_ballots_voter_idx').on(t.voteId, t.voterId),
    uniqueIndex('owner_vote_ballots_receipt_idx').on(t.receiptHash),
    index('owner_vote_ballots_scan_idx').on(t.scanAttachmentId),
  ],
);

/**
 * A resident account verified as the owner recorded in the base data (by ID number matched against
 * the encrypted owner record): the account ↔ resident link owners vote through.
 */
export const ownerAccountLinks = pgTable('owner_account_links', {
  userId: uuid('user_id').primaryKey(),
  residentId: uuid('resident_id').notNull(),
  verifiedAt: timestamp('verified_at', { withTimezone: true }).notNull(),
});
