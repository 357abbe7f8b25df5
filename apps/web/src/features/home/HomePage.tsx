import { Navigate, useNavigate } from 'react-router';
import { Button, Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import { MobileOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCan, useCurrentUser } from '../../app/session.ts';
import { RoleTags } from '../../components/RoleTags.tsx';
import {
  currentDevice,
  hasPhoneRole,
  landingFor,
  readSurfaceChoice,
  rememberSurfaceChoice,
} from '../../app/landing.ts';

/** 工作台: who I am, where I belong, and what each of my roles is for. */
export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const can = useCan();
  const navigate = useNavigate();
  // Who lands where (landing.ts): residents, and grid workers and handlers on a phone, get the phone pages.
  if (landingFor(user.roles, currentDevice(), readSurfaceChoice(user.id)) === '/m') return <Navigate to="/m" replace />;
  const toPhone = () => {
    rememberSurfaceChoice(user.id, 'phone');
    void navigate('/m');
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="home-welcome">
        {t('home.welcome', { name: user.displayName })}
      </Typography.Title>
      <Space wrap>
        {/* A mediator's work is their organisation's disputes: the board opens on 我的纠纷. */}
        {can('dispute.mediate') && (
          <Button type="primary" size="large" onClick={() => void navigate('/disputes')} data-testid="home-my-disputes">
            {t('home.myDisputes')}
          </Button>
        )}
        {hasPhoneRole(user.roles) && (
          <Button
            type="primary"
            size="large"
            icon={<MobileOutlined />}
            onClick={toPhone}
            data-testid="home-mobile-link"
          >
            {t('mobile.homeLink')}
          </Button>
        )}
      </Space>
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
