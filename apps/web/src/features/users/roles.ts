import { ROLES, SEPARATED_ROLES, roleCan, type Role } from '@gewu/domain';

/**
 * The roles `actorRoles` may hand out: business roles with `user.assign_business_roles`,
 * the 三员 roles with `user.assign_separated_roles`. The server enforces the same.
 */
export function assignableRoles(actorRoles: readonly Role[]): Role[] {
  const business = roleCan(actorRoles, 'user.assign_business_roles');
  const separated = roleCan(actorRoles, 'user.assign_separated_roles');
  return ROLES.filter((r) => (SEPARATED_ROLES.includes(r) ? separated : business));
}

/** Whether the actor may change any role at all. */
export function canEditRoles(actorRoles: readonly Role[]): boolean {
  return roleCan(actorRoles, 'user.assign_business_roles') || roleCan(actorRoles, 'user.assign_separated_roles');
}
