import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session.ts';
import { RoleTags } from '../../components/RoleTags.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

/** 个人设置: my account and the change-password form. */
export function AccountPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card title={t('account.myInfo')}>
          <Descriptions
            column={1}
            items={[
              { key: 'username', label: t('home.username'), children: user.username },
              { key: 'displayName', label: t('home.displayName'), children: user.displayName },
              {
                key: 'region',
                label: t('home.region'),
                children: (
                  <>
                    {user.region.name} <Typography.Text type="secondary">{user.region.code}</Typography.Text>
                  </>
                ),
              },
              { key: 'roles', label: t('home.roles'), children: <RoleTags roles={user.roles} /> },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('account.changePassword')}>
          <ChangePasswordForm username={user.username} />
        </Card>
      </Col>
    </Row>
  );
}
