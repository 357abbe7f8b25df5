import { Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserView } from '@gewu/domain';
import { useCan, useCurrentUser } from '../../app/session.ts';
import { notifySuccess } from '../../app/notify.ts';
import { useRevokeSessions, useUnlockUser } from './api.ts';

export type UserDialog = 'edit' | 'roles' | 'reset';

interface Props {
  user: UserView;
  canRoles: boolean;
  onOpen: (dialog: UserDialog, user: UserView) => void;
}

/** Row actions, each shown only to roles that may do it (三员: security actions are security_admin's). */
export function UserActions({ user, canRoles, onOpen }: Props) {
  const { t } = useTranslation();
  const can = useCan();
  const me = useCurrentUser();
  // One's own password and sessions are handled on the account page, not here.
  const isSelf = me.id === user.id;
  const unlock = useUnlockUser();
  const revoke = useRevokeSessions();
  const name = user.displayName;
  const link = (key: string, label: string, onClick?: () => void) => (
    <Button type="link" size="small" onClick={onClick} data-testid={`user-${key}-${user.username}`}>
      {label}
    </Button>
  );

  return (
    <Space size={0} wrap>
      {can('user.update') && link('edit', t('users.edit'), () => onOpen('edit', user))}
      {canRoles && link('roles', t('users.editRoles'), () => onOpen('roles', user))}
      {can('user.unlock') && (
        <Popconfirm
          title={t('users.unlockConfirm', { name })}
          onConfirm={() => unlock.mutateAsync(user.id).then(() => notifySuccess(t('users.unlocked')))}
        >
          {link('unlock', t('users.unlock'))}
        </Popconfirm>
      )}
      {can('user.reset_password') && !isSelf && link('reset', t('users.resetPassword'), () => onOpen('reset', user))}
      {can('session.revoke') && !isSelf && (
        <Popconfirm
          title={t('users.revokeConfirm', { name })}
          onConfirm={() => revoke.mutateAsync(user.id).then(() => notifySuccess(t('users.revoked')))}
        >
          {link('revoke', t('users.revoke'))}
        </Popconfirm>
      )}
    </Space>
  );
}
