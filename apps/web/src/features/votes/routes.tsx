import { lazy, type ReactNode } from 'react';
import type { Action } from '@gewu/domain';

// Each page loads when opened.
const VotesPage = lazy(() => import('./VotesPage.tsx').then((m) => ({ default: m.VotesPage })));
const VoteDetailPage = lazy(() => import('./VoteDetailPage.tsx').then((m) => ({ default: m.VoteDetailPage })));

/** 业主表决 (the staff who run estates' votes): [path, action, page]. */
export const VOTE_ROUTES: readonly [path: string, action: Action, page: ReactNode][] = [
  ['votes', 'vote.manage', <VotesPage />],
  ['votes/:id', 'vote.manage', <VoteDetailPage />],
];
