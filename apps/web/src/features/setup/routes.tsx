import { lazy, type ReactNode } from 'react';
import type { Action } from '@gewu/domain';

// Admin screens, opened rarely: each loads with its page.
const CalendarPage = lazy(() => import('./CalendarPage.tsx').then((m) => ({ default: m.CalendarPage })));
const UnitsPage = lazy(() => import('./UnitsPage.tsx').then((m) => ({ default: m.UnitsPage })));
const ApiKeysPage = lazy(() => import('./ApiKeysPage.tsx').then((m) => ({ default: m.ApiKeysPage })));

/** The case chain's configuration (working calendar, handling units, API keys): [path, action, page]. */
export const SETUP_ROUTES: readonly [path: string, action: Action, page: ReactNode][] = [
  ['setup/calendar', 'calendar.manage', <CalendarPage />],
  ['setup/units', 'unit.manage', <UnitsPage />],
  ['setup/api-keys', 'apikey.manage', <ApiKeysPage />],
];
