import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { Spin } from 'antd';
import type { Action } from '@gewu/domain';
import { Allow, RedirectIfAuthed, RequireAuth } from './guards.tsx';
import { INBOX_ACTIONS } from './session.ts';
import { CASE_ROUTES } from '../features/cases/routes.tsx';
import { DISPUTE_ROUTES } from '../features/disputes/routes.tsx';
import { SETUP_ROUTES } from '../features/setup/routes.tsx';
import { PETITION_ROUTES } from '../features/petitions/routes.tsx';
import { SCREENING_ROUTES } from '../features/screening/routes.tsx';
import { VOTE_ROUTES } from '../features/votes/routes.tsx';
import { NOTICE_ROUTES } from '../features/notices/routes.tsx';
import { DELIBERATION_ROUTES } from '../features/deliberation/routes.tsx';
import { TOPIC_ROUTES } from '../features/topics/routes.tsx';
import { PROJECT_ROUTES } from '../features/projects/routes.tsx';
import { FIELD_STATS_ROUTES } from '../features/fieldStats/routes.tsx';
import { INSPECTION_ROUTES } from '../features/inspections/routes.tsx';
import { VISIT_ROUTES } from '../features/visits/routes.tsx';
import { FIELD_SETTINGS_ROUTES } from '../features/fieldSettings/routes.tsx';
import { FORCES_ROUTES } from '../features/forces/routes.tsx';

/**
 * Every page loads with its route: a phone opening /m/report fetches the phone screens and not the
 * desktop's tables, forms, map and charts (see bench/phone-load.ts and e2e/phone/budget.spec.ts).
 */
const NotFound = lazy(() => import('./layout/NotFound.tsx').then((m) => ({ default: m.NotFound })));
const LoginPage = lazy(() => import('../features/auth/LoginPage.tsx').then((m) => ({ default: m.LoginPage })));
const AppShell = lazy(() => import('./layout/AppShell.tsx').then((m) => ({ default: m.AppShell })));
const HomePage = lazy(() => import('../features/home/HomePage.tsx').then((m) => ({ default: m.HomePage })));
const AccountPage = lazy(() => import('../features/account/AccountPage.tsx').then((m) => ({ default: m.AccountPage })));
const RegionsPage = lazy(() => import('../features/regions/RegionsPage.tsx').then((m) => ({ default: m.RegionsPage })));
const UsersPage = lazy(() => import('../features/users/UsersPage.tsx').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('../features/audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
const ResidentsPage = lazy(() =>
  import('../features/people/ResidentsPage.tsx').then((m) => ({ default: m.ResidentsPage })),
);
const HousesPage = lazy(() => import('../features/people/HousesPage.tsx').then((m) => ({ default: m.HousesPage })));
const SpecialPage = lazy(() => import('../features/people/SpecialPage.tsx').then((m) => ({ default: m.SpecialPage })));
const ImportPage = lazy(() => import('../features/imports/ImportPage.tsx').then((m) => ({ default: m.ImportPage })));
const ItemsPage = lazy(() => import('../features/items/ItemsPage.tsx').then((m) => ({ default: m.ItemsPage })));
const InboxPage = lazy(() => import('../features/notifications/InboxPage.tsx').then((m) => ({ default: m.InboxPage })));
const GridsPage = lazy(() => import('../features/grids/GridsPage.tsx').then((m) => ({ default: m.GridsPage })));
const MobileApp = lazy(() => import('../mobile/MobileApp.tsx'));
// The visitor's progress page: public (no sign-in), its own small chunk.
const TrackPage = lazy(() => import('../mobile/track/TrackPage.tsx'));
const ReceptionPage = lazy(() =>
  import('../features/reception/ReceptionPage.tsx').then((m) => ({ default: m.ReceptionPage })),
);
const StatsPage = lazy(() => import('../features/stats/StatsPage.tsx').then((m) => ({ default: m.StatsPage })));

/** Pages behind an action: the menu hides them, and a deep link shows 403 (the server checks again). */
const GUARDED: readonly [path: string, action: Action | readonly Action[], page: ReactNode][] = [
  ['grids', 'grid.read', <GridsPage />],
  ['residents', 'person.read', <ResidentsPage />],
  ['houses', 'person.read', <HousesPage />],
  ['special', 'special_population.read', <SpecialPage />],
  ['imports', 'base.import', <ImportPage />],
  ['stats', 'stats.read', <StatsPage />],
  ['regions', 'region.read', <RegionsPage />],
  ['users', 'user.read', <UsersPage />],
  ['audit', 'audit.read', <AuditPage />],
  ...CASE_ROUTES,
  ['reception', 'reception.read', <ReceptionPage />],
  ...PETITION_ROUTES,
  ...SCREENING_ROUTES,
  ...DISPUTE_ROUTES,
  ['items', 'item.read', <ItemsPage />],
  ['inbox', INBOX_ACTIONS, <InboxPage />],
  ...SETUP_ROUTES,
  ...VOTE_ROUTES,
  ...NOTICE_ROUTES,
  ...DELIBERATION_ROUTES,
  ...TOPIC_ROUTES,
  ...PROJECT_ROUTES,
  ...FIELD_STATS_ROUTES,
  ...INSPECTION_ROUTES,
  ...VISIT_ROUTES,
  ...FIELD_SETTINGS_ROUTES,
  ...FORCES_ROUTES,
];

const pageSpin = <Spin style={{ display: 'block', marginTop: 64 }} />;
/** A lazy page with a spinner while its code arrives. */
const loading = (page: ReactNode) => <Suspense fallback={pageSpin}>{page}</Suspense>;

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<RedirectIfAuthed>{loading(<LoginPage />)}</RedirectIfAuthed>} />
      <Route path="/m/track" element={loading(<TrackPage />)} />
      <Route element={<RequireAuth />}>
        {/* Phone screens for residents and grid workers: their own light layout, no desktop shell. */}
        <Route path="m/*" element={loading(<MobileApp />)} />
        <Route element={loading(<AppShell />)}>
          <Route index element={loading(<HomePage />)} />
          <Route path="account" element={loading(<AccountPage />)} />
          {GUARDED.map(([path, action, page]) => (
            <Route key={path} path={path} element={<Allow action={action}>{loading(page)}</Allow>} />
          ))}
          <Route path="*" element={loading(<NotFound />)} />
        </Route>
      </Route>
    </Routes>
  );
}
