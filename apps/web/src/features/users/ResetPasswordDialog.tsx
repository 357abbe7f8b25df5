import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserView } from '@gewu/domain';
import { notifySuccess } from '../../app/notify.ts';
import { passwordPolicyRule } from '../../components/passwordRule.ts';
import { buttonTestId } from '../../components/testId.ts';
import { useResetPassword } from './api.ts';

/** security_admin sets a new password for a user (who is then asked to change it). */
export function ResetPasswordDialog({ user, onClose }: { user: UserView; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ newPassword: string }>();
  const reset = useResetPassword();

  const onFinish = ({ newPassword }: { newPassword: string }) => {
    reset.mutate(
      { id: user.id, newPassword },
      {
        onSuccess: () => {
          notifySuccess(t('users.resetDone'));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('users.resetTitle', { name: user.displayName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={reset.isPending}
      okButtonProps={buttonTestId('reset-submit')}
    >
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="newPassword"
          label={t('account.newPassword')}
          extra={t('account.policy')}
          rules={[{ required: true, message: t('users.required') }, passwordPolicyRule]}
        >
          <Input.Password autoComplete="new-password" data-testid="reset-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
