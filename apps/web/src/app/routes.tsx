import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { Spin } from 'antd';
import type { Action } from '@gewu/domain';
import { Allow, RedirectIfAuthed, RequireAuth } from './guards.tsx';
import { AppShell } from './layout/AppShell.tsx';
import { NotFound } from './layout/NotFound.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { AccountPage } from '../features/account/AccountPage.tsx';
import { RegionsPage } from '../features/regions/RegionsPage.tsx';
import { UsersPage } from '../features/users/UsersPage.tsx';
import { AuditPage } from '../features/audit/AuditPage.tsx';
import { ResidentsPage } from '../features/people/ResidentsPage.tsx';
import { HousesPage } from '../features/people/HousesPage.tsx';
import { SpecialPage } from '../features/people/SpecialPage.tsx';
import { ImportPage } from '../features/imports/ImportPage.tsx';
import { CASE_ROUTES } from '../features/cases/routes.tsx';
import { ItemsPage } from '../features/items/ItemsPage.tsx';
import { InboxPage } from '../features/notifications/InboxPage.tsx';
import { SETUP_ROUTES } from '../features/setup/routes.tsx';

// The map (Leaflet) and the charts (ECharts) load only when their page is opened.
const GridsPage = lazy(() => import('../features/grids/GridsPage.tsx').then((m) => ({ default: m.GridsPage })));
const MobileApp = lazy(() => import('../mobile/MobileApp.tsx'));
const StatsPage = lazy(() => import('../features/stats/StatsPage.tsx').then((m) => ({ default: m.StatsPage })));

/** Pages behind an action: the menu hides them, and a deep link shows 403 (the server checks again). */
const GUARDED: readonly [path: string, action: Action, page: ReactNode][] = [
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
  ['items', 'item.read', <ItemsPage />],
  ['inbox', 'case.read', <InboxPage />],
  ...SETUP_ROUTES,
];

export function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/login"
        element={
          <RedirectIfAuthed>
            <LoginPage />
          </RedirectIfAuthed>
        }
      />
      <Route element={<RequireAuth />}>
        {/* Phone screens for residents and grid workers: their own light layout, no desktop shell. */}
        <Route
          path="m/*"
          element={
            <Suspense fallback={<Spin style={{ display: 'block', marginTop: 64 }} />}>
              <MobileApp />
            </Suspense>
          }
        />
        <Route element={<AppShell />}>
          <Route index element={<HomePage />} />
          <Route path="account" element={<AccountPage />} />
          {GUARDED.map(([path, action, page]) => (
            <Route
              key={path}
              path={path}
              element={
                <Allow action={action}>
                  <Suspense fallback={<Spin style={{ display: 'block', marginTop: 64 }} />}>{page}</Suspense>
                </Allow>
              }
            />
          ))}
          <Route path="*" element={<NotFound />} />
        </Route>
      </Route>
    </Routes>
  );
}
