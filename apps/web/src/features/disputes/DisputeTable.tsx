import type { HTMLAttributes } from 'react';
import { Space, Table, Typography } from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { DisputeSummary } from '@gewu/domain';
import { Deadline, LightDot, useNow } from '../cases/bits.tsx';
import { DisputeStateTag, RiskTags } from './tags.tsx';

interface Props {
  disputes: readonly DisputeSummary[];
  loading: boolean;
  pagination: TablePaginationConfig | false;
  testId: string;
}

/**
 * The dispute board's table: light, code (it carries the day of registration), type, risk (民转刑),
 * tier and organisation, mediator, state, the stage and its deadline, and the summary. Fixed widths with the summary
 * taking the rest, so it fits a 1440 px screen; a click on a row opens the dispute (`dispute-row-<code>`).
 */
export function DisputeTable({ disputes, loading, pagination, testId }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const now = useNow();
  const columns: TableColumnsType<DisputeSummary> = [
    {
      title: t('disputes.fields.light'),
      key: 'light',
      width: 76,
      render: (_, d) => <LightDot light={d.light} testId={`dispute-light-${d.code}`} />,
    },
    {
      title: t('disputes.fields.code'),
      dataIndex: 'code',
      key: 'code',
      width: 168,
      render: (code: string) => <Typography.Link>{code}</Typography.Link>,
    },
    { title: t('disputes.fields.type'), key: 'type', width: 108, ellipsis: true, render: (_, d) => d.typeName },
    {
      title: t('disputes.fields.risk'),
      key: 'risk',
      width: 112,
      render: (_, d) => (
        <RiskTags risk={d.risk} civilToCriminal={d.civilToCriminal} testId={`dispute-risk-${d.code}`} />
      ),
    },
    {
      title: t('disputes.fields.tierOrganisation'),
      key: 'organisation',
      width: 176,
      ellipsis: true,
      render: (_, d) => (
        <Space orientation="vertical" size={0} style={{ maxWidth: '100%' }}>
          <Typography.Text type="secondary" data-testid={`dispute-tier-${d.code}`}>
            {t(`disputes.tiers.${d.tier}`)}
          </Typography.Text>
          <Typography.Text ellipsis={{ tooltip: d.organisationName }}>{d.organisationName ?? '—'}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('disputes.fields.mediator'),
      key: 'mediator',
      width: 80,
      ellipsis: true,
      render: (_, d) => d.mediatorName ?? '—',
    },
    {
      title: t('disputes.fields.state'),
      key: 'state',
      width: 104,
      render: (_, d) => <DisputeStateTag state={d.state} testId={`dispute-state-${d.code}`} />,
    },
    {
      title: t('disputes.fields.deadline'),
      key: 'deadline',
      width: 136,
      render: (_, d) => (
        <Space orientation="vertical" size={0}>
          {d.stage && <Typography.Text type="secondary">{t(`disputes.stages.${d.stage}`)}</Typography.Text>}
          <Deadline deadline={d.stageDeadline} now={now} />
        </Space>
      ),
    },
    {
      title: t('disputes.fields.summary'),
      key: 'summary',
      ellipsis: { showTitle: false },
      render: (_, d) => <Typography.Text ellipsis={{ tooltip: d.summary }}>{d.summary}</Typography.Text>,
    },
  ];
  return (
    <Table<DisputeSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={[...disputes]}
      loading={loading}
      tableLayout="fixed"
      scroll={{ x: 1100 }}
      pagination={pagination}
      data-testid={testId}
      onRow={(d) =>
        ({
          onClick: () => navigate(`/disputes/${d.id}`),
          style: { cursor: 'pointer' },
          'data-testid': `dispute-row-${d.code}`,
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
