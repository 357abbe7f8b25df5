import { lazy, type ReactNode } from 'react';
import type { Action } from '@gewu/domain';

// The pages load when opened, their strings with them (./i18n.ts).
const PatrolNormPage = lazy(() => import('./PatrolNormPage.tsx').then((m) => ({ default: m.PatrolNormPage })));
const KeyPlacesPage = lazy(() => import('./KeyPlacesPage.tsx').then((m) => ({ default: m.KeyPlacesPage })));

/** 外勤 settings at the desk: the patrol duty norm (province/city/county admin) and key places' check-in radius. */
export const FIELD_SETTINGS_ROUTES: readonly [path: string, action: Action, page: ReactNode][] = [
  ['patrol-norm', 'patrol.norm_manage', <PatrolNormPage />],
  ['key-places', 'key_place.configure', <KeyPlacesPage />],
];
