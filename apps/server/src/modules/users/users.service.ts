import { type Role, type UserView, SEPARATED_ROLES, checkPasswordPolicy } from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { authorize, can } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { forbidden } from '../../platform/errors.ts';
import { hashPassword } from '../../platform/password.ts';
import { clearLoginFailures, revokeUserSessions } from './sign-in.repository.ts';
import { findRegionInScope } from '../regions/regions.repository.ts';
import { assertMaySetRoles } from './users.policy.ts';
import * as repo from './users.repository.ts';
import { regionNotFound } from '../regions/regions.errors.ts';
import {
  passwordPolicyRefused,
  userCannotDisableSelf,
  userNotFound,
  userResetOwnPassword,
  usernameTaken,
} from './users.errors.ts';

export type UsersDeps = { db: Db; clock: Clock };

export function toUserView(row: repo.UserWithRegion, now: Date): UserView {
  const { user, region } = row;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles as Role[],
    regionId: region.id,
    regionName: region.name,
    regionCode: region.code,
    status: user.status,
    lockedUntil: user.lockedUntil && user.lockedUntil > now ? user.lockedUntil.toISOString() : null,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}

export async function listUsers(
  deps: UsersDeps,
  ctx: RequestContext,
  q: { page: number; pageSize: number; q?: string; role?: Role; regionId?: string },
) {
  const actor = authorize(ctx, 'user.read');
  let regionPath: string | undefined;
  if (q.regionId) {
    const region = await findRegionInScope(deps.db, actor, q.regionId);
    if (!region) throw regionNotFound();
    regionPath = region.path;
  }
  const { rows, total } = await repo.listUsersInScope(
    deps.db,
    actor,
    { q: q.q, role: q.role, regionPath },
    q.page,
    q.pageSize,
  );
  const now = deps.clock.now();
  return { items: rows.map((r) => toUserView(r, now)), total, page: q.page, pageSize: q.pageSize };
}

/** A user in the caller's scope, or 404 (a user outside the scope is indistinguishable from none). */
async function loadUser(db: Db, actor: Actor, id: string) {
  const row = await repo.findUserInScope(db, actor, id);
  if (!row) throw userNotFound();
  return row;
}

/** Accounts holding admin / security_admin / auditor are managed only by the security admin. */
function assertMayManage(actor: Actor, row: repo.UserWithRegion) {
  const holdsSeparated = row.user.roles.some((r) => SEPARATED_ROLES.includes(r as Role));
  if (holdsSeparated && !can(actor, 'user.assign_separated_roles', row.region.path))
    throw forbidden('三员账号只能由安全管理员管理');
}

export async function getUser(deps: UsersDeps, ctx: RequestContext, id: string) {
  const actor = authorize(ctx, 'user.read');
  return toUserView(await loadUser(deps.db, actor, id), deps.clock.now());
}

function checkPassword(password: string) {
  const reason = checkPasswordPolicy(password);
  if (reason) throw passwordPolicyRefused(reason, 'password');
}

export async function createUser(
  deps: UsersDeps,
  ctx: RequestContext,
  input: { username: string; displayName: string; password: string; regionId: string; roles: Role[] },
) {
  const actor = authorize(ctx, 'user.create');
  checkPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction(async (tx) => {
    const region = await findRegionInScope(tx, actor, input.regionId);
    if (!region) throw regionNotFound();
    assertMaySetRoles(actor, null, region.path, [], input.roles);
    if (await repo.usernameExists(tx, input.username)) throw usernameTaken(input.username);
    const user = await repo.insertUser(tx, {
      ...input,
      passwordHash,
      mustChangePassword: true,
      passwordChangedAt: deps.clock.now(),
    });
    await recordAudit(tx, deps.clock, ctx, {
      action: 'user.create',
      targetType: 'user',
      targetId: user.id,
      regionPath: region.path,
      detail: { username: user.username, roles: user.roles },
    });
    return toUserView({ user, region }, deps.clock.now());
  });
}

export async function updateUser(
  deps: UsersDeps,
  ctx: RequestContext,
  id: string,
  input: { displayName?: string; status?: 'active' | 'disabled' },
) {
  const actor = authorize(ctx, 'user.update');
  return deps.db.transaction(async (tx) => {
    const row = await loadUser(tx, actor, id);
    assertMayManage(actor, row);
    if (input.status === 'disabled' && id === actor.id) throw userCannotDisableSelf();
    await repo.updateUser(tx, id, input);
    if (input.status === 'disabled') await revokeUserSessions(tx, id, deps.clock.now());
    await recordAudit(tx, deps.clock, ctx, {
      action: 'user.update',
      targetType: 'user',
      targetId: id,
      regionPath: row.region.path,
      detail: input,
    });
    return toUserView(await loadUser(tx, actor, id), deps.clock.now());
  });
}

/** Replaces an account's roles. Needs the role-management permission even for an unchanged list. */
export async function setUserRoles(deps: UsersDeps, ctx: RequestContext, id: string, roles: Role[]) {
  const actor = authorize(ctx, 'user.read');
  return deps.db.transaction(async (tx) => {
    const row = await loadUser(tx, actor, id);
    assertMaySetRoles(actor, id, row.region.path, row.user.roles as Role[], roles);
    assertMayManage(actor, row);
    await repo.updateUser(tx, id, { roles });
    await recordAudit(tx, deps.clock, ctx, {
      action: 'user.set_roles',
      targetType: 'user',
      targetId: id,
      regionPath: row.region.path,
      detail: { before: row.user.roles, after: roles },
    });
    return toUserView(await loadUser(tx, actor, id), deps.clock.now());
  });
}

/** Security-admin actions on an account: unlock, reset password, sign out everywhere. */
export async function unlockUser(deps: UsersDeps, ctx: RequestContext, id: string) {
  const actor = authorize(ctx, 'user.unlock');
  await deps.db.transaction(async (tx) => {
    const row = await loadUser(tx, actor, id);
    await repo.updateUser(tx, id, { failedLogins: 0, lockedUntil: null });
    await clearLoginFailures(tx, row.user.username);
    await recordAudit(tx, deps.clock, ctx, {
      action: 'user.unlock',
      targetType: 'user',
      targetId: id,
      regionPath: row.region.path,
    });
  });
}

export async function resetUserPassword(deps: UsersDeps, ctx: RequestContext, id: string, newPassword: string) {
  const actor = authorize(ctx, 'user.reset_password');
  checkPassword(newPassword);
  const passwordHash = await hashPassword(newPassword);
  await deps.db.transaction(async (tx) => {
    const row = await loadUser(tx, actor, id);
    if (id === actor.id) throw userResetOwnPassword();
    const now = deps.clock.now();
    await repo.updateUser(tx, id, {
      passwordHash,
      passwordChangedAt: now,
      mustChangePassword: true,
      failedLogins: 0,
      lockedUntil: null,
    });
    await clearLoginFailures(tx, row.user.username);
    const revoked = await revokeUserSessions(tx, id, now);
    await recordAudit(tx, deps.clock, ctx, {
      action: 'user.reset_password',
      targetType: 'user',
      targetId: id,
      regionPath: row.region.path,
      detail: { sessionsRevoked: revoked },
    });
  });
}

export async function revokeSessionsOfUser(deps: UsersDeps, ctx: RequestContext, id: string) {
  const actor = authorize(ctx, 'session.revoke');
  return deps.db.transaction(async (tx) => {
    const row = await loadUser(tx, actor, id);
    const revoked = await revokeUserSessions(tx, id, deps.clock.now());
    await recordAudit(tx, deps.clock, ctx, {
      action: 'user.revoke_sessions',
      targetType: 'user',
      targetId: id,
      regionPath: row.region.path,
      detail: { sessionsRevoked: revoked },
    });
    return revoked;
  });
}
