import { type Action, type Role, ROLES, ROLE_ACTIONS } from '@gewu/domain';
import { type SQL, and, ne } from 'drizzle-orm';
import { can, inScope } from '../../platform/access.ts';
import type { Actor } from '../../platform/context.ts';
import { notices } from './notices.table.ts';

/**
 * The roles that hold an action, read from ROLE_ACTIONS: the routes declare them and the sweep tells
 * them, so granting `notice.publish` to another role (the villages' cadres) is one line in roles.ts.
 */
export function rolesThat(action: Action): Role[] {
  return ROLES.filter((r) => ROLE_ACTIONS[r].includes(action));
}

/** Whether the actor keeps the notices of a village at `regionPath` (drafts included). */
export const keepsNotices = (actor: Actor, regionPath: string) => can(actor, 'notice.publish', regionPath);

/**
 * The notices an actor may read: the staff who keep them every version of their area; anyone else
 * signed in (a resident) the published and superseded ones of their own village/community.
 */
export function visibleNotices(actor: Actor): SQL {
  const area = inScope(actor, notices.regionPath);
  return can(actor, 'notice.publish') ? area : (and(area, ne(notices.state, 'draft')) as SQL);
}
