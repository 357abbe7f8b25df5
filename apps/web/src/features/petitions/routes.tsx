import { lazy, type ReactNode } from 'react';
import type { Action } from '@gewu/domain';

const PetitionsPage = lazy(() => import('./PetitionsPage.tsx').then((m) => ({ default: m.PetitionsPage })));
const PetitionDetailPage = lazy(() =>
  import('./PetitionDetailPage.tsx').then((m) => ({ default: m.PetitionDetailPage })),
);
const PetitionFormPage = lazy(() => import('./PetitionFormPage.tsx').then((m) => ({ default: m.PetitionFormPage })));

/** The petition (信访) pages: the register with its statutory lights, registration, the detail: [path, action, page]. */
export const PETITION_ROUTES: readonly [path: string, action: Action, page: ReactNode][] = [
  ['petitions', 'petition.read', <PetitionsPage />],
  ['petitions/new', 'petition.centre', <PetitionFormPage />],
  ['petitions/:id', 'petition.read', <PetitionDetailPage />],
];
