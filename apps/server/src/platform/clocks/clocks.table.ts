import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The light changes still to come (待预警/待超期) of every registered clock kind: for each running
 * clock, `yellow` at its 80 % point and `red` at its deadline (a kind may schedule only one of them),
 * until the sweep takes them. The subject's module writes them with every clock it starts or stops
 * (`scheduleDeadlines` / `cancelDeadlines`); the sweep deletes what is due, so its work follows the
 * number of subjects changing colour, never the number of open ones.
 */
export const clockDeadlines = pgTable(
  'clock_deadlines',
  {
    /** The registered clock kind (`case.stage`, `case.rectify`, …). */
    kind: text('kind').notNull(),
    /** The subject the clock runs for (a case, a dispute, …), in the kind's own table. */
    subjectId: uuid('subject_id').notNull(),
    /** What the clock was for (a case's stage): the kind checks the subject still is there before telling anyone. */
    stage: text('stage').notNull(),
    light: text('light', { enum: ['yellow', 'red'] }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  // One index, in time order per kind and light (new rows land near its end): the sweep reads it by
  // time, and a stopped clock finds its rows by the times it knows. No index on the subject id: a
  // random-key index here cost intake a third of its PostgreSQL time (bench/intake).
  (t) => [index('clock_deadlines_due_idx').on(t.kind, t.light, t.at, t.subjectId)],
);
