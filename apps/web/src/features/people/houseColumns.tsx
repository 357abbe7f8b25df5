import type { ReactNode } from 'react';
import { Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { HouseView } from '@gewu/domain';

const USAGE_COLORS: Partial<Record<HouseView['usage'], string>> = {
  rental: 'orange',
  vacant: 'default',
  commercial: 'purple',
};
const RELATION_COLORS: Record<HouseView['occupants'][number]['relation'], string> = {
  owner: 'blue',
  family: 'cyan',
  tenant: 'orange',
};

interface Lookups {
  villageName: (id: string) => string;
  gridName: (id: string | null) => string;
  actions: (house: HouseView) => ReactNode;
}

/** The house table: use (出租屋 stands out), place, and who lives there as what (人房关联). */
export function houseColumns(t: TFunction, { villageName, gridName, actions }: Lookups): TableColumnsType<HouseView> {
  return [
    { title: t('houses.address'), dataIndex: 'address', key: 'address' },
    {
      title: t('houses.usage'),
      key: 'usage',
      render: (_, h) => <Tag color={USAGE_COLORS[h.usage]}>{t(`usages.${h.usage}`)}</Tag>,
    },
    {
      title: t('houses.area'),
      dataIndex: 'areaM2',
      key: 'area',
      align: 'right',
      render: (v: number | null) => v ?? '—',
    },
    { title: t('people.village'), key: 'village', render: (_, h) => villageName(h.villageId) },
    { title: t('people.grid'), key: 'grid', render: (_, h) => gridName(h.gridId) },
    {
      title: t('houses.occupants'),
      key: 'occupants',
      render: (_, h) =>
        h.occupants.length === 0 ? (
          <Typography.Text type="secondary">{t('houses.noOccupants')}</Typography.Text>
        ) : (
          <Space size={[0, 4]} wrap>
            {h.occupants.map((o) => (
              <Tag key={`${o.residentId}-${o.relation}`} color={RELATION_COLORS[o.relation]}>
                {o.name} · {t(`relations.${o.relation}`)}
              </Tag>
            ))}
          </Space>
        ),
    },
    { title: t('people.actions'), key: 'actions', render: (_, h) => actions(h) },
  ];
}
