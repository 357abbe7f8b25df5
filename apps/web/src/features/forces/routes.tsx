import { lazy, type ReactNode } from 'react';
import type { Action } from '@gewu/domain';

// Each page loads when opened, its strings with it (./i18n.ts).
const TeamsPage = lazy(() => import('./TeamsPage.tsx').then((m) => ({ default: m.TeamsPage })));
const VolunteersPage = lazy(() => import('./VolunteersPage.tsx').then((m) => ({ default: m.VolunteersPage })));
const ActivitiesPage = lazy(() => import('./ActivitiesPage.tsx').then((m) => ({ default: m.ActivitiesPage })));
const ClaimsPage = lazy(() => import('./ClaimsPage.tsx').then((m) => ({ default: m.ClaimsPage })));

/** 群防群治 and 市民认领, the desktop pages of the township centre and the village cadres (leaders read). */
export const FORCES_ROUTES: readonly [path: string, action: Action, page: ReactNode][] = [
  ['forces/teams', 'forces.read', <TeamsPage />],
  ['forces/volunteers', 'forces.read', <VolunteersPage />],
  ['forces/activities', 'forces.read', <ActivitiesPage />],
  ['forces/claims', 'forces.read', <ClaimsPage />],
];
