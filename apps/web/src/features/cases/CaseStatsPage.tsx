import { useMemo, useState } from 'react';
import { Alert, Card, DatePicker, Segmented, Space, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { BarChart } from '../stats/BarChart.tsx';
import {
  RATE_KEYS,
  useCaseFigures,
  useGridWorkerLoad,
  type FigureRow,
  type GridWorkerLoad,
  type RateKey,
} from './api.ts';
import { chartPercent, formatBasis, rateBasis } from './figures.ts';
import { formatRate, monthBounds, periodOf } from './format.ts';

type By = 'unit' | 'grid';

function defaultRange(): [Dayjs, Dayjs] {
  const [from, next] = monthBounds(new Date());
  return [dayjs(from), dayjs(next).subtract(1, 'day')];
}

/** 案件统计: the assessment figures per unit or grid for a period (counts beside every rate), and grid workers' load. */
export function CaseStatsPage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(defaultRange);
  const [by, setBy] = useState<By>('unit');
  const period = useMemo(() => periodOf(range[0].toDate(), range[1].toDate()), [range]);
  const figures = useCaseFigures({ ...period, by });
  const load = useGridWorkerLoad();
  const rows = figures.data ?? [];

  const rateColumn = (key: RateKey): TableColumnsType<FigureRow>[number] => ({
    title: t(`cases.stats.rates.${key}`),
    key,
    align: 'right',
    render: (_, r) => (
      <Tooltip title={t(`cases.stats.formulas.${key}`)}>
        <span style={{ whiteSpace: 'nowrap' }} data-testid={`case-stats-${key}-${r.key ?? 'none'}`}>
          {formatRate(r.rates[key])}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            ({formatBasis(rateBasis(key, r.counts))})
          </Typography.Text>
        </span>
      </Tooltip>
    ),
  });

  const columns: TableColumnsType<FigureRow> = [
    {
      title: by === 'unit' ? t('cases.stats.unit') : t('cases.stats.grid'),
      dataIndex: 'name',
      key: 'name',
      fixed: 'left',
    },
    { title: t('cases.stats.counts.reported'), key: 'reported', align: 'right', render: (_, r) => r.counts.reported },
    { title: t('cases.stats.counts.due'), key: 'due', align: 'right', render: (_, r) => r.counts.due },
    { title: t('cases.stats.counts.closed'), key: 'closed', align: 'right', render: (_, r) => r.counts.closed },
    {
      title: t('cases.stats.counts.openOverdue'),
      key: 'openOverdue',
      align: 'right',
      render: (_, r) => r.counts.openOverdue,
    },
    ...RATE_KEYS.map(rateColumn),
  ];

  const chartRows = rows.filter((r) => r.rates.closure !== null || r.rates.satisfaction !== null);
  const loadColumns: TableColumnsType<GridWorkerLoad> = [
    { title: t('cases.stats.worker'), dataIndex: 'name', key: 'name' },
    { title: t('cases.stats.region'), dataIndex: 'regionName', key: 'region' },
    { title: t('cases.stats.holding'), dataIndex: 'holding', key: 'holding', align: 'right' },
    { title: t('cases.stats.verifying'), dataIndex: 'verifying', key: 'verifying', align: 'right' },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="case-stats">
      <Card
        title={t('cases.stats.title')}
        extra={
          <Space wrap>
            <DatePicker.RangePicker
              value={range}
              allowClear={false}
              onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
              presets={[
                { label: t('cases.stats.thisMonth'), value: defaultRange() },
                {
                  label: t('cases.stats.lastMonth'),
                  value: [dayjs().subtract(1, 'month').startOf('month'), dayjs().subtract(1, 'month').endOf('month')],
                },
                { label: t('cases.stats.thisYear'), value: [dayjs().startOf('year'), dayjs().endOf('year')] },
              ]}
              data-testid="case-stats-period"
            />
            <Segmented<By>
              value={by}
              onChange={setBy}
              options={[
                { value: 'unit', label: t('cases.stats.byUnit') },
                { value: 'grid', label: t('cases.stats.byGrid') },
              ]}
              data-testid="case-stats-by"
            />
          </Space>
        }
      >
        {figures.isError ? (
          <Alert type="error" showIcon title={figures.error.message} data-testid="case-stats-error" />
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('cases.stats.hint')}</Typography.Paragraph>
            <Table<FigureRow>
              rowKey={(r) => r.key ?? 'none'}
              size="small"
              loading={figures.isFetching}
              dataSource={rows}
              columns={columns}
              scroll={{ x: 'max-content' }}
              pagination={rows.length > 20 ? { pageSize: 20 } : false}
              data-testid="case-stats-table"
            />
          </>
        )}
      </Card>
      {chartRows.length > 0 && (
        <Card title={t('cases.stats.chart')} size="small">
          <BarChart
            categories={chartRows.map((r) => r.name)}
            series={[
              {
                name: t('cases.stats.rates.closure'),
                data: chartRows.map((r) => chartPercent(r.rates.closure)),
                color: '#1f4e9c',
              },
              {
                name: t('cases.stats.rates.satisfaction'),
                data: chartRows.map((r) => chartPercent(r.rates.satisfaction)),
                color: '#2f9e44',
              },
            ]}
            testId="case-stats-chart"
          />
        </Card>
      )}
      <Card title={t('cases.stats.load')} size="small">
        <Table<GridWorkerLoad>
          rowKey="id"
          size="small"
          loading={load.isFetching}
          dataSource={load.data ?? []}
          columns={loadColumns}
          pagination={(load.data?.length ?? 0) > 20 ? { pageSize: 20 } : false}
          data-testid="grid-worker-load"
        />
      </Card>
    </Space>
  );
}
