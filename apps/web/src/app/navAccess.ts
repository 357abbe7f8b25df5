import { roleCan, type Action, type Role } from '@gewu/domain';

/** Whether roles may take the action, or any one of a list of them. */
export function allows(roles: readonly Role[], action: Action | readonly Action[] | undefined): boolean {
  if (!action) return true;
  return typeof action === 'string' ? roleCan(roles, action) : action.some((a) => roleCan(roles, a));
}

/**
 * 消息: the notices of the records one works — cases, disputes (a mediator assigned one), petitions —
 * so a mediator, who has no case.read, has an inbox too.
 */
export const INBOX_ACTIONS: readonly Action[] = ['case.read', 'dispute.read', 'petition.read'];
