import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Failed logins per (username as typed, client IP). A lock holds only against the address that
 * failed, so nobody elsewhere can lock an account out (not even the security admin's); it is keyed
 * by the typed name, not the account, so unknown names lock exactly like real ones and the answer
 * never tells who exists. `locks` counts the locks in a row, for the exponential back-off.
 */
export const loginFailures = pgTable(
  'login_failures',
  {
    username: text('username').notNull(),
    ip: text('ip').notNull(),
    failures: integer('failures').notNull().default(0),
    locks: integer('locks').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.username, t.ip] }), index('login_failures_last_idx').on(t.lastFailureAt)],
);
