import { useState } from 'react';
import { Button, Card, Dropdown, Space, Table } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ResidentSearchBody, ResidentView } from '@gewu/domain';
import { apiUrl } from '../../app/api.ts';
import { useCan } from '../../app/session.ts';
import { useGrids } from '../grids/api.ts';
import { useResidents } from './api.ts';
import { residentColumns } from './residentColumns.tsx';
import { ResidentFilters } from './ResidentFilters.tsx';
import { ResidentDrawer } from './ResidentDrawer.tsx';
import { CreateResidentDialog } from './CreateResidentDialog.tsx';

/** 人口 (实有人口): search and filter the people in scope, register one, open a person's record. */
export function ResidentsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useState<ResidentSearchBody>({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<ResidentView | null>(null);
  const residents = useResidents(params);
  const grids = useGrids();
  const gridName = (id: string | null) => grids.data?.find((g) => g.id === id)?.name ?? '—';
  const exportUrl = (format: 'xlsx' | 'csv') =>
    apiUrl('/api/exports/residents', { format, villageId: params.villageId });

  return (
    <Card
      title={t('residents.title')}
      extra={
        <Space>
          {can('base.export') && (
            <Dropdown
              menu={{
                items: (['xlsx', 'csv'] as const).map((f) => ({
                  key: f,
                  label: (
                    <a href={exportUrl(f)} download data-testid={`resident-export-${f}`}>
                      {f === 'xlsx' ? 'Excel (.xlsx)' : 'CSV'}
                    </a>
                  ),
                })),
              }}
            >
              <Button icon={<DownloadOutlined />} title={t('residents.exportHint')} data-testid="resident-export">
                {t('residents.export')}
              </Button>
            </Dropdown>
          )}
          {can('person.manage') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="resident-create"
            >
              {t('residents.create')}
            </Button>
          )}
        </Space>
      }
    >
      <ResidentFilters onChange={(filter) => setParams((p) => ({ page: 1, pageSize: p.pageSize, ...filter }))} />
      <Table<ResidentView>
        rowKey="id"
        size="middle"
        columns={residentColumns(t, gridName)}
        dataSource={residents.data?.items ?? []}
        loading={residents.isFetching}
        scroll={{ x: 'max-content' }}
        data-testid="residents-table"
        onRow={(r) => ({ onClick: () => setSelected(r), style: { cursor: 'pointer' } })}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: residents.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('people.total', { total }),
          onChange: (page, pageSize) => setParams((p) => ({ ...p, page, pageSize })),
        }}
      />
      {selected && (
        <ResidentDrawer resident={selected} gridName={gridName(selected.gridId)} onClose={() => setSelected(null)} />
      )}
      {creating && <CreateResidentDialog onClose={() => setCreating(false)} />}
    </Card>
  );
}
