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
import type { DisputeRisk, MeetingDecisionKind, ScreeningPeriodKind } from '@gewu/domain';

/**
 * A township's screening schedule (排查周期), when its centre set one; without a row the township runs
 * on DEFAULT_SCREENING_SCHEDULE (monthly).
 */
export const screeningSchedules = pgTable('screening_schedules', {
  /** The township's region path. */
  regionPath: text('region_path').primaryKey(),
  periodKind: text('period_kind').$type<ScreeningPeriodKind>().notNull(),
  graceDays: integer('grace_days').notNull().default(0),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * One period of a township's screening (排查轮次), laid out ahead (SCREENING_ROUNDS_AHEAD_DAYS) with its
 * due time on the clock engine (`screening.report`): at `warn_at` the grid workers who have not
 * reported are reminded, at `due_at` they and the township's centre are told who is missing.
 */
export const screeningRounds = pgTable(
  'screening_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionPath: text('region_path').notNull(),
    periodKind: text('period_kind').$type<ScreeningPeriodKind>().notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    label: text('label').notNull(),
    warnAt: timestamp('warn_at', { withTimezone: true }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('screening_rounds_period_idx').on(t.regionPath, t.periodStart),
    index('screening_rounds_due_idx').on(t.dueAt),
  ],
);

/**
 * A grid's report for a round: the disputes found (screening_report_disputes) or an explicit zero
 * report (`zero`). One per grid and round; amendments (补报) add findings and are kept in `amendments`.
 */
export const screeningReports = pgTable(
  'screening_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => screeningRounds.id),
    gridId: uuid('grid_id').notNull(),
    /** The grid's path (for scope). */
    regionPath: text('region_path').notNull(),
    zero: boolean('zero').notNull(),
    note: text('note'),
    reporterId: uuid('reporter_id').notNull(),
    reporterName: text('reporter_name'),
    idempotencyKey: text('idempotency_key').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    /** Filed after the round's due time. */
    late: boolean('late').notNull(),
    /** The report as first filed said zero (kept when an amendment adds findings). */
    firstZero: boolean('first_zero').notNull(),
    amendments: jsonb('amendments')
      .$type<{ at: string; byId: string; byName: string | null; note: string; added: string[] }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('screening_reports_grid_idx').on(t.roundId, t.gridId),
    index('screening_reports_region_idx').using('btree', t.regionPath.op('text_pattern_ops'), t.reportedAt),
  ],
);

/** The disputes a report found: registered from it (`registered_here`) or registered before and found again. */
export const screeningReportDisputes = pgTable(
  'screening_report_disputes',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => screeningReports.id),
    disputeId: uuid('dispute_id').notNull(),
    registeredHere: boolean('registered_here').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.reportId, t.disputeId] }),
    index('screening_report_disputes_dispute_idx').on(t.disputeId),
  ],
);

/** A 风险研判 meeting: when, where, who, the minutes and attachments; its decisions per dispute below. */
export const riskMeetings = pgTable(
  'risk_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The area it covers (the organiser's, or a region of it). */
    regionPath: text('region_path').notNull(),
    heldAt: timestamp('held_at', { withTimezone: true }).notNull(),
    topic: text('topic').notNull(),
    place: text('place'),
    participants: text('participants').array().notNull(),
    minutes: text('minutes').notNull(),
    attachmentIds: uuid('attachment_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    organiserId: uuid('organiser_id').notNull(),
    organiserName: text('organiser_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('risk_meetings_region_idx').using('btree', t.regionPath.op('text_pattern_ops'), t.heldAt),
    index('risk_meetings_attachments_idx')
      .using('gin', t.attachmentIds)
      .where(sql`attachment_ids <> '{}'::uuid[]`),
  ],
);

/** Each decision of a meeting on a dispute it discussed, and the dispute's event that carried it out. */
export const riskMeetingDecisions = pgTable(
  'risk_meeting_decisions',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => riskMeetings.id),
    seq: integer('seq').notNull(),
    disputeId: uuid('dispute_id').notNull(),
    kind: text('kind').$type<MeetingDecisionKind>().notNull(),
    note: text('note').notNull(),
    risk: text('risk').$type<DisputeRisk>(),
    civilToCriminal: boolean('civil_to_criminal'),
    stabilityUserId: uuid('stability_user_id'),
    /** The dispute's event (its seq) that carried the decision out; null for `watch`. */
    disputeEventSeq: integer('dispute_event_seq'),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.seq] }), index('risk_meeting_decisions_dispute_idx').on(t.disputeId)],
);
