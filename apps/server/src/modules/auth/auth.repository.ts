import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { regions } from '../regions/regions.table.ts';
import { sessions, users } from '../users/users.table.ts';
import { forgetCachedSessions } from './session-cache.ts';

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
  await db.update(sessions).set({ revokedAt: at }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
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

/** Counts a failed login; locks the account when the count reaches the limit. */
export async function recordFailedLogin(db: Db, userId: string, maxFailures: number, lockUntil: Date) {
  const [row] = await db
    .update(users)
    .set({
      failedLogins: sql`CASE WHEN ${users.failedLogins} + 1 >= ${maxFailures} THEN 0 ELSE ${users.failedLogins} + 1 END`,
      lockedUntil: sql`CASE WHEN ${users.failedLogins} + 1 >= ${maxFailures} THEN ${lockUntil}::timestamptz ELSE ${users.lockedUntil} END`,
    })
    .where(eq(users.id, userId))
    .returning({ lockedUntil: users.lockedUntil, failedLogins: users.failedLogins });
  return row;
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
