import type {
  DecidingBody,
  DeliberationBody,
  DeliberationStage,
  MatterKind,
  RollBasis,
  StageStatus,
} from '@gewu/domain';
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * A body of a village or community (村民会议, 村民代表会议, 党员大会 …), one of each kind per village,
 * with its roll on a basis (art. 22: 18+ villagers or households; other bodies their members).
 */
export const deliberationBodies = pgTable(
  'deliberation_bodies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionPath: text('region_path').notNull(),
    villageId: uuid('village_id').notNull(),
    kind: text('kind').$type<DeliberationBody>().notNull(),
    basis: text('basis').$type<RollBasis>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('deliberation_bodies_village_kind_idx').on(t.villageId, t.kind),
    index('deliberation_bodies_region_path_idx').using('btree', t.regionPath.op('text_pattern_ops')),
  ],
);

/**
 * A roll entry: a resident (18+ villager, representative, party member …) or a household (a house of
 * the village). Only the masked name is kept here — the person's record stays in `residents`. Every
 * entry says why it was added, and why it was removed (a removed entry stays, for the history).
 */
export const deliberationRollMembers = pgTable(
  'deliberation_roll_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bodyId: uuid('body_id').notNull(),
    residentId: uuid('resident_id'),
    houseId: uuid('house_id'),
    label: text('label').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
    addedReason: text('added_reason').notNull(),
    addedBy: uuid('added_by'),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    removedReason: text('removed_reason'),
    removedBy: uuid('removed_by'),
  },
  (t) => [
    index('deliberation_roll_members_body_idx').on(t.bodyId),
    uniqueIndex('deliberation_roll_members_resident_idx')
      .on(t.bodyId, t.residentId)
      .where(sql`removed_at IS NULL AND resident_id IS NOT NULL`),
    uniqueIndex('deliberation_roll_members_house_idx')
      .on(t.bodyId, t.houseId)
      .where(sql`removed_at IS NULL AND house_id IS NOT NULL`),
  ],
);

/** A matter put through 四议两公开, of a kind the law assigns to a deciding body. */
export const deliberationMatters = pgTable(
  'deliberation_matters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionPath: text('region_path').notNull(),
    villageId: uuid('village_id').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    kind: text('kind').$type<MatterKind>().notNull(),
    decidingBody: text('deciding_body').$type<DecidingBody>().notNull(),
    /** The villagers' meeting's authorisation on record when the representatives' meeting decides (art. 24 para. 2). */
    authorisation: text('authorisation'),
    /** The stage now open (null: the implementation result has been published). */
    stage: text('stage').$type<DeliberationStage>(),
    /** Set by the resolution: when the implementation result is due to be published. */
    implementationDue: date('implementation_due', { mode: 'string' }),
    createdBy: uuid('created_by').notNull(),
    createdByName: text('created_by_name').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('deliberation_matters_key_idx').on(t.createdBy, t.idempotencyKey),
    index('deliberation_matters_region_path_idx').using('btree', t.regionPath.op('text_pattern_ops')),
  ],
);

/** A roll member as frozen when a meeting is convened. */
export type FrozenMember = { id: string; label: string };

/**
 * One stage of a matter. A meeting stage: convened (the roll frozen into `roll`, `expected` its size),
 * then recorded (attendance, votes, minutes) — stored only when the arithmetic supports it. A
 * publication stage: opened with its deadline on the clock engine, then published.
 */
export const deliberationStages = pgTable(
  'deliberation_stages',
  {
    matterId: uuid('matter_id').notNull(),
    stage: text('stage').$type<DeliberationStage>().notNull(),
    status: text('status').$type<StageStatus>().notNull(),
    bodyId: uuid('body_id'),
    basis: text('basis').$type<RollBasis>(),
    heldAt: timestamp('held_at', { withTimezone: true }),
    place: text('place'),
    roll: jsonb('roll').$type<FrozenMember[]>(),
    expected: integer('expected'),
    present: integer('present'),
    attendance: uuid('attendance')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    inFavour: integer('in_favour'),
    against: integer('against'),
    abstaining: integer('abstaining'),
    quorate: boolean('quorate'),
    passed: boolean('passed'),
    minutes: text('minutes'),
    noticeText: text('notice_text'),
    noticeEndsOn: date('notice_ends_on', { mode: 'string' }),
    attachmentIds: uuid('attachment_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    warnAt: timestamp('warn_at', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    concludedAt: timestamp('concluded_at', { withTimezone: true }),
    recordedByName: text('recorded_by_name'),
  },
  (t) => [primaryKey({ columns: [t.matterId, t.stage] })],
);
