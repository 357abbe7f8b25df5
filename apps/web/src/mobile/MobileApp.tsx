import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { ConfigProvider } from 'antd';
import { AimOutlined, HomeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { roleCan } from '@gewu/domain';
import { useCurrentUser } from '../app/session.ts';
import { isGridWorker, isHandler, isMediator, useCatalogue } from './api.ts';
import { useMapConfig, useMapOutlines } from '../components/map/api.ts';
import { OutboxProvider } from './offline/useOutbox.tsx';
import { useCaseUpdates } from './useCaseUpdates.ts';
import { MobileLayout } from './layout/MobileLayout.tsx';
import { ReportPage } from './report/ReportPage.tsx';
import type { FieldEntry } from './field/FieldPage.tsx';
import './mobile.css';

// 上报 is the first screen and comes with this file; the case lists, the task tabs and the case page
// load when opened (and are precached by the service worker for offline use).
const MinePage = lazy(() => import('./cases/ListPages.tsx').then((m) => ({ default: m.MinePage })));
const VerifyPage = lazy(() => import('./cases/ListPages.tsx').then((m) => ({ default: m.VerifyPage })));
const TasksPage = lazy(() => import('./tasks/TasksPage.tsx'));
const ScreeningPage = lazy(() => import('./screening/ScreeningPage.tsx'));
const CaseDetailPage = lazy(() => import('./cases/CaseDetailPage.tsx').then((m) => ({ default: m.CaseDetailPage })));
// A mediator's phone (我的纠纷): its own chunks, never in a resident's or grid worker's first load.
const DisputesPage = lazy(() => import('./disputes/DisputesPage.tsx'));
const DisputeDetailPage = lazy(() =>
  import('./disputes/DisputeDetailPage.tsx').then((m) => ({ default: m.DisputeDetailPage })),
);
// 业主表决: an owner's votes, its own chunk.
const VotesPage = lazy(() => import('./votes/VotesPage.tsx'));
// A resident's village notices (村(居)务公开): its own chunk.
const NoticesPage = lazy(() => import('./notices/NoticesPage.tsx'));
// 议事协商: a resident's (or grid worker's) topics of their community, its own chunk.
const TopicsPage = lazy(() => import('./topics/TopicsPage.tsx'));
// 民生微实事: a resident proposes and follows their community's projects; its own chunk.
const ProjectsPage = lazy(() => import('./projects/ProjectsPage.tsx'));
// 外勤: the grid worker's field work — a hub of its pages, each its own chunk.
const VolunteerPage = lazy(() => import('./volunteer/VolunteerPage.tsx'));
const FieldPage = lazy(() => import('./field/FieldPage.tsx'));
const FIELD_ENTRIES: FieldEntry[] = [
  { key: 'patrol', icon: <AimOutlined /> },
  { key: 'inspections', icon: <SafetyCertificateOutlined /> },
  { key: 'visits', icon: <HomeOutlined /> },
];
// 隐患排查: a grid worker's checklists (外勤), its own chunk.
const InspectionsPage = lazy(() => import('./inspections/InspectionsPage.tsx'));
// 巡查: a grid worker's patrol (track, check-ins), its own chunk.
const PatrolPage = lazy(() => import('./field/PatrolPage.tsx'));
// 走访: a grid worker's visit plans and visits (外勤), its own chunk.
const VisitsPage = lazy(() => import('./visits/VisitsPage.tsx'));
const screen = (page: ReactNode) => <Suspense fallback={<div className="m-loading" />}>{page}</Suspense>;

/**
 * The phone screens, mounted at /m/*: 一键上报, 我的上报 with rating; for grid workers and handlers
 * 我的任务 (全部/待签收/处置中/已反馈) with sign, handle with photos, feed back, ask for an extension;
 * for grid workers 待核查 and 排查 (the grid's report each period, a zero report included); for mediators
 * 我的纠纷 (record a session, photograph the signed agreement). Reports and case actions go through an
 * on-device outbox, so they can be made offline and are sent when the phone is back online.
 */
export default function MobileApp() {
  const user = useCurrentUser();
  // The server refuses everything but the password change until it is done (the desktop page does it).
  if (user.mustChangePassword) return <Navigate to="/account" replace />;
  const worker = isGridWorker(user);
  const handles = worker || isHandler(user);
  // A handler only (城管, 派出所 …) does not report: their phone is their tasks.
  const reports = roleCan(user.roles, 'case.report');
  const mediates = isMediator(user);
  const votes = roleCan(user.roles, 'vote.cast');
  const home = handles ? '/m/tasks' : reports || !mediates ? '/m/report' : '/m/disputes';

  return (
    <ConfigProvider componentSize="large">
      <OutboxProvider userId={user.id}>
        <Live />
        {(reports || handles) && <Background />}
        <Routes>
          <Route element={<MobileLayout />}>
            <Route index element={<Navigate to={home} replace />} />
            {reports && <Route path="report" element={<ReportPage />} />}
            {reports && <Route path="mine" element={screen(<MinePage />)} />}
            {reports && <Route path="mine/:id" element={screen(<CaseDetailPage />)} />}
            {handles && <Route path="tasks" element={screen(<TasksPage />)} />}
            {handles && <Route path="tasks/:id" element={screen(<CaseDetailPage />)} />}
            {worker && <Route path="verify" element={screen(<VerifyPage />)} />}
            {worker && <Route path="verify/:id" element={screen(<CaseDetailPage />)} />}
            {worker && <Route path="screening" element={screen(<ScreeningPage />)} />}
            {worker && <Route path="field" element={screen(<FieldPage entries={FIELD_ENTRIES} />)} />}
            {worker && <Route path="field/inspections" element={screen(<InspectionsPage />)} />}
            {worker && <Route path="field/patrol" element={screen(<PatrolPage />)} />}
            {worker && <Route path="field/visits" element={screen(<VisitsPage />)} />}
            {mediates && <Route path="disputes" element={screen(<DisputesPage />)} />}
            {mediates && <Route path="disputes/:id" element={screen(<DisputeDetailPage />)} />}
            {votes && <Route path="votes" element={screen(<VotesPage />)} />}
            {user.roles.includes('resident') && <Route path="notices" element={screen(<NoticesPage />)} />}
            {(user.roles.includes('resident') || worker) && <Route path="topics" element={screen(<TopicsPage />)} />}
            {roleCan(user.roles, 'project.propose') && <Route path="projects" element={screen(<ProjectsPage />)} />}
            {user.roles.includes('resident') && <Route path="volunteer" element={screen(<VolunteerPage />)} />}
            <Route path="*" element={<Navigate to="/m" replace />} />
          </Route>
        </Routes>
      </OutboxProvider>
    </ConfigProvider>
  );
}

/** Live updates of the lists and details on the screen (cases and disputes). */
function Live() {
  useCaseUpdates();
  return null;
}

/**
 * The reference data the report form needs, fetched (and cached on the device) as soon as the app
 * opens — a grid worker who starts on 我的任务 and walks into a dead zone can still report.
 */
function Background() {
  const user = useCurrentUser();
  useCatalogue(user);
  useMapConfig(user);
  useMapOutlines(user);
  return null;
}
