import { lazy, type ReactNode } from 'react';
import type { Action } from '@gewu/domain';

const FieldStatsPage = lazy(() => import('./FieldStatsPage.tsx').then((m) => ({ default: m.FieldStatsPage })));

/** 外勤统计: patrols, inspections, visits and community forces for a period and a region. */
export const FIELD_STATS_ROUTES: readonly [path: string, action: Action, page: ReactNode][] = [
  ['field-stats', 'patrol.read', <FieldStatsPage />],
];
