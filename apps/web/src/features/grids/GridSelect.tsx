import { useMemo } from 'react';
import { Select } from 'antd';
import { useGrids } from './api.ts';

interface Props {
  value?: string;
  onChange?: (gridId: string | undefined) => void;
  /** Only this village's grids (all in scope when unset). */
  villageId?: string;
  placeholder?: string;
  allowClear?: boolean;
  testId?: string;
  style?: React.CSSProperties;
}

/** Unit grids and micro-grids in scope, by name and code. */
export function GridSelect({ value, onChange, villageId, placeholder, allowClear, testId, style }: Props) {
  const grids = useGrids();
  const options = useMemo(
    () =>
      (grids.data ?? [])
        .filter((g) => !villageId || g.villageId === villageId)
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((g) => ({ value: g.id, label: `${g.name}（${g.code}）` })),
    [grids.data, villageId],
  );
  return (
    <Select<string>
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={options}
      loading={grids.isPending}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch={{ optionFilterProp: 'label' }}
      data-testid={testId}
      style={{ width: '100%', ...style }}
    />
  );
}
