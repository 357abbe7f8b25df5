import { Button, Layout, Space, Typography, theme } from 'antd';
import { EnvironmentOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../session.ts';
import { RoleTags } from '../../components/RoleTags.tsx';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { useLogout } from '../../features/auth/api.ts';
import { NotificationBell } from '../../features/notifications/NotificationBell.tsx';

export function HeaderBar() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const logout = useLogout();
  const { token } = theme.useToken();

  return (
    <Layout.Header
      style={{
        background: token.colorBgContainer,
        padding: '0 16px',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'flex-end',
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
      }}
    >
      <Space size="middle" wrap={false}>
        <NotificationBell />
        <Typography.Text data-testid="header-user">
          <UserOutlined /> {user.displayName}
        </Typography.Text>
        <Typography.Text type="secondary" data-testid="header-region">
          <EnvironmentOutlined /> {user.region.name}
        </Typography.Text>
        <RoleTags roles={user.roles} testId="header-roles" />
        <LanguageSwitch />
        <Button
          icon={<LogoutOutlined />}
          loading={logout.isPending}
          onClick={() => logout.mutate()}
          data-testid="logout"
        >
          {t('header.logout')}
        </Button>
      </Space>
    </Layout.Header>
  );
}
