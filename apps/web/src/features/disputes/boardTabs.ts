import type { ActorView } from '@gewu/domain';

/** The board's tabs: what waits on the user (queue), what a mediator holds (mine), everything they see (all). */
export type BoardTab = 'queue' | 'mine' | 'all';

export function boardTabsFor(user: Pick<ActorView, 'roles'>): BoardTab[] {
  const mediator = user.roles.includes('mediator');
  const centre = user.roles.includes('dispatcher');
  return [...(mediator ? (['mine'] as const) : []), ...(centre || mediator ? (['queue'] as const) : []), 'all'];
}
