import { lazy, type ReactNode } from 'react';
import type { Action } from '@gewu/domain';

// Each page loads when opened, its strings with it (./i18n.ts).
const TopicsPage = lazy(() => import('./TopicsPage.tsx').then((m) => ({ default: m.TopicsPage })));
const TopicPage = lazy(() => import('./TopicPage.tsx').then((m) => ({ default: m.TopicPage })));

/** 议事协商, desktop pages for village cadres and, read-only, the township centre and leaders. */
export const TOPIC_ROUTES: readonly [path: string, action: Action, page: ReactNode][] = [
  ['topics', 'deliberation.read', <TopicsPage />],
  ['topics/:id', 'deliberation.read', <TopicPage />],
];
