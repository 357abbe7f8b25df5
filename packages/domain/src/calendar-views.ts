import { z } from 'zod';
import { timeLimitUnitSchema, workCalendarSchema } from './calendar.ts';

/** GET/PUT /api/calendar: the calendar deadlines are counted on, and who changed it last. */
export const calendarViewSchema = z.object({
  calendar: workCalendarSchema,
  /** True while no admin has saved one: the built-in township calendar is in force. */
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
});
export type CalendarView = z.infer<typeof calendarViewSchema>;

/** GET /api/calendar/deadline: the question (start as an ISO instant) and the deadline on the current calendar. */
export const deadlineViewSchema = z.object({
  start: z.string(),
  amount: z.number(),
  unit: timeLimitUnitSchema,
  deadline: z.string(),
});
export type DeadlineView = z.infer<typeof deadlineViewSchema>;
