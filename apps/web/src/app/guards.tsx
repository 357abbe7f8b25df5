import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Action } from '@gewu/domain';
import { allows, useCurrentUser, useSession } from './session.ts';

export function FullPageSpin() {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}>
      <Spin size="large" description={t('app.loading')} />
    </div>
  );
}

const Forbidden = lazy(() => import('./layout/Problem.tsx').then((m) => ({ default: m.Forbidden })));
const SessionError = lazy(() => import('./layout/Problem.tsx').then((m) => ({ default: m.SessionError })));

/** Renders the child routes only with a session; otherwise sends the user to /login. */
export function RequireAuth() {
  const { data, isPending, isError, refetch } = useSession();
  const location = useLocation();
  if (isPending) return <FullPageSpin />;
  if (isError)
    return (
      <Suspense fallback={<FullPageSpin />}>
        <SessionError onRetry={() => void refetch()} />
      </Suspense>
    );
  if (!data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}

/** The login page is for signed-out users only. */
export function RedirectIfAuthed({ children }: { children: ReactNode }) {
  const { data, isPending } = useSession();
  if (isPending) return <FullPageSpin />;
  if (data) return <Navigate to="/" replace />;
  return children;
}

/** Shows the page only when the user's roles allow `action`, or one of a list (deep links included). */
export function Allow({ action, children }: { action: Action | readonly Action[]; children: ReactNode }) {
  const user = useCurrentUser();
  if (!allows(user.roles, action))
    return (
      <Suspense fallback={null}>
        <Forbidden />
      </Suspense>
    );
  return children;
}
