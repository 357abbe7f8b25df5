import { lazy, type ReactNode } from 'react';
import type { Action } from '@gewu/domain';

// The page loads when opened, its strings with it (./i18n.ts).
const ProjectsPage = lazy(() => import('./ProjectsPage.tsx').then((m) => ({ default: m.ProjectsPage })));

/** 民生微实事, the desktop page for village cadres and, read-only, the township centre and leaders. */
export const PROJECT_ROUTES: readonly [path: string, action: Action, page: ReactNode][] = [
  ['projects', 'deliberation.read', <ProjectsPage />],
];
