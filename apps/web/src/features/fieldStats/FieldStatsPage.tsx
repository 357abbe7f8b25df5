import { useMemo, useState } from 'react';
import { Alert, Card, Col, DatePicker, Row, Select, Space, Statistic, Table, Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { PatrolFigures } from '@gewu/domain';
import { useCan } from '../../app/session.ts';
import { formatRate } from '../cases/format.ts';
import { useRegions } from '../regions/api.ts';
import {
  useForcesFigures,
  useInspectionFigures,
  useInspectionTemplates,
  usePatrolFigures,
  useVisitFigures,
} from './api.ts';
import { NS } from './i18n.ts';

type PatrolRow = PatrolFigures['rows'][number];
const PAGE_SIZE = 20;
const DAY = 'YYYY-MM-DD';

const hours = (seconds: number) => (seconds / 3600).toFixed(1);
const thisMonth = (): [Dayjs, Dayjs] => [dayjs().startOf('month'), dayjs()];

/** The period a link names (?from=YYYY-MM-DD&to=YYYY-MM-DD), else this month so far. */
function linkedPeriod(params: URLSearchParams): [Dayjs, Dayjs] {
  const day = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? dayjs(v) : null);
  const from = day(params.get('from'));
  const to = day(params.get('to'));
  return from?.isValid() && to?.isValid() && !from.isAfter(to) ? [from, to] : thisMonth();
}

/** A figure as a small tile. */
function Tile({ title, value, testId }: { title: string; value: string | number; testId?: string }) {
  return (
    <Col xs={12} md={8} xl={4}>
      <Card size="small" data-testid={testId}>
        <Statistic title={title} value={value} />
      </Card>
    </Col>
  );
}

/** One page of 巡查 rows per grid or per worker, paged on the server. */
function PatrolTable({
  by,
  period,
}: {
  by: 'grid' | 'worker';
  period: { from: string; to: string; regionId?: string };
}) {
  const { t } = useTranslation(NS);
  const [page, setPage] = useState(1);
  const q = usePatrolFigures({ ...period, by, page, pageSize: PAGE_SIZE });
  const f = q.data;
  const columns: TableColumnsType<PatrolRow> = [
    {
      title: t(by === 'grid' ? 'patrols.grid' : 'patrols.worker'),
      key: 'name',
      render: (_, r) => r.name ?? t('patrols.noGrid'),
    },
    { title: t('patrols.count'), dataIndex: 'patrols', key: 'patrols', align: 'right' },
    { title: t('patrols.open'), dataIndex: 'open', key: 'open', align: 'right' },
    { title: t('patrols.hours'), key: 'hours', align: 'right', render: (_, r) => hours(r.onTrackSeconds) },
    {
      title: t('patrols.coverage'),
      key: 'coverage',
      align: 'right',
      render: (_, r) => (r.coverage === null ? '—' : formatRate(r.coverage)),
    },
    { title: t('patrols.checkins'), dataIndex: 'checkins', key: 'checkins', align: 'right' },
    { title: t('patrols.problems'), dataIndex: 'problemsReported', key: 'problems', align: 'right' },
    ...(by === 'worker'
      ? [
          {
            title: t('patrols.norm'),
            key: 'norm',
            align: 'right' as const,
            render: (_: unknown, r: PatrolRow) =>
              f && f.weeks > 0 ? t('patrols.normOf', { met: r.weeksMet ?? 0, weeks: f.weeks }) : t('patrols.noWeeks'),
          },
        ]
      : []),
  ];
  return (
    <Table<PatrolRow>
      size="small"
      rowKey={(r) => r.id ?? 'none'}
      columns={columns}
      dataSource={f?.rows ?? []}
      loading={q.isFetching}
      scroll={{ x: 'max-content' }}
      pagination={{
        current: page,
        pageSize: PAGE_SIZE,
        total: f?.total ?? 0,
        onChange: setPage,
        showSizeChanger: false,
      }}
      data-testid={`field-stats-patrols-${by}`}
      onRow={(r) => ({ 'data-testid': `field-stats-row-${r.id ?? 'none'}` }) as object}
    />
  );
}

/**
 * 外勤统计: for a period and a region, the 巡查 figures (totals, per grid, per worker with the weeks
 * meeting the duty norm), 隐患排查, 走访 of special populations and 群防群治 — each section shown to
 * whoever may read it; every section counts the region picked (by default the whole area).
 */
export function FieldStatsPage() {
  const { t } = useTranslation(NS);
  const can = useCan();
  const [params] = useSearchParams();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => linkedPeriod(params));
  const [regionId, setRegionId] = useState<string | undefined>(undefined);
  const regions = useRegions(can('region.read'));
  const days = useMemo(() => ({ from: range[0].format(DAY), to: range[1].format(DAY) }), [range]);
  const period = { ...days, regionId };
  const totals = usePatrolFigures({ ...period, by: 'grid', page: 1, pageSize: 1 });
  const canInspections = can('inspection.read');
  const canVisits = can('special_population.read');
  const canForces = can('forces.read');
  const inspections = useInspectionFigures(period, canInspections);
  const templates = useInspectionTemplates(canInspections);
  const visits = useVisitFigures(period, canVisits);
  const forces = useForcesFigures(period, canForces);
  const areas = (regions.data ?? []).filter(
    (r) => r.level === 'county' || r.level === 'township' || r.level === 'village',
  );
  const p = totals.data?.totals;
  const templateName = (key: string) => templates.data?.find((x) => x.key === key)?.name ?? key;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="field-stats">
      <Card title={t('title')}>
        <Space wrap style={{ marginBottom: 8 }}>
          {areas.length > 1 && (
            <Select
              allowClear
              style={{ minWidth: 160 }}
              placeholder={t('region')}
              value={regionId}
              onChange={setRegionId}
              showSearch={{ optionFilterProp: 'label' }}
              options={areas.map((r) => ({ value: r.id, label: r.name }))}
              data-testid="field-stats-region"
            />
          )}
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
            presets={[
              { label: t('thisWeek'), value: [dayjs().startOf('week'), dayjs()] },
              {
                label: t('lastWeek'),
                value: [dayjs().subtract(1, 'week').startOf('week'), dayjs().subtract(1, 'week').endOf('week')],
              },
              { label: t('thisMonth'), value: thisMonth() },
              {
                label: t('lastMonth'),
                value: [dayjs().subtract(1, 'month').startOf('month'), dayjs().subtract(1, 'month').endOf('month')],
              },
            ]}
            data-testid="field-stats-period"
          />
        </Space>
        <Typography.Title level={5}>{t('patrols.title')}</Typography.Title>
        {totals.isError ? (
          <Alert type="error" showIcon title={totals.error.message} />
        ) : (
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            {p && (
              <Row gutter={[12, 12]} data-testid="field-stats-patrol-tiles">
                <Tile title={t('patrols.count')} value={p.patrols} testId="field-stats-patrols" />
                <Tile title={t('patrols.open')} value={p.open} />
                <Tile title={t('patrols.hours')} value={hours(p.onTrackSeconds)} testId="field-stats-hours" />
                <Tile title={t('patrols.distance')} value={(p.distanceM / 1000).toFixed(1)} />
                <Tile title={t('patrols.coverage')} value={p.coverage === null ? '—' : formatRate(p.coverage)} />
                <Tile title={t('patrols.problems')} value={p.problemsReported} />
              </Row>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('patrols.hint')}
            </Typography.Text>
            <Tabs
              items={[
                { key: 'grid', label: t('patrols.byGrid'), children: <PatrolTable by="grid" period={period} /> },
                { key: 'worker', label: t('patrols.byWorker'), children: <PatrolTable by="worker" period={period} /> },
              ]}
            />
          </Space>
        )}
      </Card>

      {canInspections && (
        <Card title={t('inspections.title')} data-testid="field-stats-inspections">
          {inspections.isError ? (
            <Alert type="error" showIcon title={inspections.error.message} />
          ) : (
            inspections.data && (
              <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                <Row gutter={[12, 12]}>
                  <Tile title={t('inspections.count')} value={inspections.data.inspections} />
                  <Tile title={t('inspections.withFailures')} value={inspections.data.withFailures} />
                  <Tile title={t('inspections.failedItems')} value={inspections.data.failedItems} />
                  <Tile title={t('inspections.casesMade')} value={inspections.data.casesMade} />
                </Row>
                {inspections.data.byTemplate.length > 0 && (
                  <Table
                    size="small"
                    rowKey="templateKey"
                    pagination={false}
                    dataSource={inspections.data.byTemplate}
                    columns={[
                      { title: t('inspections.template'), key: 'name', render: (_, r) => templateName(r.templateKey) },
                      { title: t('inspections.count'), dataIndex: 'inspections', key: 'n', align: 'right' },
                      { title: t('inspections.failedItems'), dataIndex: 'failedItems', key: 'f', align: 'right' },
                    ]}
                  />
                )}
              </Space>
            )
          )}
        </Card>
      )}

      {canVisits && (
        <Card title={t('visits.title')} data-testid="field-stats-visits">
          {visits.isError ? (
            <Alert type="error" showIcon title={visits.error.message} />
          ) : (
            visits.data && (
              <Row gutter={[12, 12]}>
                <Tile title={t('visits.done')} value={visits.data.done} />
                <Tile title={t('visits.onTime')} value={visits.data.onTime} />
                <Tile title={t('visits.late')} value={visits.data.late} />
                <Tile title={t('visits.due')} value={visits.data.due} />
                <Tile title={t('visits.overdue')} value={visits.data.overdue} />
              </Row>
            )
          )}
        </Card>
      )}

      {canForces && (
        <Card title={t('forces.title')} data-testid="field-stats-forces">
          {forces.isError ? (
            <Alert type="error" showIcon title={forces.error.message} />
          ) : (
            forces.data && (
              <Row gutter={[12, 12]}>
                <Tile title={t('forces.volunteers')} value={forces.data.volunteers} />
                <Tile title={t('forces.attendances')} value={forces.data.attendances} />
                <Tile title={t('forces.hours')} value={(forces.data.minutes / 60).toFixed(1)} />
                <Tile title={t('forces.selfHandled')} value={forces.data.selfHandled} />
                <Tile title={t('forces.claimsReopened')} value={forces.data.claimsReopened} />
              </Row>
            )
          )}
        </Card>
      )}
    </Space>
  );
}
