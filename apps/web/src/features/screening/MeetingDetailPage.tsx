import { Button, Card, Descriptions, Result, Space, Spin, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { RiskMeetingView } from '@gewu/domain';
import { formatTime } from '../../components/formatTime.ts';
import { Photos } from '../attachments/Photos.tsx';
import { useRiskMeeting } from './api.ts';

type Decision = RiskMeetingView['decisions'][number];

/** One 风险研判 meeting: who met, the minutes, and the decision on each dispute discussed. */
export function MeetingDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const meeting = useRiskMeeting(id);
  const back = () => void navigate('/risk-meetings');
  if (meeting.isPending) return <Spin style={{ display: 'block', marginTop: 64 }} />;
  if (meeting.isError)
    return (
      <Result
        status="404"
        title={t('screening.meetings.notFound')}
        extra={<Button onClick={back}>{t('screening.meetings.back')}</Button>}
      />
    );
  const m = meeting.data;
  const columns: TableColumnsType<Decision> = [
    {
      title: t('screening.meetings.disputes'),
      key: 'code',
      render: (_, d) => <Typography.Text code>{d.disputeCode}</Typography.Text>,
    },
    {
      title: t('screening.meetings.decision'),
      key: 'kind',
      render: (_, d) => (
        <Space orientation="vertical" size={2}>
          <Tag color={d.kind === 'watch' ? 'default' : 'orange'}>{t(`screening.meetings.decisionKinds.${d.kind}`)}</Tag>
          {d.kind === 'assess_risk' && d.risk && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('screening.meetings.risk')}：{t(`screening.meetings.risks.${d.risk}`)} ·{' '}
              {t('screening.meetings.civilToCriminal')}：
              {d.civilToCriminal ? t('screening.meetings.yes') : t('screening.meetings.no')}
              {d.stabilityUserName ? ` · ${t('screening.meetings.stability')}：${d.stabilityUserName}` : ''}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t('screening.meetings.opinion'), dataIndex: 'note', key: 'note' },
    {
      title: '',
      key: 'seq',
      render: (_, d) =>
        d.disputeEventSeq ? (
          <Typography.Text type="secondary">
            {t('screening.meetings.eventSeq', { n: d.disputeEventSeq })}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('screening.meetings.unchanged')}</Typography.Text>
        ),
    },
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="meeting-detail">
      <Card
        title={
          <Space>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={back} aria-label={t('screening.meetings.back')} />
            {m.topic}
          </Space>
        }
      >
        <Descriptions
          column={{ xs: 1, md: 2 }}
          size="small"
          bordered
          items={[
            { key: 'heldAt', label: t('screening.meetings.heldAt'), children: formatTime(m.heldAt) },
            { key: 'place', label: t('screening.meetings.place'), children: m.place ?? '—' },
            { key: 'region', label: t('screening.meetings.region'), children: m.regionName },
            { key: 'organiser', label: t('screening.meetings.organiser'), children: m.organiserName ?? '—' },
            {
              key: 'participants',
              label: t('screening.meetings.participants'),
              span: 2,
              children: (
                <Space wrap size={4}>
                  {m.participants.map((p) => (
                    <Tag key={p}>{p}</Tag>
                  ))}
                </Space>
              ),
            },
            {
              key: 'minutes',
              label: t('screening.meetings.minutes'),
              span: 2,
              children: <span style={{ whiteSpace: 'pre-wrap' }}>{m.minutes}</span>,
            },
            ...(m.attachmentIds.length
              ? [
                  {
                    key: 'attachments',
                    label: t('screening.meetings.attachments'),
                    span: 2,
                    children: <Photos ids={m.attachmentIds} size={72} />,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card title={t('screening.meetings.decisions')} size="small">
        <Table<Decision>
          rowKey={(d) => `${d.disputeId}-${d.kind}-${d.note}`}
          size="small"
          pagination={false}
          dataSource={m.decisions}
          columns={columns}
          data-testid="meeting-decisions"
        />
      </Card>
    </Space>
  );
}
