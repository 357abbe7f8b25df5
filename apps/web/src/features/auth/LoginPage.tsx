import { useLocation, useNavigate } from 'react-router';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import type { LoginBody } from '@gewu/domain';
import { useLogin } from './api.ts';

function redirectTarget(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login') ? from : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const login = useLogin();

  const onFinish = (values: LoginBody) => {
    login.mutate(values, { onSuccess: () => void navigate(redirectTarget(location.state), { replace: true }) });
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        background: 'linear-gradient(160deg, #1f4e9c 0%, #163a75 55%, #0f2a55 100%)',
        padding: 16,
      }}
    >
      <div style={{ position: 'fixed', top: 16, right: 16 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: 380, maxWidth: '100%' }} data-testid="login-card">
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <Typography.Title level={2} style={{ marginBottom: 4, letterSpacing: 4 }} data-testid="login-brand">
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="login-subtitle">
            {t('app.subtitle')}
          </Typography.Text>
          <Typography.Title level={4} style={{ marginTop: 16, marginBottom: 0 }}>
            {t('login.heading')}
          </Typography.Title>
        </div>
        {login.error && (
          <Alert
            type="error"
            showIcon
            title={login.error.message}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        )}
        <Form<LoginBody> layout="vertical" onFinish={onFinish} requiredMark={false} disabled={login.isPending}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            block
            size="large"
            loading={login.isPending}
            data-testid="login-submit"
          >
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
