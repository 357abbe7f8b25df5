import { Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { ResidentView } from '@gewu/domain';

/** The resident table; numbers are only ever the masked ones the server sends. */
export function residentColumns(t: TFunction, gridName: (id: string | null) => string): TableColumnsType<ResidentView> {
  return [
    { title: t('people.name'), dataIndex: 'name', key: 'name', render: (name: string) => <a>{name}</a> },
    { title: t('people.gender'), key: 'gender', render: (_, r) => (r.gender ? t(`people.${r.gender}`) : '—') },
    // The birth year as the server shows it, never the birth date nor an age: beside the masked number either would give it away.
    { title: t('people.birthYear'), key: 'birthYear', render: (_, r) => r.birthYear ?? '—' },
    {
      title: t('people.idNumber'),
      dataIndex: 'idMasked',
      key: 'id',
      render: (v: string | null) => <code>{v ?? '—'}</code>,
    },
    { title: t('people.phone'), dataIndex: 'phoneMasked', key: 'phone', render: (v: string | null) => v ?? '—' },
    {
      title: t('people.categories'),
      key: 'categories',
      render: (_, r) => (
        <Space size={[0, 4]} wrap>
          {r.categories.map((c) => (
            <Tag key={c} color={c === 'elderly_alone' ? 'orange' : c === 'floating' ? 'blue' : undefined}>
              {t(`categories.${c}`)}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('people.village'), dataIndex: 'villageName', key: 'village' },
    { title: t('people.grid'), key: 'grid', render: (_, r) => gridName(r.gridId) },
    { title: t('people.address'), dataIndex: 'address', key: 'address', render: (v: string | null) => v ?? '—' },
  ];
}
