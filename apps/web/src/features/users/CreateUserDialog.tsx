import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { roleSetProblem, type CreateUserBody, type Role } from '@gewu/domain';
import { useCurrentUser } from '../../app/session.ts';
import { notifySuccess } from '../../app/notify.ts';
import { passwordPolicyRule } from '../../components/passwordRule.ts';
import { buttonTestId } from '../../components/testId.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { useCreateUser } from './api.ts';
import { assignableRoles } from './roles.ts';
import { RoleSelect } from './RoleSelect.tsx';

export function CreateUserDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [form] = Form.useForm<CreateUserBody>();
  const create = useCreateUser();

  const onFinish = (values: CreateUserBody) => {
    create.mutate(values, {
      onSuccess: (user) => {
        notifySuccess(t('users.created', { name: user.displayName }));
        onClose();
      },
    });
  };

  return (
    <Modal
      open
      title={t('users.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={create.isPending}
      okButtonProps={buttonTestId('create-user-submit')}
      mask={{ closable: false }}
    >
      <Form<CreateUserBody> form={form} layout="vertical" onFinish={onFinish} data-testid="create-user-form">
        <Form.Item
          name="username"
          label={t('users.username')}
          rules={[
            { required: true, message: t('users.required') },
            { pattern: /^[a-zA-Z0-9_.-]{3,64}$/, message: t('users.usernameRule') },
          ]}
        >
          <Input autoComplete="off" data-testid="create-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, whitespace: true, message: t('users.required') }]}
        >
          <Input maxLength={64} data-testid="create-display-name" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.password')}
          extra={t('account.policy')}
          rules={[{ required: true, message: t('users.required') }, passwordPolicyRule]}
        >
          <Input.Password autoComplete="new-password" data-testid="create-password" />
        </Form.Item>
        <Form.Item
          name="regionId"
          label={t('users.region')}
          rules={[{ required: true, message: t('users.regionRequired') }]}
        >
          <RegionTreeSelect testId="create-region" />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('users.roles')}
          rules={[
            { required: true, type: 'array', min: 1, message: t('users.rolesRequired') },
            {
              validator: async (_r, value: Role[] | undefined) => {
                if (value && roleSetProblem(value)) throw new Error(t('users.separatedConflict'));
              },
            },
          ]}
        >
          <RoleSelect assignable={assignableRoles(me.roles)} onlyAssignable testId="create-roles" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
