import { Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PetitionSummary } from '@gewu/domain';
import { formatTime } from '../../components/formatTime.ts';
import { LightDot } from '../cases/bits.tsx';
import { LastDay, PetitionStateTag } from './bits.tsx';

interface Props {
  items: readonly PetitionSummary[];
  loading: boolean;
  pagination: TablePaginationConfig;
}

/** The register's rows: light, code, matter, channel, state, the statutory last day, petitioners (masked), place, leader. */
export function PetitionTable({ items, loading, pagination }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const columns: TableColumnsType<PetitionSummary> = [
    {
      title: t('petitions.fields.light'),
      key: 'light',
      width: 72,
      render: (_, p) => <LightDot light={p.light} testId={`petition-light-${p.code}`} />,
    },
    {
      title: t('petitions.fields.code'),
      key: 'code',
      width: 170,
      render: (_, p) => (
        <Space orientation="vertical" size={0}>
          <Typography.Link data-testid={`petition-row-${p.code}`}>{p.code}</Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('petitions.fields.receivedAt')} {formatTime(p.receivedAt)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('petitions.fields.summary'),
      key: 'summary',
      ellipsis: true,
      width: 320,
      render: (_, p) => (
        <Space orientation="vertical" size={2} style={{ width: '100%' }}>
          <Typography.Text ellipsis={{ tooltip: p.summary }}>{p.summary}</Typography.Text>
          <Space size={4} wrap>
            <Tag>{t(`petitions.channels.${p.channel}`)}</Tag>
            <Tag>{t(`petitions.matterTypes.${p.matterType}`)}</Tag>
            {p.collective && <Tag color="volcano">{t('petitions.tags.collective', { count: p.headcount })}</Tag>}
            {p.repeatOfId && <Tag color="orange">{t('petitions.tags.repeat')}</Tag>}
            {p.refilingProposed && <Tag color="red">{t('petitions.tags.refiling')}</Tag>}
          </Space>
        </Space>
      ),
    },
    {
      title: t('petitions.fields.state'),
      key: 'state',
      width: 120,
      render: (_, p) => <PetitionStateTag state={p.state} />,
    },
    {
      title: t('petitions.fields.deadline'),
      key: 'deadline',
      width: 176,
      render: (_, p) =>
        p.stage ? (
          <Space orientation="vertical" size={0}>
            <Typography.Text type="secondary">{t(`petitions.stages.${p.stage}`)}</Typography.Text>
            <LastDay lastDay={p.stageLastDay} deadline={p.stageDeadline} testId={`petition-deadline-${p.code}`} />
          </Space>
        ) : p.windowLastDay ? (
          <Typography.Text type="secondary">
            {t('petitions.fields.window')} {p.windowLastDay}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      title: t('petitions.fields.petitioners'),
      key: 'petitioners',
      width: 120,
      ellipsis: true,
      render: (_, p) => p.petitioners.map((x) => x.nameMasked).join('、') || '—',
    },
    {
      title: t('petitions.fields.region'),
      key: 'region',
      width: 110,
      ellipsis: true,
      render: (_, p) => p.regionName ?? '—',
    },
    {
      title: t('petitions.fields.leader'),
      key: 'leader',
      width: 96,
      render: (_, p) => (p.leader ? <Tag color="geekblue">{p.leader.name}</Tag> : '—'),
    },
  ];
  return (
    <Table<PetitionSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items as PetitionSummary[]}
      loading={loading}
      pagination={pagination}
      scroll={{ x: 1140 }}
      locale={{ emptyText: t('petitions.list.empty') }}
      onRow={(p) => ({ onClick: () => navigate(`/petitions/${p.id}`), style: { cursor: 'pointer' } })}
      data-testid="petition-table"
    />
  );
}
