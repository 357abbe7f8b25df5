import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { SEPARATED_ROLES, type Role } from '@gewu/domain';

/** Role names in the UI language; the 三员 (separated duties) roles stand out in another colour. */
export function RoleTags({ roles, testId }: { roles: readonly Role[]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span data-testid={testId}>
      {roles.map((role) => (
        <Tag key={role} color={SEPARATED_ROLES.includes(role) ? 'volcano' : 'blue'} data-role={role}>
          {t(`roles.${role}`)}
        </Tag>
      ))}
    </span>
  );
}
