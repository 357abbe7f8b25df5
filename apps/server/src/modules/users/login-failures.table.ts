import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Failed logins per (username as typed, client address — an IPv6 address by its /64, see
 * `loginAddressKey`). A lock holds only against the address that failed, so nobody elsewhere can
 * lock an account out (not even the security admin's); it is keyed by the typed name, not the
 * account, so unknown names lock exactly like real ones and the answer never tells who exists.
 * `locks` counts the locks in a row, for the exponential back-off.
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

/**
 * One row per failed login of a typed name from any address, kept for the pause window
 * (`GEWU_LOGIN_LOCK_MINUTES`): the per-name budget (`GEWU_LOGIN_ACCOUNT_FAILURES`) that bounds
 * guessing at one account from many addresses. A login attempt that will check a password writes
 * its row first and removes it when the password was right or the attempt was refused, so a burst
 * of parallel guesses cannot slip past the budget.
 */
export const loginAccountFailures = pgTable(
  'login_account_failures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('login_account_failures_name_idx').on(t.username, t.at),
    index('login_account_failures_at_idx').on(t.at),
  ],
);
