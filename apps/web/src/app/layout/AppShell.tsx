import { type ReactNode, useState } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { Alert, Layout, Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { allows, useCurrentUser } from '../session.ts';
import { NAV_GROUP_ICONS, NAV_ITEMS, type NavItem, activeNavKey } from '../nav.tsx';
import { HeaderBar } from './HeaderBar.tsx';
import { Brand } from './Brand.tsx';

const { Sider, Content } = Layout;

type Entry = { key: string; icon: ReactNode; label: ReactNode };
type MenuItem = Entry | (Entry & { children: Entry[] });

export function AppShell() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const onAccount = location.pathname === '/account';
  // The server refuses everything but /me and /password until an initial or reset password is changed.
  if (user.mustChangePassword && !onAccount) return <Navigate to="/account" replace />;

  const active = activeNavKey(location.pathname);
  const entry = (item: NavItem) => ({
    key: item.key,
    icon: item.icon,
    label: (
      <Link to={item.path} data-testid={`menu-${item.key}`}>
        {t(item.labelKey)}
      </Link>
    ),
  });
  // Consecutive entries of one group go under one submenu (群防群治).
  const items: MenuItem[] = [];
  for (const item of NAV_ITEMS.filter((i) => allows(user.roles, i.action))) {
    const last = items.at(-1);
    if (!item.group) items.push(entry(item));
    else if (last && 'children' in last && last.key === `group-${item.group}`) last.children.push(entry(item));
    else
      items.push({
        key: `group-${item.group}`,
        icon: NAV_GROUP_ICONS[item.group],
        label: <span data-testid={`menu-group-${item.group}`}>{t(`menu.groups.${item.group}`)}</span>,
        children: [entry(item)],
      });
  }
  const openGroup = NAV_ITEMS.find((i) => i.key === active)?.group;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" width={208}>
        <Brand collapsed={collapsed} />
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[active]}
          defaultOpenKeys={openGroup ? [`group-${openGroup}`] : []}
          items={items}
          data-testid="side-menu"
        />
      </Sider>
      <Layout>
        <HeaderBar />
        <Content style={{ margin: 16 }}>
          {user.mustChangePassword && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('header.mustChangePassword')}
              data-testid="must-change-password"
            />
          )}
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
