import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * How far a job that walks a table once has got (its watermark), so each run takes up where the
 * last one stopped instead of reading the whole table again. One row per job, locked by the run
 * that moves it, so two instances never walk the same stretch at once.
 */
export const jobMarks = pgTable('job_marks', {
  name: text('name').primaryKey(),
  position: jsonb('position').$type<Record<string, string>>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
