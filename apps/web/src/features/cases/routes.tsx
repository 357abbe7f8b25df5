import { lazy, type ReactNode } from 'react';
import type { Action } from '@gewu/domain';

// Each page loads when opened (the figures page draws ECharts; the detail page's map is lazy inside it).
const QueuePage = lazy(() => import('./QueuePage.tsx').then((m) => ({ default: m.QueuePage })));
const CaseDetailPage = lazy(() => import('./CaseDetailPage.tsx').then((m) => ({ default: m.CaseDetailPage })));
const TasksPage = lazy(() => import('./TasksPage.tsx').then((m) => ({ default: m.TasksPage })));
const SupervisionPage = lazy(() => import('./SupervisionPage.tsx').then((m) => ({ default: m.SupervisionPage })));
const CaseStatsPage = lazy(() => import('./CaseStatsPage.tsx').then((m) => ({ default: m.CaseStatsPage })));

/** The case-handling pages (dispatcher console, handler tasks, supervision, figures): [path, action, page]. */
export const CASE_ROUTES: readonly [path: string, action: Action, page: ReactNode][] = [
  ['cases', 'case.centre', <QueuePage />],
  ['cases/:id', 'case.read', <CaseDetailPage />],
  ['tasks', 'case.handle', <TasksPage />],
  ['supervision', 'case.supervise', <SupervisionPage />],
  ['case-stats', 'case.read', <CaseStatsPage />],
];
