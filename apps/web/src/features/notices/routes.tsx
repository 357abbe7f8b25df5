import { lazy, type ReactNode } from 'react';
import type { Action } from '@gewu/domain';

const NoticesPage = lazy(() => import('./NoticesPage.tsx').then((m) => ({ default: m.NoticesPage })));

/** 村(居)务公开: the boards of the villages of the area: [path, action, page]. */
export const NOTICE_ROUTES: readonly [path: string, action: Action, page: ReactNode][] = [
  ['notices', 'notice.publish', <NoticesPage />],
];
