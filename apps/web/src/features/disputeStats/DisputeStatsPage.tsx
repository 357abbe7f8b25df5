import { useMemo, useState } from 'react';
import { Alert, Card, Col, DatePicker, Row, Select, Space, Statistic, Table, Tabs, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DISPUTE_FIGURES, DISPUTE_GROUP_FIGURES, type DisputeFigureGroup, type FigureRate } from '@gewu/domain';
import { useCan } from '../../app/session.ts';
import { BarChart } from '../stats/BarChart.tsx';
import { formatRate, monthBounds, periodOf } from '../cases/format.ts';
import { chartPercent } from '../cases/figures.ts';
import { useRegions } from '../regions/api.ts';
import { useDisputeFigures } from './api.ts';

type RateKey = (typeof DISPUTE_GROUP_FIGURES)[number];

function thisMonth(): [Dayjs, Dayjs] {
  const [from, next] = monthBounds(new Date());
  return [dayjs(from), dayjs(next).subtract(1, 'day')];
}

/** A rate with its numerator/denominator ("75% (3/4)"); the definition on hover. */
function Rate({ r, k, testId }: { r: FigureRate; k: keyof typeof DISPUTE_FIGURES; testId?: string }) {
  return (
    <Tooltip title={DISPUTE_FIGURES[k].definition}>
      <span style={{ whiteSpace: 'nowrap' }} data-testid={testId}>
        {formatRate(r.rate)}{' '}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          ({r.numerator}/{r.denominator})
        </Typography.Text>
      </span>
    </Tooltip>
  );
}

/** A key figure as a tile: the rate large, its numerator and denominator beneath. */
function Tile({ title, r, k }: { title: string; r: FigureRate; k: keyof typeof DISPUTE_FIGURES }) {
  return (
    <Tooltip title={DISPUTE_FIGURES[k].definition}>
      <Card size="small" data-testid={`dispute-stats-tile-${k}`}>
        <Statistic title={title} value={formatRate(r.rate)} />
        <Typography.Text type="secondary">
          {r.numerator} / {r.denominator}
        </Typography.Text>
      </Card>
    </Tooltip>
  );
}

/**
 * 矛盾纠纷统计: for a period and a region, the registered and mediated disputes and each rate with its
 * numerator and denominator (definitions in @gewu/domain, shown on hover), in total, per mediation
 * organisation and per mediator; for the centre and leaders also the 排查 reports' punctuality.
 */
export function DisputeStatsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(thisMonth);
  const [regionId, setRegionId] = useState<string | undefined>(undefined);
  const regions = useRegions(can('region.read'));
  const period = useMemo(() => periodOf(range[0].toDate(), range[1].toDate()), [range]);
  const figures = useDisputeFigures({ ...period, regionId });
  const f = figures.data;
  const areas = (regions.data ?? []).filter(
    (r) => r.level === 'county' || r.level === 'township' || r.level === 'village',
  );

  const columns = (first: string): TableColumnsType<DisputeFigureGroup> => [
    { title: first, dataIndex: 'name', key: 'name', fixed: 'left' },
    {
      title: t('disputeStats.counts.registered'),
      key: 'registered',
      align: 'right',
      render: (_, g) => g.counts.registered,
    },
    { title: t('disputeStats.counts.mediated'), key: 'mediated', align: 'right', render: (_, g) => g.counts.mediated },
    ...DISPUTE_GROUP_FIGURES.map((k: RateKey): TableColumnsType<DisputeFigureGroup>[number] => ({
      title: t(`disputeStats.rates.${k}`),
      key: k,
      align: 'right',
      render: (_, g) => <Rate r={g.rates[k]} k={k} testId={`dispute-stats-${k}-${g.key ?? 'none'}`} />,
    })),
  ];
  const charted = (f?.byOrganisation ?? []).filter((g) => g.counts.mediated > 0 || g.counts.followedUp > 0);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="dispute-stats">
      <Card
        title={
          <Space wrap size={12}>
            <span>{t('disputeStats.title')}</span>
            {f && <Typography.Text type="secondary">{f.region.name}</Typography.Text>}
          </Space>
        }
        extra={
          <Space wrap>
            {areas.length > 1 && (
              <Select
                allowClear
                style={{ minWidth: 160 }}
                placeholder={t('disputeStats.region')}
                value={regionId}
                onChange={setRegionId}
                showSearch={{ optionFilterProp: 'label' }}
                options={areas.map((r) => ({ value: r.id, label: r.name }))}
                data-testid="dispute-stats-region"
              />
            )}
            <DatePicker.RangePicker
              value={range}
              allowClear={false}
              onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
              presets={[
                { label: t('disputeStats.thisMonth'), value: thisMonth() },
                {
                  label: t('disputeStats.lastMonth'),
                  value: [dayjs().subtract(1, 'month').startOf('month'), dayjs().subtract(1, 'month').endOf('month')],
                },
                { label: t('disputeStats.thisYear'), value: [dayjs().startOf('year'), dayjs().endOf('year')] },
              ]}
              data-testid="dispute-stats-period"
            />
          </Space>
        }
      >
        {figures.isError ? (
          <Alert type="error" showIcon title={figures.error.message} />
        ) : (
          f && (
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <Row gutter={[12, 12]} data-testid="dispute-stats-tiles">
                <Col xs={12} md={8} xl={3}>
                  <Card size="small">
                    <Statistic title={t('disputeStats.counts.registered')} value={f.total.counts.registered} />
                  </Card>
                </Col>
                <Col xs={12} md={8} xl={3}>
                  <Card size="small">
                    <Statistic title={t('disputeStats.counts.mediated')} value={f.total.counts.mediated} />
                  </Card>
                </Col>
                {DISPUTE_GROUP_FIGURES.map((k) => (
                  <Col key={k} xs={12} md={8} xl={f.screening ? 3 : 4}>
                    <Tile title={t(`disputeStats.rates.${k}`)} r={f.total.rates[k]} k={k} />
                  </Col>
                ))}
                {f.screening && (
                  <Col xs={12} md={8} xl={6}>
                    <Tile
                      title={t('disputeStats.rates.screeningCompliance')}
                      r={f.screening.compliance}
                      k="screeningCompliance"
                    />
                  </Col>
                )}
              </Row>
              {f.screening && (
                <Typography.Text type="secondary" data-testid="dispute-stats-screening">
                  {t('disputeStats.screening.title')}：{t('disputeStats.screening.due')} {f.screening.reportsDue} ·{' '}
                  {t('disputeStats.screening.onTime')} {f.screening.reportedOnTime}（{t('disputeStats.screening.zero')}{' '}
                  {f.screening.zeroOnTime}）· {t('disputeStats.screening.late')} {f.screening.reportedLate} ·{' '}
                  {t('disputeStats.screening.missing')} {f.screening.missing}
                </Typography.Text>
              )}
              <Typography.Text type="secondary">
                {t('disputeStats.counts.agreedVillage')} {f.total.counts.agreedVillage} ·{' '}
                {t('disputeStats.counts.agreedTownship')} {f.total.counts.agreedTownship} ·{' '}
                {t('disputeStats.counts.agreedCounty')} {f.total.counts.agreedCounty} ·{' '}
                {t('disputeStats.counts.failed')} {f.total.counts.failed} · {t('disputeStats.counts.confirmed')}{' '}
                {f.total.counts.confirmed}
              </Typography.Text>
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {t('disputeStats.hint')}
              </Typography.Paragraph>
              <Tabs
                items={[
                  {
                    key: 'organisation',
                    label: t('disputeStats.byOrganisation'),
                    children: (
                      <Table<DisputeFigureGroup>
                        rowKey={(g) => g.key ?? 'none'}
                        size="small"
                        loading={figures.isFetching}
                        dataSource={f.byOrganisation}
                        columns={columns(t('disputeStats.organisation'))}
                        scroll={{ x: 'max-content' }}
                        pagination={f.byOrganisation.length > 20 ? { pageSize: 20 } : false}
                        data-testid="dispute-stats-organisations"
                      />
                    ),
                  },
                  {
                    key: 'mediator',
                    label: t('disputeStats.byMediator'),
                    children: (
                      <Table<DisputeFigureGroup>
                        rowKey={(g) => g.key ?? 'none'}
                        size="small"
                        loading={figures.isFetching}
                        dataSource={f.byMediator}
                        columns={columns(t('disputeStats.mediator'))}
                        scroll={{ x: 'max-content' }}
                        pagination={f.byMediator.length > 20 ? { pageSize: 20 } : false}
                        data-testid="dispute-stats-mediators"
                      />
                    ),
                  },
                ]}
              />
            </Space>
          )
        )}
      </Card>
      {charted.length > 0 && (
        <Card title={t('disputeStats.chart')} size="small">
          <BarChart
            categories={charted.map((g) => g.name)}
            series={[
              {
                name: t('disputeStats.rates.successRate'),
                data: charted.map((g) => chartPercent(g.rates.successRate.rate)),
                color: '#1f4e9c',
              },
              {
                name: t('disputeStats.rates.performanceRate'),
                data: charted.map((g) => chartPercent(g.rates.performanceRate.rate)),
                color: '#2f9e44',
              },
            ]}
            testId="dispute-stats-chart"
          />
        </Card>
      )}
    </Space>
  );
}
