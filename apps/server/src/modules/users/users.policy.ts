import { type Role, SEPARATED_ROLES, roleSetProblem } from '@gewu/domain';
import type { Actor } from '../../platform/context.ts';
import { can } from '../../platform/access.ts';
import { badRequest, forbidden } from '../../platform/errors.ts';

/** Refuses a role set no account may hold (roleSetProblem: 三员 accounts hold their one role alone). */
export function assertValidRoleSet(roles: readonly Role[]) {
  const problem = roleSetProblem(roles);
  if (problem) throw badRequest(problem.code, problem.message, [{ path: 'roles', message: problem.message }]);
}

/**
 * Who may give or take which roles (三员分立): setting roles at all needs the role-management
 * permission, even when nothing changes (an unchanged list is still a write and an audit row);
 * business roles need `user.assign_business_roles`; adding or removing admin / security_admin /
 * auditor needs `user.assign_separated_roles`; nobody changes their own roles.
 */
export function assertMaySetRoles(
  actor: Actor,
  targetId: string | null,
  targetRegionPath: string,
  before: Role[],
  after: Role[],
) {
  const manages =
    can(actor, 'user.assign_business_roles', targetRegionPath) ||
    can(actor, 'user.assign_separated_roles', targetRegionPath);
  if (!manages) throw forbidden('无权分配角色');
  assertValidRoleSet(after);
  if (targetId === actor.id) throw forbidden('不能修改自己的角色');
  const changed = [...after.filter((r) => !before.includes(r)), ...before.filter((r) => !after.includes(r))];
  const touchesSeparated = changed.some((r) => SEPARATED_ROLES.includes(r));
  const touchesBusiness = changed.some((r) => !SEPARATED_ROLES.includes(r));
  if (touchesSeparated && !can(actor, 'user.assign_separated_roles', targetRegionPath))
    throw forbidden('只有安全管理员可以授予或撤销系统管理员、安全管理员、审计员角色');
  if (touchesBusiness && !can(actor, 'user.assign_business_roles', targetRegionPath))
    throw forbidden('无权分配业务角色');
}
