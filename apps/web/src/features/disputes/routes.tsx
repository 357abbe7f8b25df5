import { lazy, type ReactNode } from 'react';
import type { Action } from '@gewu/domain';

// Each page loads when opened.
const DisputeBoardPage = lazy(() => import('./DisputeBoardPage.tsx').then((m) => ({ default: m.DisputeBoardPage })));
const DisputeDetailPage = lazy(() => import('./DisputeDetailPage.tsx').then((m) => ({ default: m.DisputeDetailPage })));

/** The dispute pages (the centre, the organisation's mediators, leaders): [path, action, page]. */
export const DISPUTE_ROUTES: readonly [path: string, action: Action, page: ReactNode][] = [
  ['disputes', 'dispute.read', <DisputeBoardPage />],
  ['disputes/:id', 'dispute.read', <DisputeDetailPage />],
];
