import type { ReactNode } from 'react';
import { Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { UserView } from '@gewu/domain';
import { RoleTags } from '../../components/RoleTags.tsx';

export function isLocked(user: UserView): boolean {
  return user.lockedUntil !== null && dayjs(user.lockedUntil).isAfter(dayjs());
}

function formatTime(iso: string | null, fallback: string): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : fallback;
}

/** Columns of the user table; `actions` renders the row's action links. */
export function userColumns(t: TFunction, actions: (user: UserView) => ReactNode): TableColumnsType<UserView> {
  return [
    { title: t('users.username'), dataIndex: 'username', key: 'username' },
    { title: t('users.displayName'), dataIndex: 'displayName', key: 'displayName' },
    { title: t('users.region'), dataIndex: 'regionName', key: 'region' },
    { title: t('users.roles'), key: 'roles', render: (_, u) => <RoleTags roles={u.roles} /> },
    {
      title: t('users.status'),
      key: 'status',
      render: (_, u) => (
        <Space size={4}>
          {u.status === 'active' ? <Tag color="green">{t('users.active')}</Tag> : <Tag>{t('users.disabled')}</Tag>}
          {isLocked(u) && <Tag color="red">{t('users.locked')}</Tag>}
        </Space>
      ),
    },
    { title: t('users.lastLogin'), key: 'lastLogin', render: (_, u) => formatTime(u.lastLoginAt, t('users.never')) },
    { title: t('users.actions'), key: 'actions', render: (_, u) => actions(u) },
  ];
}
