import { Route, Routes } from 'react-router';
import { Allow, RedirectIfAuthed, RequireAuth } from './guards.tsx';
import { AppShell } from './layout/AppShell.tsx';
import { NotFound } from './layout/NotFound.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { AccountPage } from '../features/account/AccountPage.tsx';
import { RegionsPage } from '../features/regions/RegionsPage.tsx';
import { UsersPage } from '../features/users/UsersPage.tsx';
import { AuditPage } from '../features/audit/AuditPage.tsx';

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
        <Route element={<AppShell />}>
          <Route index element={<HomePage />} />
          <Route path="account" element={<AccountPage />} />
          <Route
            path="regions"
            element={
              <Allow action="region.read">
                <RegionsPage />
              </Allow>
            }
          />
          <Route
            path="users"
            element={
              <Allow action="user.read">
                <UsersPage />
              </Allow>
            }
          />
          <Route
            path="audit"
            element={
              <Allow action="audit.read">
                <AuditPage />
              </Allow>
            }
          />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Route>
    </Routes>
  );
}
