import { useState } from 'react';
import { Button, Card, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { RiskMeetingPage } from '@gewu/domain';
import { formatTime } from '../../components/formatTime.ts';
import { useCan } from '../../app/session.ts';
import { useRiskMeetings } from './api.ts';

type Row = RiskMeetingPage['items'][number];

/** 风险研判会议: the meetings of the area, newest first; the centre records a new one. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const meetings = useRiskMeetings(page);
  const columns: TableColumnsType<Row> = [
    { title: t('screening.meetings.heldAt'), key: 'heldAt', render: (_, m) => formatTime(m.heldAt) },
    { title: t('screening.meetings.topic'), dataIndex: 'topic', key: 'topic' },
    { title: t('screening.meetings.region'), dataIndex: 'regionName', key: 'region' },
    { title: t('screening.meetings.disputes'), dataIndex: 'disputeCount', key: 'disputes', align: 'right' },
    {
      title: t('screening.meetings.changed'),
      key: 'changed',
      align: 'right',
      render: (_, m) => (m.changed ? <Tag color="orange">{m.changed}</Tag> : 0),
    },
    { title: t('screening.meetings.organiser'), key: 'organiser', render: (_, m) => m.organiserName ?? '—' },
  ];
  return (
    <Card
      title={t('screening.meetings.title')}
      extra={
        can('dispute.centre') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => void navigate('/risk-meetings/new')}
            data-testid="meeting-new"
          >
            {t('screening.meetings.new')}
          </Button>
        )
      }
      data-testid="meetings"
    >
      <Table<Row>
        rowKey="id"
        size="small"
        loading={meetings.isFetching}
        dataSource={meetings.data?.items ?? []}
        columns={columns}
        locale={{ emptyText: t('screening.meetings.empty') }}
        onRow={(m) => ({ onClick: () => void navigate(`/risk-meetings/${m.id}`), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize: 20,
          total: meetings.data?.total ?? 0,
          onChange: setPage,
          hideOnSinglePage: true,
        }}
        data-testid="meetings-table"
      />
    </Card>
  );
}
