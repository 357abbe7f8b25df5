import { Navigate, useNavigate } from 'react-router';
import { Button, Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import { MobileOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session.ts';
import { RoleTags } from '../../components/RoleTags.tsx';

/** 工作台: who I am, where I belong, and what each of my roles is for. */
export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  // Residents have no desk work: their screens are the phone ones (一键上报, 我的上报).
  if (user.roles.length > 0 && user.roles.every((r) => r === 'resident')) return <Navigate to="/m" replace />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="home-welcome">
        {t('home.welcome', { name: user.displayName })}
      </Typography.Title>
      {user.roles.includes('grid_worker') && (
        <Button
          type="primary"
          size="large"
          icon={<MobileOutlined />}
          onClick={() => void navigate('/m')}
          data-testid="home-mobile-link"
        >
          {t('mobile.homeLink')}
        </Button>
      )}
      <Card title={t('home.whoAmI')}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'displayName', label: t('home.displayName'), children: user.displayName },
            { key: 'username', label: t('home.username'), children: user.username },
            {
              key: 'region',
              label: t('home.region'),
              children: (
                <span data-testid="home-region">
                  {user.region.name} <Tag>{t(`levels.${user.region.level}`)}</Tag>
                  <Typography.Text type="secondary">{user.region.code}</Typography.Text>
                </span>
              ),
            },
            { key: 'roles', label: t('home.roles'), children: <RoleTags roles={user.roles} testId="home-roles" /> },
          ]}
        />
      </Card>
      <Card title={t('home.roleDuties')}>
        <List
          dataSource={user.roles}
          data-testid="home-duties"
          renderItem={(role) => (
            <List.Item>
              <List.Item.Meta title={t(`roles.${role}`)} description={t(`roleDesc.${role}`)} />
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
