import { Alert, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { roleSetProblem, type Role, type UserView } from '@gewu/domain';
import { useCurrentUser } from '../../app/session.ts';
import { notifySuccess } from '../../app/notify.ts';
import { buttonTestId } from '../../components/testId.ts';
import { useSetRoles } from './api.ts';
import { assignableRoles } from './roles.ts';
import { RoleSelect } from './RoleSelect.tsx';

/** Replaces a user's roles. Roles outside the actor's authority stay as they are (greyed out). */
export function RolesDialog({ user, onClose }: { user: UserView; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [form] = Form.useForm<{ roles: Role[] }>();
  const setRoles = useSetRoles();
  const assignable = assignableRoles(me.roles);
  const hasFixed = user.roles.some((r) => !assignable.includes(r));

  const onFinish = ({ roles }: { roles: Role[] }) => {
    setRoles.mutate(
      { id: user.id, roles },
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
      title={t('users.rolesTitle', { name: user.displayName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={setRoles.isPending}
      okButtonProps={buttonTestId('roles-submit')}
    >
      {hasFixed && <Alert type="info" showIcon title={t('users.rolesFixedHint')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ roles: user.roles }}>
        <Form.Item
          name="roles"
          label={t('users.roles')}
          extra={t('users.separatedConflict')}
          rules={[
            { required: true, type: 'array', min: 1, message: t('users.rolesRequired') },
            {
              validator: async (_r, value: Role[] | undefined) => {
                if (value && roleSetProblem(value)) throw new Error(t('users.separatedConflict'));
              },
            },
          ]}
        >
          <RoleSelect assignable={assignable} testId="roles-select" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
