import type { NoticeCategory, PeriodicNoticeCategory } from '@gewu/domain';
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { regions } from '../regions/regions.table.ts';

/**
 * 村(居)务公开: a village's or community's board — its own setting (monthly finances, art. 30) — started
 * by its first publication.
 */
export const noticeBoards = pgTable('notice_boards', {
  regionId: uuid('region_id')
    .primaryKey()
    .references(() => regions.id),
  regionPath: text('region_path').notNull(),
  manyFinanceTransactions: boolean('many_finance_transactions').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * The periodic duty of one category of a board (art. 30): when it was last published and when the
 * next publication is due, as a clock on the engine (`notice.due`: yellow at `warn_at`, red past
 * `deadline`). Restarted by every publication in the category.
 */
export const noticeSchedules = pgTable(
  'notice_schedules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    regionPath: text('region_path').notNull(),
    category: text('category').$type<PeriodicNoticeCategory>().notNull(),
    lastPublishedOn: date('last_published_on', { mode: 'string' }),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    warnAt: timestamp('warn_at', { withTimezone: true }).notNull(),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('notice_schedules_region_category').on(t.regionId, t.category)],
);

/**
 * A notice, one row per version. A draft is edited in place; a published version is never altered
 * (the database refuses it: notices_published_immutable) — a correction is a new version of the same
 * series, published at once, and the old one becomes `superseded` (its only permitted change).
 */
export const notices = pgTable(
  'notices',
  {
    id: uuid('id').primaryKey(),
    seriesId: uuid('series_id').notNull(),
    version: integer('version').notNull(),
    /** Optimistic lock of the row (drafts' edits and publication). */
    rowVersion: integer('row_version').notNull().default(1),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    regionPath: text('region_path').notNull(),
    category: text('category').$type<NoticeCategory>().notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    periodFrom: date('period_from', { mode: 'string' }),
    periodTo: date('period_to', { mode: 'string' }),
    attachmentIds: jsonb('attachment_ids').$type<string[]>().notNull().default([]),
    state: text('state', { enum: ['draft', 'published', 'superseded'] }).notNull(),
    /** Why this version replaced the previous one. */
    reason: text('reason'),
    /** The record a resolution or result was published from (a deliberation meeting …). */
    sourceRef: text('source_ref'),
    idempotencyKey: text('idempotency_key'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by'),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notices_series_version').on(t.seriesId, t.version),
    // One current version per series.
    uniqueIndex('notices_series_current')
      .on(t.seriesId)
      .where(sql`state = 'published'`),
    uniqueIndex('notices_idempotency')
      .on(t.createdBy, t.idempotencyKey)
      .where(sql`idempotency_key IS NOT NULL`),
    index('notices_region_idx').on(t.regionId, t.state, t.publishedAt),
  ],
);

/**
 * 质询: a resident's question about a notice and its answer, on a clock (`notice.inquiry`); answered
 * questions are published beside the notice without the asker.
 */
export const noticeInquiries = pgTable(
  'notice_inquiries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => notices.id),
    seriesId: uuid('series_id').notNull(),
    regionPath: text('region_path').notNull(),
    askerId: uuid('asker_id').notNull(),
    question: text('question').notNull(),
    askedAt: timestamp('asked_at', { withTimezone: true }).notNull(),
    warnAt: timestamp('warn_at', { withTimezone: true }).notNull(),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: uuid('answered_by'),
    idempotencyKey: text('idempotency_key').notNull(),
  },
  (t) => [
    uniqueIndex('notice_inquiries_idempotency').on(t.askerId, t.idempotencyKey),
    index('notice_inquiries_series_idx').on(t.seriesId),
    index('notice_inquiries_open_idx')
      .on(t.regionPath, t.deadline)
      .where(sql`answered_at IS NULL`),
  ],
);
