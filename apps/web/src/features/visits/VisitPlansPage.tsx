import { useMemo, useState } from 'react';
import { Card, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type Light, VISIT_PLAN_KINDS, type VisitPlanKind, chinaDayOf, isVisitOverdue, maskName } from '@gewu/domain';
import { formatTime } from '../../components/formatTime.ts';
import { LightDot } from '../cases/bits.tsx';
import { LIGHTS } from '../cases/format.ts';
import { GridSelect } from '../grids/GridSelect.tsx';
import { useGrids } from '../grids/api.ts';
import { type PlanFilter, type VisitPlanView, useVisitPlans } from './api.ts';
import { NS } from './i18n.ts';

const PAGE_SIZE = 50;

/** Grid names by id (the plans and visits carry the id). */
export function useGridNames() {
  const grids = useGrids();
  return useMemo(() => new Map((grids.data ?? []).map((g) => [g.id, g.name])), [grids.data]);
}

/** Overdue as `isVisitOverdue` says (the end of the due day, China time), with how many days. */
function Overdue({ p }: { p: VisitPlanView }) {
  const { t } = useTranslation(NS);
  const now = new Date();
  const today = chinaDayOf(now);
  if (isVisitOverdue(p.nextVisitDue, now))
    return (
      <Tag color="error" data-testid={`plan-overdue-${p.specialPopulationId}`}>
        {t('plans.overdueDays', { count: dayjs(today).diff(dayjs(p.nextVisitDue), 'day') })}
      </Tag>
    );
  return p.nextVisitDue === today ? (
    <Tag color="warning">{t('plans.dueToday')}</Tag>
  ) : (
    <Typography.Text type="secondary">{t('plans.notOverdue')}</Typography.Text>
  );
}

/** 特殊人群走访计划: every plan of the area with its light, most urgent first; the intervals on their own page (/visit-intervals). */
export function VisitPlansPage() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const [filter, setFilter] = useState<PlanFilter>({});
  const [page, setPage] = useState(1);
  const plans = useVisitPlans(filter, page, PAGE_SIZE);
  const gridNames = useGridNames();
  const change = (f: Partial<PlanFilter>) => {
    setFilter((old) => ({ ...old, ...f }));
    setPage(1);
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('plans.title')} data-testid="visit-plans-page">
        <Typography.Paragraph type="secondary">{t('plans.hint')}</Typography.Paragraph>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<Light>
            allowClear
            placeholder={t('plans.light')}
            style={{ width: 120 }}
            value={filter.light}
            onChange={(light) => change({ light })}
            options={LIGHTS.map((l) => ({ value: l, label: <LightDot light={l} /> }))}
            data-testid="plans-filter-light"
          />
          <Select<VisitPlanKind>
            allowClear
            placeholder={t('plans.kind')}
            style={{ width: 180 }}
            value={filter.kind}
            onChange={(kind) => change({ kind })}
            options={VISIT_PLAN_KINDS.map((k) => ({ value: k, label: tc(`specialKinds.${k}`) }))}
            data-testid="plans-filter-kind"
          />
          <GridSelect
            allowClear
            placeholder={t('plans.grid')}
            style={{ width: 240 }}
            value={filter.gridId}
            onChange={(gridId) => change({ gridId })}
            testId="plans-filter-grid"
          />
        </Space>
        <Table<VisitPlanView>
          rowKey="specialPopulationId"
          size="middle"
          loading={plans.isFetching}
          dataSource={plans.data?.items ?? []}
          locale={{ emptyText: t('plans.empty') }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: plans.data?.total ?? 0, onChange: setPage }}
          scroll={{ x: 'max-content' }}
          data-testid="visit-plans-table"
          onRow={(p) => ({ 'data-testid': `plan-row-${p.specialPopulationId}` }) as object}
          columns={[
            {
              title: t('plans.light'),
              dataIndex: 'light',
              render: (l: Light, p) => <LightDot light={l} testId={`plan-light-${p.specialPopulationId}`} />,
            },
            // Masked as on the phone (the person's record, with the full name, is on 特殊人群).
            { title: t('plans.person'), dataIndex: 'residentName', render: (n: string) => maskName(n) },
            { title: t('plans.kind'), dataIndex: 'kind', render: (k: VisitPlanKind) => tc(`specialKinds.${k}`) },
            {
              title: t('plans.risk'),
              dataIndex: 'riskLevel',
              render: (r: VisitPlanView['riskLevel']) => tc(`risk.${r}`),
            },
            {
              title: t('plans.grid'),
              dataIndex: 'gridId',
              render: (g: string | null) => (g ? (gridNames.get(g) ?? '') : '—'),
            },
            {
              title: t('plans.interval'),
              dataIndex: 'visitIntervalDays',
              align: 'right',
              render: (n: number) => t('plans.days', { count: n }),
            },
            {
              title: t('plans.nextDue'),
              dataIndex: 'nextVisitDue',
              render: (d: string, p) => <span data-testid={`plan-due-${p.specialPopulationId}`}>{d}</span>,
            },
            {
              title: t('plans.lastVisit'),
              dataIndex: 'lastVisitedAt',
              render: (v: string | null) =>
                v ? formatTime(v) : <Typography.Text type="secondary">{t('plans.never')}</Typography.Text>,
            },
            { title: t('plans.overdue'), key: 'overdue', render: (_, p) => <Overdue p={p} /> },
          ]}
        />
      </Card>
    </Space>
  );
}
