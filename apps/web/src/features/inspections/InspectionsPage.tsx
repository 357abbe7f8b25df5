import { useState } from 'react';
import { Card, Checkbox, DatePicker, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { INSPECTION_PLACE_KINDS, type InspectionPlaceKind, type InspectionPlaceType } from '@gewu/domain';
import { formatTime } from '../../components/formatTime.ts';
import { type InspectionFilter, type InspectionRow, useInspections, useTemplates } from './api.ts';
import { InspectionDrawer } from './InspectionDrawer.tsx';
import { ResultTag } from './bits.tsx';
import { NS } from './i18n.ts';

const PAGE_SIZE = 20;

/** 隐患排查 at the desk: the area's inspections by period, place kind, checklist and result; a row opens its detail. */
export function InspectionsPage() {
  const { t } = useTranslation(NS);
  const [filter, setFilter] = useState<InspectionFilter>({});
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const list = useInspections(filter, page, PAGE_SIZE);
  const templates = useTemplates();
  const change = (f: Partial<InspectionFilter>) => {
    setFilter((old) => ({ ...old, ...f }));
    setPage(1);
  };
  const period = (range: [Dayjs | null, Dayjs | null] | null) =>
    change({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') });

  return (
    <Card title={t('title')} data-testid="inspections-page">
      <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          placeholder={[t('from'), t('to')]}
          onChange={(r) => period(r)}
          data-testid="inspections-period"
        />
        <Select<InspectionPlaceKind>
          allowClear
          placeholder={t('placeKind')}
          style={{ width: 140 }}
          value={filter.placeKind}
          onChange={(placeKind) => change({ placeKind })}
          options={INSPECTION_PLACE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          data-testid="inspections-kind"
        />
        <Select<string>
          allowClear
          placeholder={t('template')}
          style={{ width: 220 }}
          value={filter.templateKey}
          onChange={(templateKey) => change({ templateKey })}
          options={(templates.data ?? []).map((tp) => ({ value: tp.key, label: tp.name }))}
          data-testid="inspections-template"
        />
        <Checkbox
          checked={!!filter.failedOnly}
          onChange={(e) => change({ failedOnly: e.target.checked || undefined })}
          data-testid="inspections-failed-only"
        >
          {t('failedOnly')}
        </Checkbox>
      </Space>
      <Table<InspectionRow>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('empty') }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage }}
        scroll={{ x: 'max-content' }}
        data-testid="inspections-table"
        columns={[
          { title: t('columns.performedAt'), dataIndex: 'performedAt', render: formatTime },
          {
            title: t('columns.place'),
            dataIndex: 'placeName',
            render: (v: string, r) => (
              <Space size={4}>
                <Typography.Link data-testid={`inspection-row-${r.id}`}>{v}</Typography.Link>
                <Tag>{t(`kinds.${r.placeKind}`)}</Tag>
              </Space>
            ),
          },
          {
            title: t('columns.placeType'),
            dataIndex: 'placeType',
            render: (v: InspectionPlaceType) => t(`placeTypes.${v}`),
          },
          {
            title: t('columns.template'),
            dataIndex: 'templateName',
            render: (v: string, r) => `${v}（${t('version', { version: r.templateVersion })}）`,
          },
          { title: t('columns.inspector'), dataIndex: 'inspectorName' },
          {
            title: t('columns.result'),
            dataIndex: 'failedCount',
            render: (n: number, r) => <ResultTag failed={n} testId={`inspection-result-${r.id}`} />,
          },
        ]}
      />
      <InspectionDrawer id={open} onClose={() => setOpen(null)} />
    </Card>
  );
}
