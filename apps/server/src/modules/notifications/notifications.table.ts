import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The in-app inbox. A notification goes to one user (`user_id`) or to everyone of a unit
 * (`unit_id`) or to the centre of a region (`region_path` + `role`); the live push (SSE) streams
 * new rows by id, which also works across server instances. Each names its subject (a case, a
 * dispute …) by kind and id, so the inbox links to it whatever module wrote it.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid('user_id'),
    unitId: uuid('unit_id'),
    regionPath: text('region_path'),
    role: text('role'),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    /** The case the notification is about (the case chain's own column, kept for its queries and links). */
    caseId: uuid('case_id'),
    /**
     * What the notification is about, for every module: the subject's kind (`case`, `dispute`, …) and
     * id. A case's notifications carry it besides `case_id`.
     */
    subjectKind: text('subject_kind'),
    subjectId: uuid('subject_id'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  // Partial: most rows are for one of the three kinds of recipient, and a row leaves nothing in the
  // indexes of the other two (each inbox query names its recipient, which implies NOT NULL).
  (t) => [
    index('notifications_user_idx')
      .on(t.userId, t.id)
      .where(sql`user_id IS NOT NULL`),
    index('notifications_unit_idx')
      .on(t.unitId, t.id)
      .where(sql`unit_id IS NOT NULL`),
    index('notifications_region_idx')
      .on(t.role, t.id)
      .where(sql`role IS NOT NULL`),
  ],
);

/** Read marks, one per user and notification (a unit's notification is read per person). */
export const notificationReads = pgTable(
  'notification_reads',
  {
    notificationId: bigint('notification_id', { mode: 'number' }).notNull(),
    userId: uuid('user_id').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('notification_reads_pk').on(t.userId, t.notificationId)],
);
