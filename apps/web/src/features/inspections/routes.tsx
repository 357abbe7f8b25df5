import { lazy, type ReactNode } from 'react';
import type { Action } from '@gewu/domain';

// The pages load when opened, their strings with them (./i18n.ts).
const InspectionsPage = lazy(() => import('./InspectionsPage.tsx').then((m) => ({ default: m.InspectionsPage })));
const TemplatesPage = lazy(() => import('./TemplatesPage.tsx').then((m) => ({ default: m.TemplatesPage })));

/** 隐患排查 at the desk: the township centre's and leaders' inspections list; the checklists (an admin keeps them too). */
export const INSPECTION_ROUTES: readonly [path: string, action: Action | readonly Action[], page: ReactNode][] = [
  ['inspections', 'inspection.read', <InspectionsPage />],
  ['inspection-templates', ['inspection.read', 'inspection.template_manage'], <TemplatesPage />],
];
