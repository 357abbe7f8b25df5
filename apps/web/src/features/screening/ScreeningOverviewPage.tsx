import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Drawer,
  Empty,
  List,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { LeftOutlined, RightOutlined, SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ScreeningOverview } from '@gewu/domain';
import { formatTime } from '../../components/formatTime.ts';
import { useCan, useCurrentUser } from '../../app/session.ts';
import { useRegions } from '../regions/api.ts';
import { useScreeningOverview, useScreeningReport } from './api.ts';
import { ScheduleDialog } from './ScheduleDialog.tsx';
import { dueText } from './format.ts';

type GridRow = ScreeningOverview['grids'][number];

/** A grid's status as a tag: reported (with disputes), zero report, not reported (red once the period is due). */
export function StatusTag({ row, due }: { row: Pick<GridRow, 'status' | 'late'>; due: boolean }) {
  const { t } = useTranslation();
  const tag =
    row.status === 'reported' ? (
      <Tag color="green">{t('screening.status.reported')}</Tag>
    ) : row.status === 'zero' ? (
      <Tag color="blue">{t('screening.status.zero')}</Tag>
    ) : due ? (
      <Tag color="red">{t('screening.status.overdue')}</Tag>
    ) : (
      <Tag>{t('screening.status.missing')}</Tag>
    );
  return (
    <Space size={4}>
      {tag}
      {row.late && <Tag color="orange">{t('screening.late')}</Tag>}
    </Space>
  );
}

/**
 * 排查情况 (the township centre's desktop): for a period, every grid of the township with the grid
 * workers responsible and whether it reported disputes, reported zero (零报告) or has not reported —
 * red once the period's report is due. Leaders over several townships choose one.
 */
export function ScreeningOverviewPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const can = useCan();
  const atTownship = user.region.level === 'township';
  const regions = useRegions(!atTownship);
  const townships = (regions.data ?? []).filter((r) => r.level === 'township');
  const [regionId, setRegionId] = useState<string | undefined>(undefined);
  const chosen = atTownship ? undefined : (regionId ?? townships[0]?.id);
  const [day, setDay] = useState<string | undefined>(undefined);
  const [only, setOnly] = useState<'all' | 'missing'>('all');
  const [open, setOpen] = useState<string | null>(null);
  const [scheduling, setScheduling] = useState(false);
  const overview = useScreeningOverview({ regionId: chosen, day }, atTownship || !!chosen);
  const o = overview.data;
  const rows = (o?.grids ?? []).filter((g) => only === 'all' || g.status === 'missing');

  const columns: TableColumnsType<GridRow> = [
    {
      title: t('screening.columns.grid'),
      key: 'grid',
      render: (_, g) => (
        <Space orientation="vertical" size={0}>
          <span>{g.gridName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {g.gridCode}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('screening.columns.status'),
      key: 'status',
      render: (_, g) => <StatusTag row={g} due={!!o?.due} />,
    },
    { title: t('screening.columns.village'), dataIndex: 'villageName', key: 'village' },
    {
      title: t('screening.columns.workers'),
      key: 'workers',
      render: (_, g) => (g.workers.length ? g.workers.join('、') : '—'),
    },
    {
      title: t('screening.columns.disputes'),
      key: 'disputes',
      align: 'right',
      render: (_, g) => (g.status === 'missing' ? '—' : g.disputeCount),
    },
    { title: t('screening.columns.reportedAt'), key: 'reportedAt', render: (_, g) => formatTime(g.reportedAt) },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="screening-overview">
      <Card
        title={
          <Space wrap size={12}>
            <span>{t('screening.title')}</span>
            {o && <Typography.Text type="secondary">{o.township.name}</Typography.Text>}
          </Space>
        }
        extra={
          <Space wrap>
            {!atTownship && (
              <Select
                style={{ minWidth: 180 }}
                placeholder={t('screening.township')}
                value={chosen}
                onChange={(v) => {
                  setRegionId(v);
                  setDay(undefined);
                }}
                options={townships.map((r) => ({ value: r.id, label: r.name }))}
                data-testid="screening-township"
              />
            )}
            {can('dispute.centre') && o && (
              <Button icon={<SettingOutlined />} onClick={() => setScheduling(true)} data-testid="screening-schedule">
                {t('screening.schedule.button')}
              </Button>
            )}
          </Space>
        }
      >
        {overview.isError ? (
          <Alert type="error" showIcon title={overview.error.message} data-testid="screening-error" />
        ) : !o ? (
          !atTownship && !chosen ? (
            <Empty description={t('screening.chooseTownship')} />
          ) : (
            <Table loading columns={columns} dataSource={[]} />
          )
        ) : (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Space wrap size={12} style={{ justifyContent: 'space-between', width: '100%' }}>
              <Space wrap size={8}>
                <Button
                  icon={<LeftOutlined />}
                  disabled={!o.previousDay}
                  onClick={() => o.previousDay && setDay(o.previousDay)}
                  aria-label={t('screening.prev')}
                  data-testid="screening-prev"
                />
                <Typography.Title level={4} style={{ margin: 0 }} data-testid="screening-period">
                  {o.period.label}
                </Typography.Title>
                <Button
                  icon={<RightOutlined />}
                  disabled={!o.nextDay}
                  onClick={() => o.nextDay && setDay(o.nextDay)}
                  aria-label={t('screening.next')}
                  data-testid="screening-next"
                />
                {day && (
                  <Button type="link" onClick={() => setDay(undefined)}>
                    {t('screening.current')}
                  </Button>
                )}
              </Space>
              <Space wrap size={8}>
                <Tag>{t(`screening.periodKinds.${o.period.kind}`)}</Tag>
                <Typography.Text type={o.due ? 'danger' : 'secondary'}>
                  {t('screening.dueAt', { at: dueText(o.period.dueAt) })} ·{' '}
                  {o.due ? t('screening.overdue') : t('screening.notDue')}
                </Typography.Text>
              </Space>
            </Space>
            <Row gutter={[16, 16]} data-testid="screening-counts">
              <Col xs={12} md={6}>
                <Statistic title={t('screening.counts.grids')} value={o.counts.grids} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic
                  title={t('screening.counts.reported')}
                  value={o.counts.reported}
                  styles={{ content: { color: '#2f9e44' } }}
                />
              </Col>
              <Col xs={12} md={6}>
                <Statistic
                  title={t('screening.counts.zero')}
                  value={o.counts.zero}
                  styles={{ content: { color: '#1f4e9c' } }}
                />
              </Col>
              <Col xs={12} md={6}>
                <Statistic
                  title={t('screening.counts.missing')}
                  value={o.counts.missing}
                  styles={{ content: { color: o.due && o.counts.missing ? '#e03131' : undefined } }}
                  data-testid="screening-missing"
                />
              </Col>
            </Row>
            <Segmented<'all' | 'missing'>
              value={only}
              onChange={setOnly}
              options={[
                { value: 'all', label: t('screening.filter.all') },
                { value: 'missing', label: `${t('screening.filter.missing')} (${o.counts.missing})` },
              ]}
              data-testid="screening-filter"
            />
            <Table<GridRow>
              rowKey="gridId"
              size="small"
              loading={overview.isFetching}
              dataSource={rows}
              columns={columns}
              scroll={{ x: 'max-content' }}
              pagination={rows.length > 30 ? { pageSize: 30 } : false}
              onRow={(g) => ({
                onClick: () => g.reportId && setOpen(g.reportId),
                style: { cursor: g.reportId ? 'pointer' : undefined },
                'data-testid': `screening-row-${g.gridCode}`,
              })}
              data-testid="screening-table"
            />
          </Space>
        )}
      </Card>
      <ReportDrawer id={open} onClose={() => setOpen(null)} />
      {o && scheduling && (
        <ScheduleDialog townshipId={o.township.id} schedule={o.schedule} onClose={() => setScheduling(false)} />
      )}
    </Space>
  );
}

/** One grid's report: zero, or the disputes it found (new ones registered by it, others followed again). */
function ReportDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const report = useScreeningReport(id);
  const r = report.data;
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size="large"
      title={r ? t('screening.report.title', { grid: r.gridName, period: r.period.label }) : ''}
      data-testid="screening-report"
    >
      {r && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Space wrap>
            {r.zero ? (
              <Tag color="blue">{t('screening.status.zero')}</Tag>
            ) : (
              <Tag color="green">{t('screening.status.reported')}</Tag>
            )}
            {r.late && <Tag color="orange">{t('screening.late')}</Tag>}
            <Typography.Text type="secondary">
              {t('screening.report.by', { name: r.reporterName ?? '—', at: formatTime(r.reportedAt) })}
            </Typography.Text>
          </Space>
          {r.zero ? (
            <Alert type="info" showIcon title={t('screening.report.zero')} />
          ) : (
            <List
              header={t('screening.report.found')}
              bordered
              dataSource={r.disputes}
              renderItem={(d) => (
                <List.Item>
                  <Space wrap>
                    <Typography.Text code>{d.code}</Typography.Text>
                    <span>{d.typeName}</span>
                    <Tag color={d.registeredHere ? 'purple' : 'default'}>
                      {d.registeredHere ? t('screening.report.registeredHere') : t('screening.report.again')}
                    </Tag>
                  </Space>
                </List.Item>
              )}
            />
          )}
          {(r.note || r.amendments.length > 0) && (
            <Descriptions column={1} size="small" bordered>
              {r.note && <Descriptions.Item label={t('screening.report.note')}>{r.note}</Descriptions.Item>}
              {r.amendments.length > 0 && (
                <Descriptions.Item label={t('screening.report.amendments')}>
                  {r.amendments.map((a) => (
                    <div key={a.at}>
                      {formatTime(a.at)} {a.byName} · {a.note} (+{a.added})
                    </div>
                  ))}
                </Descriptions.Item>
              )}
            </Descriptions>
          )}
        </Space>
      )}
    </Drawer>
  );
}
