import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { notifySuccess } from '../../app/notify.ts';
import { passwordPolicyRule } from '../../components/passwordRule.ts';
import type { ChangePasswordBody } from '@gewu/domain';
import { useChangePassword } from './api.ts';

interface Values extends ChangePasswordBody {
  confirmPassword: string;
}

/** Server errors land on the field they concern; anything else shows above the form. */
const FIELD_OF_CODE: Record<string, keyof Values> = {
  'auth.wrong_password': 'currentPassword',
  'auth.password_policy': 'newPassword',
  'auth.password_reused': 'newPassword',
};

export function ChangePasswordForm({ username }: { username: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const err = change.error;
  const fieldOfError = isApiError(err) ? FIELD_OF_CODE[err.code] : undefined;

  const onFinish = ({ currentPassword, newPassword }: Values) => {
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          notifySuccess(t('account.changed'));
        },
        onError: (e) => {
          const field = isApiError(e) ? FIELD_OF_CODE[e.code] : undefined;
          if (field) form.setFields([{ name: field, errors: [e.message] }]);
        },
      },
    );
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      style={{ maxWidth: 420 }}
      data-testid="change-password-form"
    >
      {/* Lets password managers file the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      {err && !fieldOfError && <Alert type="error" showIcon title={err.message} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="currentPassword"
        label={t('account.currentPassword')}
        rules={[{ required: true, message: t('account.required') }]}
      >
        <Input.Password autoComplete="current-password" data-testid="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('account.newPassword')}
        extra={t('account.policy')}
        dependencies={['currentPassword']}
        rules={[
          { required: true, message: t('account.required') },
          passwordPolicyRule,
          ({ getFieldValue }) => ({
            validator: async (_r, value: unknown) => {
              if (value && value === getFieldValue('currentPassword')) throw new Error(t('account.sameAsOld'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('account.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('account.required') },
          ({ getFieldValue }) => ({
            validator: async (_r, value: unknown) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error(t('account.mismatch'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="confirm-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="change-password-submit">
        {t('account.submit')}
      </Button>
    </Form>
  );
}
