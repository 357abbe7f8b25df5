import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '@gewu/domain';

interface Props {
  value?: Role[];
  onChange?: (roles: Role[]) => void;
  /** Roles the actor may add or remove; the others show greyed out and cannot change. */
  assignable: readonly Role[];
  /** Only list assignable roles (create dialog) rather than all with the rest disabled. */
  onlyAssignable?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  testId?: string;
}

/** Multi-select of roles by their names in the UI language. */
export function RoleSelect({ value, onChange, assignable, onlyAssignable, placeholder, allowClear, testId }: Props) {
  const { t } = useTranslation();
  const shown = onlyAssignable ? ROLES.filter((r) => assignable.includes(r)) : ROLES;
  return (
    <Select<Role[]>
      mode="multiple"
      value={value}
      onChange={(v) => onChange?.(v)}
      placeholder={placeholder}
      allowClear={allowClear}
      options={shown.map((r) => ({ value: r, label: t(`roles.${r}`), disabled: !assignable.includes(r) }))}
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}
