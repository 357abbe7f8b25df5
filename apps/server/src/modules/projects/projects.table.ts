import type { MicroProjectCategory, MicroProjectState } from '@gewu/domain';
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** A roll member as frozen when the representatives' meeting voted (masked label only). */
export type FrozenRollMember = { id: string; label: string };

/**
 * One representatives' meeting (村民代表会议, 村民委员会组织法 art. 26) voting on a batch of shortlisted
 * projects of a village: its frozen roll (应到), those present, the minutes. Each project's own votes
 * are on the project (`micro_projects.in_favour` …). Stored only when the meeting was quorate.
 */
export const microProjectVotes = pgTable(
  'micro_project_votes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionPath: text('region_path').notNull(),
    villageId: uuid('village_id').notNull(),
    bodyId: uuid('body_id').notNull(),
    roll: jsonb('roll').$type<FrozenRollMember[]>().notNull(),
    expected: integer('expected').notNull(),
    present: integer('present').notNull(),
    quorate: boolean('quorate').notNull(),
    heldAt: timestamp('held_at', { withTimezone: true }).notNull(),
    place: text('place').notNull(),
    minutes: text('minutes').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('micro_project_votes_key_idx').on(t.recordedBy, t.idempotencyKey),
    index('micro_project_votes_region_path_idx').using('btree', t.regionPath.op('text_pattern_ops')),
  ],
);

/**
 * A 民生微实事 project of a village or community, proposed by a resident (one per idempotency key).
 * The proposer is kept as their account and a masked label; amounts are integer fen.
 */
export const microProjects = pgTable(
  'micro_projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionPath: text('region_path').notNull(),
    villageId: uuid('village_id').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    category: text('category').$type<MicroProjectCategory>().notNull(),
    estimatedCostFen: integer('estimated_cost_fen').notNull(),
    place: text('place').notNull(),
    photoIds: uuid('photo_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    state: text('state').$type<MicroProjectState>().notNull(),
    proposedBy: uuid('proposed_by').notNull(),
    proposerLabel: text('proposer_label').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    rejectReason: text('reject_reason'),
    voteId: uuid('vote_id'),
    inFavour: integer('in_favour'),
    against: integer('against'),
    abstaining: integer('abstaining'),
    implementer: text('implementer'),
    budgetFen: integer('budget_fen'),
    dueOn: date('due_on', { mode: 'string' }),
    warnAt: timestamp('warn_at', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    acceptanceNote: text('acceptance_note'),
    actualCostFen: integer('actual_cost_fen'),
    beforePhotoIds: uuid('before_photo_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    afterPhotoIds: uuid('after_photo_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('micro_projects_key_idx').on(t.proposedBy, t.idempotencyKey),
    index('micro_projects_region_path_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    index('micro_projects_vote_idx').on(t.voteId),
  ],
);
