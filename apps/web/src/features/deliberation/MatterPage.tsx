import { Button, Card, Descriptions, Result, Space, Spin, Steps, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { STAGE_RULES, type StageStatus } from '@gewu/domain';
import { isApiError } from '../../app/api.ts';
import { formatTime } from '../../components/formatTime.ts';
import { Photos } from '../attachments/Photos.tsx';
import { useMatter, type MatterView, type StageView } from './api.ts';
import { ConveneForm, PublishForm, RecordForm } from './StageForms.tsx';
import { PublicationLight, StageTag } from './StageTag.tsx';
import { NS } from './i18n.ts';

const STEP_STATUS: Record<StageStatus, 'wait' | 'process' | 'finish'> = {
  pending: 'wait',
  open: 'process',
  convened: 'process',
  concluded: 'finish',
};

/** One matter: the 四议两公开 stages in order, each with its record, and the action the current one awaits. */
export function MatterPage() {
  const { t } = useTranslation(NS);
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const query = useMatter(id);
  if (query.isPending) return <Spin style={{ display: 'block', marginTop: 64 }} />;
  if (query.isError) {
    const notFound = isApiError(query.error) && (query.error.status === 404 || query.error.status === 400);
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('notFound') : query.error.message}
        extra={<Button onClick={() => void navigate('/deliberation')}>{t('back')}</Button>}
        data-testid="matter-not-found"
      />
    );
  }
  const m = query.data;
  const current = m.stages.findIndex((s) => s.status !== 'concluded');
  return (
    <Space
      orientation="vertical"
      size={16}
      style={{ width: '100%' }}
      data-testid="matter-detail"
      data-stage={m.stage ?? 'done'}
    >
      <Card
        title={
          <Space wrap>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              aria-label={t('back')}
              onClick={() => void navigate('/deliberation')}
            />
            <span data-testid="matter-title-text">{m.title}</span>
            <StageTag stage={m.stage} testId="matter-stage" />
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('columns.village')}>{m.villageName}</Descriptions.Item>
          <Descriptions.Item label={t('columns.kind')}>{t(`kinds.${m.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('columns.body')}>{t(`bodyNames.${m.decidingBody}`)}</Descriptions.Item>
          {m.authorisation && (
            <Descriptions.Item label={t('form.authorisation')} span={3}>
              {m.authorisation}
            </Descriptions.Item>
          )}
          {m.description && (
            <Descriptions.Item label={t('form.description')} span={3}>
              {m.description}
            </Descriptions.Item>
          )}
        </Descriptions>
        <Steps
          style={{ marginTop: 16 }}
          size="small"
          current={current < 0 ? m.stages.length : current}
          data-testid="matter-steps"
          items={m.stages.map((s) => ({
            title: t(`stages.${s.stage}`),
            status: STEP_STATUS[s.status],
            content: t(`statuses.${s.status}`),
          }))}
        />
      </Card>
      {m.stages
        .filter((s) => s.status !== 'pending')
        .map((s) => (
          <StageCard key={s.stage} matter={m} s={s} />
        ))}
    </Space>
  );
}

function StageCard({ matter, s }: { matter: MatterView; s: StageView }) {
  const { t } = useTranslation(NS);
  const meeting = STAGE_RULES[s.stage].kind === 'meeting';
  const act = matter.canManage ? s.operation : null;
  return (
    <Card
      size="small"
      data-testid={`stage-${s.stage}`}
      data-status={s.status}
      title={
        <Space wrap>
          <span>{t(`stages.${s.stage}`)}</span>
          <Tag data-testid={`stage-${s.stage}-status`}>{t(`statuses.${s.status}`)}</Tag>
          {s.body && <Typography.Text type="secondary">{t(`bodyNames.${s.body}`)}</Typography.Text>}
          {s.status !== 'concluded' && <PublicationLight light={s.light} testId={`stage-${s.stage}-light`} />}
        </Space>
      }
      extra={s.dueAt && s.status !== 'concluded' ? `${t('stage.dueAt')} ${formatTime(s.dueAt)}` : undefined}
    >
      {(s.heldAt || s.noticeText || s.status === 'concluded') && <StageFacts s={s} meeting={meeting} />}
      {act === 'convene' && <ConveneForm matterId={matter.id} s={s} />}
      {act === 'record' && <RecordForm matterId={matter.id} s={s} />}
      {act === 'publish' && <PublishForm matterId={matter.id} s={s} />}
      {!act && s.status !== 'concluded' && !matter.canManage && (
        <Typography.Text type="secondary">{t('stage.readOnly')}</Typography.Text>
      )}
    </Card>
  );
}

function StageFacts({ s, meeting }: { s: StageView; meeting: boolean }) {
  const { t } = useTranslation(NS);
  return (
    <Descriptions size="small" column={{ xs: 1, md: 3 }} data-testid={`stage-${s.stage}-facts`}>
      {meeting && <Descriptions.Item label={t('stage.heldAt')}>{formatTime(s.heldAt)}</Descriptions.Item>}
      {meeting && <Descriptions.Item label={t('stage.place')}>{s.place}</Descriptions.Item>}
      {meeting && <Descriptions.Item label={t('stage.expected')}>{s.expected ?? '—'}</Descriptions.Item>}
      {meeting && s.present !== null && (
        <>
          <Descriptions.Item label={t('stage.present')}>{s.present}</Descriptions.Item>
          <Descriptions.Item label={`${t('stage.inFavour')} / ${t('stage.against')} / ${t('stage.abstaining')}`}>
            <span data-testid={`stage-${s.stage}-votes`}>
              {s.inFavour} / {s.against} / {s.abstaining}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('stage.result')}>
            {s.passed ? <Tag color="success">{t('outcome.passed')}</Tag> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('stage.minutes')} span={3}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{s.minutes}</Typography.Paragraph>
          </Descriptions.Item>
        </>
      )}
      {!meeting && s.noticeText && (
        <>
          <Descriptions.Item label={t('stage.noticeText')} span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {s.noticeText}
            </Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label={t('stage.noticeEndsOn')}>{s.noticeEndsOn}</Descriptions.Item>
        </>
      )}
      {s.attachmentIds.length > 0 && (
        <Descriptions.Item label={t('stage.attachments')} span={3}>
          <Photos ids={s.attachmentIds} />
        </Descriptions.Item>
      )}
      {s.concludedAt && (
        <Descriptions.Item label={t('stage.concludedAt')}>
          {formatTime(s.concludedAt)} {s.recordedByName}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
