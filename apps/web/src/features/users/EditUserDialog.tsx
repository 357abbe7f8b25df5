import { Form, Input, Modal, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UpdateUserBody, UserView } from '@gewu/domain';
import { notifySuccess } from '../../app/notify.ts';
import { buttonTestId } from '../../components/testId.ts';
import { useUpdateUser } from './api.ts';

interface Values {
  displayName: string;
  enabled: boolean;
}

/** Edits the display name and enables/disables the account (PATCH sends only what changed). */
export function EditUserDialog({ user, onClose }: { user: UserView; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const update = useUpdateUser();

  const onFinish = ({ displayName, enabled }: Values) => {
    const status: UserView['status'] = enabled ? 'active' : 'disabled';
    const body: UpdateUserBody = {
      ...(displayName.trim() !== user.displayName ? { displayName: displayName.trim() } : {}),
      ...(status !== user.status ? { status } : {}),
    };
    if (Object.keys(body).length === 0) return onClose();
    update.mutate(
      { id: user.id, ...body },
      {
        onSuccess: () => {
          notifySuccess(t('users.saved'));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('users.editTitle', { name: user.username })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={update.isPending}
      okButtonProps={buttonTestId('edit-user-submit')}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ displayName: user.displayName, enabled: user.status === 'active' }}
      >
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, whitespace: true, message: t('users.required') }]}
        >
          <Input maxLength={64} data-testid="edit-display-name" />
        </Form.Item>
        <Form.Item name="enabled" label={t('users.enabled')} valuePropName="checked">
          <Switch data-testid="edit-enabled" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
