import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { type ActorView, type RegionLevel, type Role, checkPasswordPolicy } from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../config.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../../platform/password.ts';
import { requireActor } from '../../platform/access.ts';
import type { PiiCipher } from '../../platform/pii.ts';
import { loginAddressKey } from '../../platform/http/login-address.ts';
import * as repo from '../users/sign-in.repository.ts';
import { loadSession } from '../../platform/http/session-cache.ts';
import {
  authDisabled,
  authInvalidCredentials,
  authPasswordReused,
  authWrongPassword,
  loginPaused,
} from './auth.errors.ts';
import { passwordPolicyRefused } from '../users/users.errors.ts';

export type AuthDeps = {
  db: Db;
  clock: Clock;
  config: Pick<
    Config,
    'GEWU_SESSION_TTL_HOURS' | 'GEWU_SESSION_IDLE_MINUTES' | 'GEWU_LOGIN_MAX_FAILURES' | 'GEWU_LOGIN_LOCK_MINUTES'
  >;
};
export type LoginDeps = Omit<AuthDeps, 'config'> & {
  pii: PiiCipher;
  config: AuthDeps['config'] & Pick<Config, 'GEWU_LOGIN_ACCOUNT_FAILURES'>;
};

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

type UserRow = NonNullable<Awaited<ReturnType<typeof repo.findUserForLogin>>>;

function toActor(row: Pick<UserRow, 'user' | 'region'>, sessionId: string): Actor {
  return {
    id: row.user.id,
    username: row.user.username,
    displayName: row.user.displayName,
    roles: row.user.roles as Role[],
    regionId: row.region.id,
    regionCode: row.region.code,
    regionName: row.region.name,
    regionLevel: row.region.level as RegionLevel,
    regionPath: row.region.path,
    unitId: row.user.unitId ?? null,
    sessionId,
    mustChangePassword: row.user.mustChangePassword,
  };
}

export function actorView(actor: Actor): ActorView {
  return {
    id: actor.id,
    username: actor.username,
    displayName: actor.displayName,
    roles: actor.roles,
    region: { id: actor.regionId, code: actor.regionCode, name: actor.regionName, level: actor.regionLevel },
    mustChangePassword: actor.mustChangePassword,
  };
}

const invalidCredentials = () => authInvalidCredentials();
const lockedError = (until: Date, now: Date) =>
  loginPaused(Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000)));

/**
 * Checks a username and password and opens a session. Nothing in the answer to a wrong password
 * tells whether the account exists, is disabled or is locked:
 * - failures are counted per (username as typed, client address — IPv6 by its /64); the Nth in a
 *   row pauses that name on that address only, with exponential back-off — so someone elsewhere
 *   cannot lock anyone out (the right password from another address still works), and unknown
 *   names pause just like real ones. While paused the password is not even checked (else the pause
 *   would confirm a right guess); the per-address rate limit bounds guessing across names;
 * - failures of a name from all addresses together are bounded too: once it has had
 *   `GEWU_LOGIN_ACCOUNT_FAILURES` within the pause window, it is paused (the same 423) on every
 *   address it has not signed in from within 90 days, until the window passes — its owner still
 *   signs in from their usual place; an unknown name has no such place and is paused everywhere;
 * - unknown names are checked against a dummy argon2 hash, so they take as long as real ones;
 * - only after the right password does the answer say the account is disabled.
 */
export async function login(
  deps: LoginDeps,
  ctx: RequestContext,
  input: { username: string; password: string; userAgent?: string },
) {
  const { db, clock, config } = deps;
  const now = clock.now();
  const key = { username: input.username, ip: loginAddressKey(ctx.ip) };
  const row = await repo.findUserForLogin(db, input.username);
  const who = row && { id: row.user.id, name: row.user.username, roles: row.user.roles };
  const audit = (reason: string) => {
    // A name without an account may be anything typed in the wrong field (a phone number, a
    // password): the audit log keeps only its keyed hash, enough to see repeated tries on one name.
    ctx.failureAudit = row
      ? {
          action: 'auth.login',
          actor: who,
          targetType: 'user',
          targetId: row.user.id,
          regionPath: row.region.path,
          detail: { reason },
        }
      : {
          action: 'auth.login',
          actor: null,
          detail: { usernameHash: deps.pii.lookupHash('login_name', input.username), reason },
        };
  };
  const pausedUntil = await repo.loginLockedUntil(db, key.username, key.ip, now);
  if (pausedUntil) {
    audit('locked');
    throw lockedError(pausedUntil, now);
  }
  const window = config.GEWU_LOGIN_LOCK_MINUTES;
  const attemptId = await repo.reserveAccountAttempt(db, key.username, now, window);
  const budgetSpentUntil = await repo.accountBudgetSpentUntil(
    db,
    key.username,
    now,
    window,
    config.GEWU_LOGIN_ACCOUNT_FAILURES,
    attemptId,
  );
  if (budgetSpentUntil && !(await repo.isKnownAddress(db, row?.user.id ?? null, key.ip, now))) {
    await repo.releaseAccountAttempt(db, attemptId);
    audit('account_budget_spent');
    throw lockedError(budgetSpentUntil, now);
  }
  const passwordOk = row
    ? await verifyPassword(row.user.passwordHash, input.password)
    : (await burnPasswordCheck(input.password), false);
  if (!passwordOk || !row) {
    // The reserved attempt stays in the name's budget: it is a failure now.
    const lockedUntil = await repo.recordLoginFailure(
      db,
      key,
      now,
      config.GEWU_LOGIN_MAX_FAILURES,
      config.GEWU_LOGIN_LOCK_MINUTES,
    );
    if (row) {
      const budgetUntil = await repo.accountBudgetSpentUntil(
        db,
        key.username,
        now,
        window,
        config.GEWU_LOGIN_ACCOUNT_FAILURES,
      );
      const latest = [lockedUntil, budgetUntil]
        .filter((d): d is Date => d !== null)
        .sort((a, b) => b.getTime() - a.getTime())[0];
      if (latest) await repo.noteAccountLocked(db, row.user.id, latest);
    }
    audit(`${row ? 'wrong_password' : 'unknown_user'}${lockedUntil ? '_locked' : ''}`);
    if (lockedUntil) throw lockedError(lockedUntil, now);
    throw invalidCredentials();
  }
  await repo.releaseAccountAttempt(db, attemptId);
  // The right password: now (and only now) the account's state may be told.
  if (row.user.status !== 'active') {
    audit('disabled');
    throw authDisabled();
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const sessionId = crypto.randomUUID();
  await db.transaction(async (tx) => {
    await repo.recordSuccessfulLogin(tx, row.user.id, now);
    await repo.clearLoginFailures(tx, key.username, key.ip);
    await repo.insertSession(tx, {
      id: sessionId,
      tokenHash: hashToken(token),
      userId: row.user.id,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + config.GEWU_SESSION_TTL_HOURS * 3_600_000),
      ip: ctx.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    ctx.actor = toActor(row, sessionId);
    await recordAudit(tx, clock, ctx, {
      action: 'auth.login',
      targetType: 'user',
      targetId: row.user.id,
      regionPath: row.region.path,
    });
  });
  return {
    token,
    csrfToken,
    actor: ctx.actor as Actor,
    expiresAt: new Date(now.getTime() + config.GEWU_SESSION_TTL_HOURS * 3_600_000),
  };
}

/** Resolves a session cookie to its actor, or null when absent, expired, idle too long or revoked. */
export async function authenticate(deps: AuthDeps, token: string): Promise<{ actor: Actor; csrfToken: string } | null> {
  const { db, clock, config } = deps;
  const tokenHash = hashToken(token);
  const row = await loadSession(clock, tokenHash, () => repo.findSessionByTokenHash(db, tokenHash));
  if (!row) return null;
  const now = clock.now();
  const idleLimit = row.session.lastSeenAt.getTime() + config.GEWU_SESSION_IDLE_MINUTES * 60_000;
  if (row.session.expiresAt <= now || idleLimit <= now.getTime() || row.user.status !== 'active') return null;
  // Refresh the idle clock at most once a minute to keep reads cheap.
  if (now.getTime() - row.session.lastSeenAt.getTime() > 60_000) {
    await repo.touchSession(db, row.session.id, now);
    row.session.lastSeenAt = now;
  }
  return { actor: toActor(row, row.session.id), csrfToken: row.session.csrfToken };
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function logout(deps: AuthDeps, ctx: RequestContext) {
  const actor = requireActor(ctx);
  await deps.db.transaction(async (tx) => {
    await repo.revokeSession(tx, actor.sessionId, deps.clock.now());
    await recordAudit(tx, deps.clock, ctx, { action: 'auth.logout', targetType: 'user', targetId: actor.id });
  });
}

/** Changes the caller's own password and signs out their other sessions. */
export async function changeOwnPassword(
  deps: AuthDeps,
  ctx: RequestContext,
  input: { currentPassword: string; newPassword: string },
) {
  const actor = requireActor(ctx);
  const row = await repo.findUserForLogin(deps.db, actor.username);
  if (!row || !(await verifyPassword(row.user.passwordHash, input.currentPassword))) {
    ctx.failureAudit = {
      action: 'auth.change_password',
      targetType: 'user',
      targetId: actor.id,
      detail: { reason: 'wrong_password' },
    };
    throw authWrongPassword();
  }
  const policy = checkPasswordPolicy(input.newPassword);
  if (policy) throw passwordPolicyRefused(policy, 'newPassword');
  if (input.newPassword === input.currentPassword) throw authPasswordReused();
  const hash = await hashPassword(input.newPassword);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await repo.updatePassword(tx, actor.id, hash, now, false);
    const revoked = await repo.revokeUserSessions(tx, actor.id, now, actor.sessionId);
    await recordAudit(tx, deps.clock, ctx, {
      action: 'auth.change_password',
      targetType: 'user',
      targetId: actor.id,
      detail: { otherSessionsRevoked: revoked },
    });
  });
}
