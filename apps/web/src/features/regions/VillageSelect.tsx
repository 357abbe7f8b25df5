import { useMemo } from 'react';
import { Select } from 'antd';
import { useRegions } from './api.ts';

interface Props {
  value?: string;
  onChange?: (villageId: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  testId?: string;
  style?: React.CSSProperties;
}

/** The villages/communities (村/社区) in the caller's scope, searchable by name or code. */
export function VillageSelect({ value, onChange, placeholder, allowClear, testId, style }: Props) {
  const regions = useRegions();
  const options = useMemo(
    () =>
      (regions.data ?? [])
        .filter((r) => r.level === 'village')
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((r) => ({ value: r.id, label: `${r.name}（${r.code}）` })),
    [regions.data],
  );
  return (
    <Select<string>
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={options}
      loading={regions.isPending}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch={{ optionFilterProp: 'label' }}
      data-testid={testId}
      style={{ width: '100%', ...style }}
    />
  );
}
