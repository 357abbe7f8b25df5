import { lazy, type ReactNode } from 'react';
import type { Action } from '@gewu/domain';

// Each page loads when opened, its strings with it (./i18n.ts).
const MattersPage = lazy(() => import('./MattersPage.tsx').then((m) => ({ default: m.MattersPage })));
const MatterPage = lazy(() => import('./MatterPage.tsx').then((m) => ({ default: m.MatterPage })));
const BodiesPage = lazy(() => import('./BodiesPage.tsx').then((m) => ({ default: m.BodiesPage })));

/** 村务决策 (四议两公开), desktop pages for village cadres and, read-only, the township centre and leaders. */
export const DELIBERATION_ROUTES: readonly [path: string, action: Action, page: ReactNode][] = [
  ['deliberation', 'deliberation.read', <MattersPage />],
  ['deliberation/bodies', 'deliberation.read', <BodiesPage />],
  ['deliberation/:id', 'deliberation.read', <MatterPage />],
];
