import { Button, Card, Descriptions, Result, Space, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { topicActionsIn, type TopicDetail } from '@gewu/domain';
import { isApiError } from '../../app/api.ts';
import { formatTime } from '../../components/formatTime.ts';
import { Photos } from '../attachments/Photos.tsx';
import { useTopic } from './api.ts';
import { DeclineForm, ImplementationForm, MeetingForm, TakeUpForm } from './TopicForms.tsx';
import { TopicLight, TopicStateTag } from './TopicTags.tsx';
import { NS } from './i18n.ts';

/** One topic: what was raised, the response, the meeting and the implementation, and the action it awaits. */
export function TopicPage() {
  const { t } = useTranslation(NS);
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const query = useTopic(id);
  if (query.isPending) return <Spin style={{ display: 'block', marginTop: 64 }} />;
  if (query.isError) {
    const notFound = isApiError(query.error) && (query.error.status === 404 || query.error.status === 400);
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={query.error.message}
        extra={<Button onClick={() => void navigate('/topics')}>{t('detail.back')}</Button>}
      />
    );
  }
  const d = query.data;
  const actions = d.canManage ? topicActionsIn(d.state) : [];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="topic-detail" data-state={d.state}>
      <Card
        title={
          <Space wrap>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              aria-label={t('detail.back')}
              onClick={() => void navigate('/topics')}
            />
            <span>{d.title}</span>
            <TopicStateTag state={d.state} testId="topic-state" />
            <TopicLight light={d.light} />
            {d.thresholdReached && <Tag color="magenta">{t('thresholdReached')}</Tag>}
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={t('columns.village')}>{d.villageName}</Descriptions.Item>
          <Descriptions.Item label={t('columns.source')}>{t(`sources.${d.source}`)}</Descriptions.Item>
          <Descriptions.Item label={t('columns.raiser')}>{d.raiser}</Descriptions.Item>
          <Descriptions.Item label={t('columns.raisedAt')}>{formatTime(d.raisedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('columns.supports')}>
            {t('supportsOf', { n: d.supports, threshold: d.threshold })}
          </Descriptions.Item>
          {d.deadline && (
            <Descriptions.Item label={t('columns.light')}>
              {t('deadline', { at: formatTime(d.deadline) })}
            </Descriptions.Item>
          )}
        </Descriptions>
        <Typography.Title level={5}>{t('detail.description')}</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.description}</Typography.Paragraph>
        {d.attachmentIds.length > 0 && <Photos ids={d.attachmentIds} />}
        {d.takenUp && (
          <Typography.Paragraph data-testid="topic-taken-up">
            {t('detail.takenUp', { council: t(`councils.${d.takenUp.council}`), date: d.takenUp.plannedMeetingOn })}
            {d.takenUp.note ? `（${d.takenUp.note}）` : ''}
          </Typography.Paragraph>
        )}
        {d.declined && (
          <Typography.Paragraph type="danger">
            {t('detail.declined', { reason: d.declined.reason })}
          </Typography.Paragraph>
        )}
      </Card>
      {d.meeting && <MeetingCard d={d} />}
      {d.implementation && (
        <Card title={t('detail.implementation')} data-testid="topic-implementation">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.implementation.result}</Typography.Paragraph>
          <Typography.Text type="secondary">{formatTime(d.implementation.at)}</Typography.Text>
          {d.implementation.attachmentIds.length > 0 && <Photos ids={d.implementation.attachmentIds} />}
        </Card>
      )}
      {actions.includes('take_up') && (
        <Card title={t('actions.take_up')}>
          <TakeUpForm id={d.id} />
        </Card>
      )}
      {actions.includes('decline') && (
        <Card title={t('actions.decline')}>
          <DeclineForm id={d.id} />
        </Card>
      )}
      {actions.includes('record_meeting') && (
        <Card title={t('actions.record_meeting')}>
          <MeetingForm id={d.id} />
        </Card>
      )}
      {actions.includes('record_implementation') && (
        <Card title={t('actions.record_implementation')}>
          <ImplementationForm id={d.id} />
        </Card>
      )}
    </Space>
  );
}

function MeetingCard({ d }: { d: TopicDetail }) {
  const { t } = useTranslation(NS);
  const m = d.meeting;
  if (!m) return null;
  return (
    <Card title={t('detail.meeting')} data-testid="topic-meeting">
      <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('detail.heldAt')}>{formatTime(m.heldAt)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.place')}>{m.place}</Descriptions.Item>
        <Descriptions.Item label={t('detail.participants')}>
          {m.participants.map((p) => `${t(`participants.${p.kind}`)} ${p.count}`).join('、')}
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.headcount')}>{m.headcount}</Descriptions.Item>
        <Descriptions.Item label={t('detail.outcome')}>
          <Tag color={m.outcome === 'agreed' ? 'green' : 'default'} data-testid="topic-outcome">
            {t(`outcomes.${m.outcome}`)}
          </Tag>
        </Descriptions.Item>
        {m.referral && (
          <Descriptions.Item label={t('detail.referral')}>
            {t(`referrals.${m.referral.kind}`)} {m.referral.ref}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('detail.minutes')} span={2}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{m.minutes}</span>
        </Descriptions.Item>
        {m.plan && (
          <Descriptions.Item label={t('detail.plan')} span={2}>
            {m.plan.what} · {t('detail.planUnit')}：{m.plan.unit} · {t('detail.planDue')}：{m.plan.dueOn}
          </Descriptions.Item>
        )}
      </Descriptions>
      {d.noticeIds.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('detail.notices')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
