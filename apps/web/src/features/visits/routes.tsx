import { lazy, type ReactNode } from 'react';
import type { Action } from '@gewu/domain';

// The pages load when opened, their strings with them (./i18n.ts).
const VisitPlansPage = lazy(() => import('./VisitPlansPage.tsx').then((m) => ({ default: m.VisitPlansPage })));
const VisitIntervalsPage = lazy(() =>
  import('./VisitIntervalsPage.tsx').then((m) => ({ default: m.VisitIntervalsPage })),
);
const VisitsPage = lazy(() => import('./VisitsPage.tsx').then((m) => ({ default: m.VisitsPage })));

/** 走访 at the desk: special-population visit plans and the visit log, for the township centre (and grid workers). */
export const VISIT_ROUTES: readonly [path: string, action: Action, page: ReactNode][] = [
  ['visit-plans', 'special_population.read', <VisitPlansPage />],
  ['visits', 'special_population.read', <VisitsPage />],
  // Configuration, not personal data: the county admin keeps it too.
  ['visit-intervals', 'visit_plan.configure', <VisitIntervalsPage />],
];
