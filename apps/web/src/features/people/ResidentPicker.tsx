import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useResidents } from './api.ts';

interface Props {
  value?: string;
  onChange?: (residentId: string | undefined) => void;
  testId?: string;
}

/** Finds a person by name (server-side search, masked ID shown to tell namesakes apart). */
export function ResidentPicker({ value, onChange, testId }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  const found = useResidents({ page: 1, pageSize: 20, q: query }, query.length > 0);
  const options = (found.data?.items ?? []).map((r) => ({
    value: r.id,
    label: `${r.name}（${[r.idMasked, r.villageName, r.address].filter(Boolean).join('，')}）`,
  }));

  return (
    <Select<string>
      value={value}
      onChange={(v) => onChange?.(v)}
      options={options}
      loading={found.isFetching}
      placeholder={t('houses.personSearch')}
      showSearch={{ filterOption: false, onSearch: setText }}
      notFoundContent={null}
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}
