import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { Button, Popconfirm, Tag } from 'antd';
import { DesktopOutlined, DisconnectOutlined, LeftOutlined, LogoutOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session.ts';
import { useLogout } from '../../features/auth/api.ts';
import { isResidentOnly } from '../api.ts';
import { rememberSurfaceChoice } from '../../app/landing.ts';
import { useOnline, useOutbox } from '../offline/useOutbox.tsx';
import { PendingBanner } from '../offline/PendingBanner.tsx';
import { fieldPageOf, isDetailPath, tabOf, tabsFor } from './tabs.tsx';

/** The phone frame: a short header, the pending-reports banner, the page, a bottom tab bar. */
export function MobileLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const online = useOnline();
  const logout = useLogout();
  const outbox = useOutbox();
  // Everything that waits on the device for this user: reports, case actions, field work.
  const waiting =
    outbox.items.filter((i) => i.status === 'pending').length +
    outbox.actions.filter((a) => a.status === 'pending').length +
    outbox.field.reduce((n, f) => n + f.pending, 0);
  const tabs = tabsFor(user);
  const current = tabOf(pathname);
  const detail = isDetailPath(pathname);
  // 外勤's pages (/m/field/patrol …) carry their own titles; other detail pages their tab's detail title.
  const fieldPage = fieldPageOf(pathname);
  const title = fieldPage
    ? t(`mobile.field.${fieldPage}.title`)
    : current
      ? t(detail ? `mobile.detailTitles.${current}` : `mobile.titles.${current}`)
      : t('mobile.title');

  return (
    <div className="m-app" data-testid="m-app">
      <header className="m-header">
        {detail && current && (
          <button
            type="button"
            className="m-icon-btn"
            aria-label={t('mobile.back')}
            data-testid="m-back"
            onClick={() => void navigate(`/m/${current}`)}
          >
            <LeftOutlined />
          </button>
        )}
        <h1 data-testid="m-title">{title}</h1>
        {!online && (
          <Tag color="warning" icon={<DisconnectOutlined />} data-testid="m-offline">
            {t('mobile.offline')}
          </Tag>
        )}
        <span className="m-user" data-testid="header-user">
          {user.displayName}
        </span>
        {!isResidentOnly(user) && (
          <Link
            to="/"
            onClick={() => rememberSurfaceChoice(user.id, 'desktop')}
            className="m-icon-btn"
            aria-label={t('mobile.desktop')}
            title={t('mobile.desktop')}
            data-testid="m-desktop"
          >
            <DesktopOutlined />
          </Link>
        )}
        {/* What waits stays on the device and goes when this user signs in again: say so first. */}
        <Popconfirm
          title={t('mobile.logoutPending', { n: waiting })}
          disabled={waiting === 0}
          okText={t('header.logout')}
          cancelText={t('common.cancel')}
          onConfirm={() => logout.mutate()}
        >
          <Button
            type="text"
            className="m-icon-btn"
            aria-label={t('header.logout')}
            title={t('header.logout')}
            icon={<LogoutOutlined />}
            loading={logout.isPending}
            onClick={() => waiting === 0 && logout.mutate()}
            data-testid="logout"
          />
        </Popconfirm>
      </header>
      <PendingBanner />
      <main className="m-main">
        <Outlet />
      </main>
      <nav className="m-tabbar" aria-label={t('mobile.title')}>
        {tabs.map((tab) => (
          <Link
            key={tab.key}
            to={tab.path}
            className={`m-tab${tab.key === current ? ' active' : ''}`}
            data-testid={`m-tab-${tab.key}`}
            aria-current={tab.key === current ? 'page' : undefined}
          >
            {tab.icon}
            <span>{t(`mobile.tabs.${tab.key}`)}</span>
          </Link>
        ))}
      </nav>
    </div>
  );
}
