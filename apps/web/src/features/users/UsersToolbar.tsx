import { Button, Input, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '@gewu/domain';

interface Props {
  onSearch: (q: string) => void;
  role: Role | undefined;
  onRoleChange: (role: Role | undefined) => void;
  /** Shown only to users with `user.create`. */
  onCreate?: () => void;
}

export function UsersToolbar({ onSearch, role, onRoleChange, onCreate }: Props) {
  const { t } = useTranslation();
  return (
    <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
      <Space wrap>
        <Input.Search
          allowClear
          placeholder={t('users.search')}
          onSearch={onSearch}
          style={{ width: 260 }}
          data-testid="users-search"
        />
        <Select<Role>
          allowClear
          placeholder={t('users.roleFilter')}
          value={role}
          onChange={(v) => onRoleChange(v ?? undefined)}
          options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          style={{ width: 180 }}
          data-testid="users-role-filter"
        />
      </Space>
      {onCreate && (
        <Button type="primary" icon={<PlusOutlined />} onClick={onCreate} data-testid="users-create">
          {t('users.create')}
        </Button>
      )}
    </Space>
  );
}
