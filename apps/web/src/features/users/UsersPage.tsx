import { useState } from 'react';
import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role, UserListQuery, UserView } from '@gewu/domain';
import { useCan, useCurrentUser } from '../../app/session.ts';
import { useUsers } from './api.ts';
import { userColumns } from './columns.tsx';
import { canEditRoles } from './roles.ts';
import { UsersToolbar } from './UsersToolbar.tsx';
import { UserActions, type UserDialog } from './UserActions.tsx';
import { CreateUserDialog } from './CreateUserDialog.tsx';
import { EditUserDialog } from './EditUserDialog.tsx';
import { RolesDialog } from './RolesDialog.tsx';
import { ResetPasswordDialog } from './ResetPasswordDialog.tsx';

type Dialog = { kind: 'create' } | { kind: UserDialog; user: UserView } | null;

/** 用户: the accounts inside my scope, with the actions my roles allow. */
export function UsersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const can = useCan();
  const [params, setParams] = useState<UserListQuery>({ page: 1, pageSize: 20 });
  const [dialog, setDialog] = useState<Dialog>(null);
  const users = useUsers(params);
  const close = () => setDialog(null);
  const canRoles = canEditRoles(me.roles);

  const columns = userColumns(t, (user) => (
    <UserActions user={user} canRoles={canRoles} onOpen={(kind, u) => setDialog({ kind, user: u })} />
  ));

  return (
    <Card title={t('users.title')}>
      <UsersToolbar
        onSearch={(q) => setParams((p) => ({ ...p, page: 1, q: q.trim() || undefined }))}
        role={params.role}
        onRoleChange={(role?: Role) => setParams((p) => ({ ...p, page: 1, role }))}
        onCreate={can('user.create') ? () => setDialog({ kind: 'create' }) : undefined}
      />
      <Table<UserView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={users.data?.items ?? []}
        loading={users.isFetching}
        scroll={{ x: 'max-content' }}
        data-testid="users-table"
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: users.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('users.total', { total }),
          onChange: (page, pageSize) => setParams((p) => ({ ...p, page, pageSize })),
        }}
      />
      {dialog?.kind === 'create' && <CreateUserDialog onClose={close} />}
      {dialog?.kind === 'edit' && <EditUserDialog user={dialog.user} onClose={close} />}
      {dialog?.kind === 'roles' && <RolesDialog user={dialog.user} onClose={close} />}
      {dialog?.kind === 'reset' && <ResetPasswordDialog user={dialog.user} onClose={close} />}
    </Card>
  );
}
