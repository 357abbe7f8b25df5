import { type Role, SEPARATED_ROLES, conflictingSeparatedRoles } from '@gewu/domain';
import type { Actor } from '../../platform/context.ts';
import { can } from '../../platform/access.ts';
import { badRequest, forbidden } from '../../platform/errors.ts';

/**
 * Who may give or take which roles (三员分立): business roles need `user.assign_business_roles`;
 * adding or removing admin / security_admin / auditor needs `user.assign_separated_roles`; one
 * account never holds two of those three; nobody changes their own roles.
 */
export function assertMaySetRoles(actor: Actor, targetId: string | null, targetRegionPath: string, before: Role[], after: Role[]) {
  const unique = [...new Set(after)];
  if (unique.length !== after.length) throw badRequest('user.roles_duplicate', '角色不能重复');
  const conflicting = conflictingSeparatedRoles(after);
  if (conflicting.length) throw badRequest('user.roles_conflict', '系统管理员、安全管理员、审计员三种角色不能由同一账号兼任（三员分立）');
  if (targetId === actor.id) throw forbidden('不能修改自己的角色');
  const changed = [...after.filter((r) => !before.includes(r)), ...before.filter((r) => !after.includes(r))];
  const touchesSeparated = changed.some((r) => SEPARATED_ROLES.includes(r));
  const touchesBusiness = changed.some((r) => !SEPARATED_ROLES.includes(r));
  if (touchesSeparated && !can(actor, 'user.assign_separated_roles', targetRegionPath))
    throw forbidden('只有安全管理员可以授予或撤销系统管理员、安全管理员、审计员角色');
  if (touchesBusiness && !can(actor, 'user.assign_business_roles', targetRegionPath)) throw forbidden('无权分配业务角色');
}
