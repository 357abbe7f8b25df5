import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { SEPARATED_ROLES } from '@gewu/domain';
import { regions } from '../regions/regions.table.ts';

/** SEPARATED_ROLES as an SQL array literal (the generated constraint reads ARRAY['admin', 'security_admin', 'auditor']::text[]). */
const SEPARATED_ROLES_ARRAY = sql.raw(`ARRAY[${SEPARATED_ROLES.map((r) => `'${r}'`).join(', ')}]::text[]`);

/** Staff and resident accounts. Every account belongs to exactly one region node. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    roles: text('roles').array().notNull(),
    /** The handling unit (处置单位) a handler account works for. */
    unitId: uuid('unit_id'),
    status: text('status', { enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    /** No longer counted: failures are kept per (username, IP) in login_failures. */
    failedLogins: integer('failed_logins').notNull().default(0),
    /** The latest login pause set against this account from any address; shown to the security admin, not enforced here. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('users_region_idx').on(t.regionId),
    // 三员分立 (roleSetProblem in @gewu/domain): a 三员 account holds its one role alone.
    check(
      'users_separated_role_alone',
      sql`NOT (${t.roles} && ${SEPARATED_ROLES_ARRAY}) OR cardinality(${t.roles}) = 1`,
    ),
  ],
);

/** Server-side sessions. The cookie holds a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);
