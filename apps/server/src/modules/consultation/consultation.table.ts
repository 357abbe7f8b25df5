import type {
  DeliberationBody,
  TopicOutcome,
  TopicParticipantKind,
  TopicReferral,
  TopicSource,
  TopicState,
} from '@gewu/domain';
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
import { regions } from '../regions/regions.table.ts';
import { users } from '../users/users.table.ts';

/** A meeting's record as kept on the topic (议事会 / 恳谈会 …). */
export interface TopicMeetingRecord {
  heldAt: string;
  place: string;
  participants: { kind: TopicParticipantKind; count: number }[];
  headcount: number;
  minutes: string;
  outcome: TopicOutcome;
  referral: { kind: TopicReferral; ref: string } | null;
  plan: { what: string; unit: string; dueOn: string } | null;
}

/**
 * 议事协商: a topic raised in a village/community, its supports counted in `supports`, the council's
 * response on the `topic.response` clock (response_*), the meeting, and the implementation on the
 * `topic.implementation` clock (implementation_*).
 */
export const consultationTopics = pgTable(
  'consultation_topics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    regionPath: text('region_path').notNull(),
    source: text('source').$type<TopicSource>().notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    attachmentIds: jsonb('attachment_ids').$type<string[]>().notNull().default([]),
    anonymous: boolean('anonymous').notNull().default(false),
    raiserId: uuid('raiser_id')
      .notNull()
      .references(() => users.id),
    state: text('state').$type<TopicState>().notNull(),
    supports: integer('supports').notNull().default(0),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    responseWarnAt: timestamp('response_warn_at', { withTimezone: true }).notNull(),
    responseDeadline: timestamp('response_deadline', { withTimezone: true }).notNull(),
    council: text('council').$type<DeliberationBody>(),
    plannedMeetingOn: date('planned_meeting_on', { mode: 'string' }),
    takeUpNote: text('take_up_note'),
    declineReason: text('decline_reason'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    respondedBy: uuid('responded_by'),
    meeting: jsonb('meeting').$type<TopicMeetingRecord>(),
    discussedAt: timestamp('discussed_at', { withTimezone: true }),
    discussedBy: uuid('discussed_by'),
    implementationWarnAt: timestamp('implementation_warn_at', { withTimezone: true }),
    implementationDeadline: timestamp('implementation_deadline', { withTimezone: true }),
    implementationResult: text('implementation_result'),
    implementationAttachmentIds: jsonb('implementation_attachment_ids').$type<string[]>().notNull().default([]),
    implementedAt: timestamp('implemented_at', { withTimezone: true }),
    implementedBy: uuid('implemented_by'),
    noticeIds: jsonb('notice_ids').$type<string[]>().notNull().default([]),
    idempotencyKey: text('idempotency_key').notNull(),
  },
  (t) => [
    uniqueIndex('consultation_topics_idempotency').on(t.raiserId, t.idempotencyKey),
    index('consultation_topics_region_idx').on(t.regionPath, t.state, t.raisedAt),
  ],
);

/** 附议: one support per resident per topic (the primary key refuses a second). */
export const consultationSupports = pgTable(
  'consultation_supports',
  {
    topicId: uuid('topic_id')
      .notNull()
      .references(() => consultationTopics.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    supportedAt: timestamp('supported_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.userId] }), index('consultation_supports_user_idx').on(t.userId)],
);

/** A village's/community's own threshold and response limit (local practice; defaults in @gewu/domain). */
export const consultationSettings = pgTable('consultation_settings', {
  regionId: uuid('region_id')
    .primaryKey()
    .references(() => regions.id),
  regionPath: text('region_path').notNull(),
  supportThreshold: integer('support_threshold').notNull(),
  responseDays: integer('response_days').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: uuid('updated_by'),
});
