import { lazy, type ReactNode } from 'react';
import type { Action } from '@gewu/domain';

// Each page loads when opened.
const ScreeningOverviewPage = lazy(() =>
  import('./ScreeningOverviewPage.tsx').then((m) => ({ default: m.ScreeningOverviewPage })),
);
const MeetingsPage = lazy(() => import('./MeetingsPage.tsx').then((m) => ({ default: m.MeetingsPage })));
const MeetingFormPage = lazy(() => import('./MeetingFormPage.tsx').then((m) => ({ default: m.MeetingFormPage })));
const MeetingDetailPage = lazy(() => import('./MeetingDetailPage.tsx').then((m) => ({ default: m.MeetingDetailPage })));
const DisputeStatsPage = lazy(() =>
  import('../disputeStats/DisputeStatsPage.tsx').then((m) => ({ default: m.DisputeStatsPage })),
);

/** 排查 and 风险研判 (the centre and leaders), the meeting form (the centre), the dispute figures (anyone reading disputes): [path, action, page]. */
export const SCREENING_ROUTES: readonly [path: string, action: Action, page: ReactNode][] = [
  ['screening', 'screening.read', <ScreeningOverviewPage />],
  ['risk-meetings', 'screening.read', <MeetingsPage />],
  ['risk-meetings/new', 'dispute.centre', <MeetingFormPage />],
  ['risk-meetings/:id', 'screening.read', <MeetingDetailPage />],
  ['dispute-figures', 'dispute.read', <DisputeStatsPage />],
];
