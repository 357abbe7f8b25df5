import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { WorkCalendar } from '@gewu/domain';

/** The working-time calendar (working hours, holidays, 调休) as data the admin edits. One row: `default`. */
export const workCalendars = pgTable('work_calendars', {
  id: text('id').primaryKey(),
  calendar: jsonb('calendar').$type<WorkCalendar>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});
