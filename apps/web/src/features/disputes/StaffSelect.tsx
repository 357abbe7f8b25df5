import { useState } from 'react';
import { Select } from 'antd';
import { useStaff } from './api.ts';

interface Props {
  value?: string | null;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  testId?: string;
}

/** A staff member of the user's area (稳控责任人), searched by name as the user types. */
export function StaffSelect({ value, onChange, placeholder, testId }: Props) {
  const [q, setQ] = useState('');
  const staff = useStaff(q);
  const options = (staff.data?.items ?? [])
    .filter((u) => u.status === 'active' && u.roles.some((r) => r !== 'resident'))
    .map((u) => ({ value: u.id, label: `${u.displayName}（${u.regionName}）` }));
  return (
    <Select<string>
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={options}
      loading={staff.isFetching}
      placeholder={placeholder}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}
