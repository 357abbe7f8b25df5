import { lazy, type ReactNode } from 'react';
import type { Action } from '@gewu/domain';
import { QueuePage } from './QueuePage.tsx';
import { CaseDetailPage } from './CaseDetailPage.tsx';
import { TasksPage } from './TasksPage.tsx';
import { SupervisionPage } from './SupervisionPage.tsx';

// The figures page draws ECharts: loaded only when opened. (The detail page's map is lazy inside it.)
const CaseStatsPage = lazy(() => import('./CaseStatsPage.tsx').then((m) => ({ default: m.CaseStatsPage })));

/** The case-handling pages (dispatcher console, handler tasks, supervision, figures): [path, action, page]. */
export const CASE_ROUTES: readonly [path: string, action: Action, page: ReactNode][] = [
  ['cases', 'case.centre', <QueuePage />],
  ['cases/:id', 'case.read', <CaseDetailPage />],
  ['tasks', 'case.handle', <TasksPage />],
  ['supervision', 'case.supervise', <SupervisionPage />],
  ['case-stats', 'case.read', <CaseStatsPage />],
];
