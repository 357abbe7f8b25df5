import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { ConfigProvider } from 'antd';
import { useCurrentUser } from '../app/session.ts';
import { isGridWorker, useCatalogue, useMyGrids } from './api.ts';
import { OutboxProvider } from './offline/useOutbox.tsx';
import { useCaseUpdates } from './useCaseUpdates.ts';
import { MobileLayout } from './layout/MobileLayout.tsx';
import { ReportPage } from './report/ReportPage.tsx';
import './mobile.css';

// 上报 is the first screen and comes with this file; the case lists and the case page load when opened
// (and are precached by the service worker for offline use).
const MinePage = lazy(() => import('./cases/ListPages.tsx').then((m) => ({ default: m.MinePage })));
const TasksPage = lazy(() => import('./cases/ListPages.tsx').then((m) => ({ default: m.TasksPage })));
const VerifyPage = lazy(() => import('./cases/ListPages.tsx').then((m) => ({ default: m.VerifyPage })));
const CaseDetailPage = lazy(() => import('./cases/CaseDetailPage.tsx').then((m) => ({ default: m.CaseDetailPage })));
const screen = (page: ReactNode) => <Suspense fallback={<div className="m-loading" />}>{page}</Suspense>;

/**
 * The phone screens (resident and grid worker), mounted at /m/*: 一键上报, 我的上报 with rating,
 * and for grid workers 我的任务 and 待核查. Reports go through an on-device outbox, so they can be
 * made offline and are sent when the phone is back online.
 */
export default function MobileApp() {
  const user = useCurrentUser();
  // The server refuses everything but the password change until it is done (the desktop page does it).
  if (user.mustChangePassword) return <Navigate to="/account" replace />;
  const worker = isGridWorker(user);

  return (
    <ConfigProvider componentSize="large">
      <OutboxProvider userId={user.id}>
        <Background />
        <Routes>
          <Route element={<MobileLayout />}>
            <Route index element={<Navigate to={worker ? '/m/tasks' : '/m/report'} replace />} />
            <Route path="report" element={<ReportPage />} />
            <Route path="mine" element={screen(<MinePage />)} />
            <Route path="mine/:id" element={screen(<CaseDetailPage />)} />
            {worker && <Route path="tasks" element={screen(<TasksPage />)} />}
            {worker && <Route path="tasks/:id" element={screen(<CaseDetailPage />)} />}
            {worker && <Route path="verify" element={screen(<VerifyPage />)} />}
            {worker && <Route path="verify/:id" element={screen(<CaseDetailPage />)} />}
            <Route path="*" element={<Navigate to="/m" replace />} />
          </Route>
        </Routes>
      </OutboxProvider>
    </ConfigProvider>
  );
}

/**
 * Live case updates, and the reference data the report form needs fetched (and cached on the
 * device) as soon as the app opens — a grid worker who starts on 我的任务 and walks into a dead
 * zone can still report.
 */
function Background() {
  const user = useCurrentUser();
  useCaseUpdates();
  useCatalogue(user);
  useMyGrids(user, isGridWorker(user));
  return null;
}
