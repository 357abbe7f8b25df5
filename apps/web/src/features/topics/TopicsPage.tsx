import { useState } from 'react';
import { Card, Checkbox, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { TOPIC_STATES, type TopicSummary } from '@gewu/domain';
import { formatTime } from '../../components/formatTime.ts';
import { useTopics } from './api.ts';
import { TopicLight, TopicStateTag } from './TopicTags.tsx';
import { NS } from './i18n.ts';

/** 议事协商: the topics of the user's area with their state, supports and the light of their clock. */
export function TopicsPage() {
  const { t } = useTranslation(NS);
  const navigate = useNavigate();
  const [state, setState] = useState<string>();
  const [light, setLight] = useState<string>();
  const [reached, setReached] = useState(false);
  const query = useTopics({ state, light, thresholdReached: reached ? 'true' : undefined });
  return (
    <Card title={t('title')} data-testid="topics-page">
      <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('filters.state')}
          style={{ width: 180 }}
          value={state}
          onChange={setState}
          options={TOPIC_STATES.map((s) => ({ value: s, label: t(`states.${s}`) }))}
          data-testid="topics-filter-state"
        />
        <Select
          allowClear
          placeholder={t('filters.light')}
          style={{ width: 140 }}
          value={light}
          onChange={setLight}
          options={(['green', 'yellow', 'red'] as const).map((l) => ({ value: l, label: t(`lights.${l}`) }))}
          data-testid="topics-filter-light"
        />
        <Checkbox checked={reached} onChange={(e) => setReached(e.target.checked)}>
          {t('filters.threshold')}
        </Checkbox>
      </Space>
      <Table<TopicSummary>
        rowKey="id"
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        locale={{ emptyText: t('empty') }}
        onRow={(r) => ({ onClick: () => void navigate(`/topics/${r.id}`), style: { cursor: 'pointer' } })}
        data-testid="topics-table"
        columns={[
          {
            title: t('columns.title'),
            dataIndex: 'title',
            render: (v: string, r) => <Typography.Link data-testid={`topic-row-${r.id}`}>{v}</Typography.Link>,
          },
          { title: t('columns.village'), dataIndex: 'villageName' },
          { title: t('columns.source'), dataIndex: 'source', render: (s: TopicSummary['source']) => t(`sources.${s}`) },
          { title: t('columns.raiser'), dataIndex: 'raiser' },
          {
            title: t('columns.state'),
            dataIndex: 'state',
            render: (s: TopicSummary['state']) => <TopicStateTag state={s} />,
          },
          {
            title: t('columns.supports'),
            dataIndex: 'supports',
            render: (n: number, r) => (
              <Space size={4}>
                {t('supportsOf', { n, threshold: r.threshold })}
                {r.thresholdReached && <Tag color="magenta">{t('thresholdReached')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('columns.light'),
            dataIndex: 'light',
            render: (l: TopicSummary['light'], r) =>
              r.deadline ? (
                <Space size={4}>
                  <TopicLight light={l} />
                  <Typography.Text type="secondary">{formatTime(r.deadline)}</Typography.Text>
                </Space>
              ) : null,
          },
          { title: t('columns.raisedAt'), dataIndex: 'raisedAt', render: formatTime },
        ]}
      />
    </Card>
  );
}
