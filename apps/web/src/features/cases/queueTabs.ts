import type { CaseState } from '@gewu/domain';
import type { CaseView } from './api.ts';

/**
 * The dispatcher console's tabs. The server's `queue` view already holds exactly what waits for the
 * centre (new reports, cases to dispatch, feedback nobody is set to verify, verified cases to close,
 * pending extension/suspension requests — the only handling cases in it); the state narrows it.
 */
export const QUEUE_TABS = ['reported', 'accepted', 'verify', 'verified', 'approval', 'suspended', 'all'] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

export function queueTabQuery(tab: QueueTab): { view: CaseView; state?: CaseState } {
  switch (tab) {
    case 'reported':
      return { view: 'queue', state: 'reported' };
    case 'accepted':
      return { view: 'queue', state: 'accepted' };
    case 'verify':
      return { view: 'queue', state: 'fed_back' };
    case 'verified':
      return { view: 'queue', state: 'verified' };
    case 'approval':
      return { view: 'queue', state: 'handling' };
    case 'suspended':
      // 挂账: out of the queue, but the centre resumes them.
      return { view: 'all', state: 'suspended' };
    case 'all':
      return { view: 'all' };
  }
}

export function isQueueTab(value: string | null): value is QueueTab {
  return QUEUE_TABS.includes(value as QueueTab);
}
