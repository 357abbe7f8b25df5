import { useState } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { Alert, Layout, Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { allows, useCurrentUser } from '../session.ts';
import { NAV_ITEMS, activeNavKey } from '../nav.tsx';
import { HeaderBar } from './HeaderBar.tsx';
import { Brand } from './Brand.tsx';

const { Sider, Content } = Layout;

export function AppShell() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const onAccount = location.pathname === '/account';
  // The server refuses everything but /me and /password until an initial or reset password is changed.
  if (user.mustChangePassword && !onAccount) return <Navigate to="/account" replace />;

  const items = NAV_ITEMS.filter((item) => allows(user.roles, item.action)).map((item) => ({
    key: item.key,
    icon: item.icon,
    label: (
      <Link to={item.path} data-testid={`menu-${item.key}`}>
        {t(item.labelKey)}
      </Link>
    ),
  }));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" width={208}>
        <Brand collapsed={collapsed} />
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[activeNavKey(location.pathname)]}
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
