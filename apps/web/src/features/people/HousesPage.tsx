import { useState } from 'react';
import { Button, Card, Select, Space, Table } from 'antd';
import { LinkOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { HOUSE_USAGES, type HouseListQuery, type HouseView } from '@gewu/domain';
import { useCan } from '../../app/session.ts';
import { ExportMenu } from '../../components/ExportMenu.tsx';
import { useRegions } from '../regions/api.ts';
import { VillageSelect } from '../regions/VillageSelect.tsx';
import { useGrids } from '../grids/api.ts';
import { GridSelect } from '../grids/GridSelect.tsx';
import { useHouses } from './api.ts';
import { houseColumns } from './houseColumns.tsx';
import { LinkResidentDialog } from './LinkResidentDialog.tsx';
import { CreateHouseDialog } from './CreateHouseDialog.tsx';

/** 房屋 (实有房屋): houses in scope by use, place and occupants; link people to them. */
export function HousesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useState<HouseListQuery>({ page: 1, pageSize: 20 });
  const [linking, setLinking] = useState<HouseView | null>(null);
  const [creating, setCreating] = useState(false);
  const houses = useHouses(params);
  const regions = useRegions();
  const grids = useGrids();
  const items = houses.data ?? [];
  const filter = (patch: Partial<HouseListQuery>) => setParams((p) => ({ ...p, ...patch, page: 1 }));
  // The list answers without a total: offer a next page while pages come back full.
  const knownTotal = (params.page - 1) * params.pageSize + items.length + (items.length === params.pageSize ? 1 : 0);

  const columns = houseColumns(t, {
    villageName: (id) => regions.data?.find((r) => r.id === id)?.name ?? '—',
    gridName: (id) => grids.data?.find((g) => g.id === id)?.name ?? '—',
    actions: (h) =>
      can('person.manage') && (
        <Button
          type="link"
          size="small"
          icon={<LinkOutlined />}
          onClick={() => setLinking(h)}
          data-testid={`house-link-${h.id}`}
        >
          {t('houses.link')}
        </Button>
      ),
  });

  return (
    <Card
      title={t('houses.title')}
      extra={
        <Space>
          {can('base.export') && <ExportMenu path="/api/exports/houses" testId="house-export" />}
          {can('person.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="house-create">
              {t('houses.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('houses.usageFilter')}
          value={params.usage}
          onChange={(usage) => filter({ usage })}
          options={HOUSE_USAGES.map((u) => ({ value: u, label: t(`usages.${u}`) }))}
          style={{ width: 150 }}
          data-testid="house-filter-usage"
        />
        <VillageSelect
          allowClear
          placeholder={t('people.village')}
          value={params.villageId}
          onChange={(villageId) => filter({ villageId, gridId: undefined })}
          style={{ width: 220 }}
        />
        <GridSelect
          allowClear
          placeholder={t('people.grid')}
          villageId={params.villageId}
          value={params.gridId}
          onChange={(gridId) => filter({ gridId })}
          style={{ width: 220 }}
        />
      </Space>
      <Table<HouseView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={houses.isFetching}
        scroll={{ x: 'max-content' }}
        data-testid="houses-table"
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: knownTotal,
          showSizeChanger: true,
          onChange: (page, pageSize) => setParams((p) => ({ ...p, page, pageSize })),
        }}
      />
      {linking && <LinkResidentDialog house={linking} onClose={() => setLinking(null)} />}
      {creating && <CreateHouseDialog onClose={() => setCreating(false)} />}
    </Card>
  );
}
