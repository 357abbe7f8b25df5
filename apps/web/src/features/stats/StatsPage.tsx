import { useState } from 'react';
import { Button, Card, Col, Row, Space, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../app/api.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import type { TalliesView } from '@gewu/domain';
import { useTallies } from './api.ts';
import { pivotRisk, type RiskRow } from './tally.ts';
import { BarChart } from './BarChart.tsx';

type Elderly = TalliesView['elderlyAlonePerVillage'][number];
type Rentals = TalliesView['rentalsPerGrid'][number];
const RISK_COLORS = { low: '#52c41a', medium: '#fa8c16', high: '#f5222d' } as const;

/** 统计（一表通）: the tallies departments ask for, derived from base data; exported as one workbook. */
export function StatsPage() {
  const { t } = useTranslation();
  const [regionId, setRegionId] = useState<string>();
  const tallies = useTallies(regionId);
  const elderly = tallies.data?.elderlyAlonePerVillage ?? [];
  const rentals = tallies.data?.rentalsPerGrid ?? [];
  const risk = pivotRisk(tallies.data?.specialPerRiskPerTownship ?? []);
  const sum = <T,>(rows: T[], f: (r: T) => number) => rows.reduce((n, r) => n + f(r), 0);
  const loading = tallies.isFetching;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="stats-page">
      <Card
        title={t('stats.title')}
        styles={{ body: { display: 'none' } }}
        extra={
          <Space wrap>
            <div style={{ width: 280 }}>
              <RegionTreeSelect
                value={regionId}
                onChange={setRegionId}
                allowClear
                placeholder={t('stats.regionAll')}
                testId="stats-region"
              />
            </div>
            <Button
              icon={<DownloadOutlined />}
              href={apiUrl('/api/stats/tallies/export', { format: 'xlsx', regionId })}
              download
              data-testid="stats-export"
            >
              {t('stats.export')}
            </Button>
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('stats.elderly')} size="small" style={{ height: '100%' }}>
            <BarChart
              height={220}
              categories={elderly.map((e) => e.villageName)}
              series={[{ name: t('stats.count'), data: elderly.map((e) => e.count), color: '#1f4e9c' }]}
              testId="stats-chart-elderly"
            />
            <Table<Elderly>
              rowKey="villageId"
              size="small"
              loading={loading}
              dataSource={elderly}
              pagination={false}
              data-testid="stats-elderly"
              columns={[
                { title: t('stats.village'), dataIndex: 'villageName', key: 'village' },
                { title: t('stats.count'), dataIndex: 'count', key: 'count', align: 'right' },
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>{t('stats.total')}</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    {sum(elderly, (e) => e.count)}
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('stats.special')} size="small" style={{ height: '100%' }}>
            <BarChart
              height={220}
              stacked
              categories={risk.map((r) => r.townshipName)}
              series={(['high', 'medium', 'low'] as const).map((level) => ({
                name: t(`risk.${level}`),
                data: risk.map((r) => r[level]),
                color: RISK_COLORS[level],
              }))}
            />
            <Table<RiskRow>
              rowKey="townshipCode"
              size="small"
              loading={loading}
              dataSource={risk}
              pagination={false}
              data-testid="stats-special"
              columns={[
                { title: t('stats.township'), dataIndex: 'townshipName', key: 'township' },
                ...(['high', 'medium', 'low'] as const).map((level) => ({
                  title: t(`risk.${level}`),
                  dataIndex: level,
                  key: level,
                  align: 'right' as const,
                })),
                { title: t('stats.total'), dataIndex: 'total', key: 'total', align: 'right' as const },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card title={t('stats.rentals')} size="small">
        <Table<Rentals>
          rowKey="gridId"
          size="small"
          loading={loading}
          dataSource={rentals}
          pagination={rentals.length > 20 ? { pageSize: 20 } : false}
          data-testid="stats-rentals"
          columns={[
            { title: t('stats.gridCode'), dataIndex: 'gridCode', key: 'code' },
            { title: t('stats.gridName'), dataIndex: 'gridName', key: 'name' },
            { title: t('stats.rentalHouses'), dataIndex: 'rentalHouses', key: 'houses', align: 'right' },
            { title: t('stats.tenants'), dataIndex: 'tenants', key: 'tenants', align: 'right' },
          ]}
          summary={() =>
            rentals.length > 0 && (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={2}>
                  {t('stats.total')}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {sum(rentals, (r) => r.rentalHouses)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {sum(rentals, (r) => r.tenants)}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )
          }
        />
      </Card>
    </Space>
  );
}
