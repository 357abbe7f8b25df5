import { and, desc, eq, gt, gte, isNotNull, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { regions } from '../regions/regions.table.ts';
import { sessions, users } from './users.table.ts';
import { loginAccountFailures, loginFailures } from './login-failures.table.ts';
import { loginAddressKey } from '../../platform/http/login-address.ts';
import { forgetCachedSessions } from '../../platform/http/session-cache.ts';

export async function findUserForLogin(db: Db, username: string) {
  const [row] = await db
    .select({ user: users, region: regions })
    .from(users)
    .innerJoin(regions, eq(users.regionId, regions.id))
    .where(eq(users.username, username))
    .limit(1);
  return row ?? null;
}

export async function findSessionByTokenHash(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ session: sessions, user: users, region: regions })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .innerJoin(regions, eq(users.regionId, regions.id))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)))
    .limit(1);
  return row ?? null;
}

export async function insertSession(db: Db, values: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(values);
}

export async function touchSession(db: Db, sessionId: string, at: Date) {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, sessionId));
}

export async function revokeSession(db: Db, sessionId: string, at: Date) {
  forgetCachedSessions();
  await db
    .update(sessions)
    .set({ revokedAt: at })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** Revokes every live session of a user, optionally keeping one. Returns how many were revoked. */
export async function revokeUserSessions(db: Db, userId: string, at: Date, exceptSessionId?: string) {
  forgetCachedSessions();
  const rows = await db
    .update(sessions)
    .set({ revokedAt: at })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        exceptSessionId ? sql`${sessions.id} <> ${exceptSessionId}` : undefined,
      ),
    )
    .returning({ id: sessions.id });
  return rows.length;
}

/** Until when logins of `username` from `ip` are refused, or null when they are not. */
export async function loginLockedUntil(db: Db, username: string, ip: string, now: Date): Promise<Date | null> {
  const [row] = await db
    .select({ lockedUntil: loginFailures.lockedUntil })
    .from(loginFailures)
    .where(and(eq(loginFailures.username, username), eq(loginFailures.ip, ip), gt(loginFailures.lockedUntil, now)));
  return row?.lockedUntil ?? null;
}

/** The longest a lock may grow to by back-off (one day). */
const MAX_LOCK_MINUTES = 24 * 60;

/**
 * Counts a failed login of `username` from `ip` (one atomic upsert, so parallel failures all
 * count). The `maxFailures`-th failure in a row locks that pair for `lockMinutes` × 2^(locks so
 * far), at most a day, and starts the count again. Returns the new lock, if this failure set one.
 */
export async function recordLoginFailure(
  db: Db,
  key: { username: string; ip: string },
  now: Date,
  maxFailures: number,
  lockMinutes: number,
): Promise<Date | null> {
  const firstLocks = maxFailures <= 1;
  const reaches = sql`${loginFailures.failures} + 1 >= ${maxFailures}`;
  const [row] = await db
    .insert(loginFailures)
    .values({
      ...key,
      failures: firstLocks ? 0 : 1,
      locks: firstLocks ? 1 : 0,
      lockedUntil: firstLocks ? new Date(now.getTime() + lockMinutes * 60_000) : null,
      lastFailureAt: now,
    })
    .onConflictDoUpdate({
      target: [loginFailures.username, loginFailures.ip],
      set: {
        failures: sql`CASE WHEN ${reaches} THEN 0 ELSE ${loginFailures.failures} + 1 END`,
        locks: sql`CASE WHEN ${reaches} THEN ${loginFailures.locks} + 1 ELSE ${loginFailures.locks} END`,
        lockedUntil: sql`CASE WHEN ${reaches} THEN ${now}::timestamptz + LEAST(${lockMinutes}::float8 * power(2, ${loginFailures.locks}), ${MAX_LOCK_MINUTES}) * interval '1 minute' ELSE ${loginFailures.lockedUntil} END`,
        lastFailureAt: now,
      },
    })
    .returning({ lockedUntil: loginFailures.lockedUntil });
  // A pair quiet for a day starts afresh (and the table does not grow with every name ever tried).
  const dayAgo = new Date(now.getTime() - 86_400_000);
  await db
    .delete(loginFailures)
    .where(
      and(
        lt(loginFailures.lastFailureAt, dayAgo),
        or(isNull(loginFailures.lockedUntil), lt(loginFailures.lockedUntil, now)),
      ),
    );
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/**
 * Forgets the failures of `username`, from one address or (without `ip`, when the security admin
 * unlocks the account or resets its password) from all, and then its per-name budget too.
 */
export async function clearLoginFailures(db: Db, username: string, ip?: string) {
  await db
    .delete(loginFailures)
    .where(and(eq(loginFailures.username, username), ip === undefined ? undefined : eq(loginFailures.ip, ip)));
  if (ip === undefined) await db.delete(loginAccountFailures).where(eq(loginAccountFailures.username, username));
}

/**
 * Writes a login attempt of `username` into its per-name budget before its password is checked
 * (and forgets rows older than the window, for every name). Returns the row's id: the attempt
 * keeps it when the password was wrong and removes it otherwise (`releaseAccountAttempt`).
 * Written first and committed at once, so of any two parallel attempts the later one sees the
 * earlier: a burst cannot pass the budget.
 */
export async function reserveAccountAttempt(
  db: Db,
  username: string,
  now: Date,
  windowMinutes: number,
): Promise<string> {
  await db
    .delete(loginAccountFailures)
    .where(lte(loginAccountFailures.at, new Date(now.getTime() - windowMinutes * 60_000)));
  const [row] = await db
    .insert(loginAccountFailures)
    .values({ username, at: now })
    .returning({ id: loginAccountFailures.id });
  if (!row) throw new Error('login attempt not recorded');
  return row.id;
}

export async function releaseAccountAttempt(db: Db, id: string) {
  await db.delete(loginAccountFailures).where(eq(loginAccountFailures.id, id));
}

/**
 * Until when the budget of `username` is spent: it has had `budget` failures (besides the attempt
 * `exceptId`) within the last `windowMinutes`, and stays spent until the `budget`-th most recent of
 * them is that old. Null while it is not spent.
 */
export async function accountBudgetSpentUntil(
  db: Db,
  username: string,
  now: Date,
  windowMinutes: number,
  budget: number,
  exceptId?: string,
): Promise<Date | null> {
  const windowMs = windowMinutes * 60_000;
  const [row] = await db
    .select({ at: loginAccountFailures.at })
    .from(loginAccountFailures)
    .where(
      and(
        eq(loginAccountFailures.username, username),
        gt(loginAccountFailures.at, new Date(now.getTime() - windowMs)),
        exceptId ? ne(loginAccountFailures.id, exceptId) : undefined,
      ),
    )
    .orderBy(desc(loginAccountFailures.at))
    .offset(budget - 1)
    .limit(1);
  return row ? new Date(row.at.getTime() + windowMs) : null;
}

/** How far back a successful sign-in makes an address known to an account. */
export const KNOWN_ADDRESS_DAYS = 90;

/**
 * Whether the account `userId` (null: a name without an account, which has no known address but
 * costs the same query) signed in successfully from `addressKey` within the last
 * `KNOWN_ADDRESS_DAYS`. Read from the sessions, which keep the client address of each sign-in.
 */
export async function isKnownAddress(db: Db, userId: string | null, addressKey: string, now: Date): Promise<boolean> {
  const rows = await db
    .select({ ip: sessions.ip })
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, userId ?? '00000000-0000-0000-0000-000000000000'),
        gte(sessions.createdAt, new Date(now.getTime() - KNOWN_ADDRESS_DAYS * 86_400_000)),
        isNotNull(sessions.ip),
      ),
    )
    .groupBy(sessions.ip)
    .orderBy(desc(sql`max(${sessions.createdAt})`))
    .limit(1000);
  return rows.some((r) => loginAddressKey(r.ip) === addressKey);
}

/** Shows on the account (for the security admin's list) the latest lock set against any address. */
export async function noteAccountLocked(db: Db, userId: string, until: Date) {
  await db
    .update(users)
    .set({ lockedUntil: sql`GREATEST(COALESCE(${users.lockedUntil}, ${until}::timestamptz), ${until}::timestamptz)` })
    .where(eq(users.id, userId));
}

export async function recordSuccessfulLogin(db: Db, userId: string, at: Date) {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: at }).where(eq(users.id, userId));
}

export async function updatePassword(db: Db, userId: string, passwordHash: string, at: Date, mustChange: boolean) {
  forgetCachedSessions();
  await db
    .update(users)
    .set({ passwordHash, passwordChangedAt: at, mustChangePassword: mustChange, failedLogins: 0, lockedUntil: null })
    .where(eq(users.id, userId));
}
