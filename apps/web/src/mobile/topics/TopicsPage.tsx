import { useState } from 'react';
import { App, Button, Card, Empty, Input, Space, Steps, Switch, Tag, Typography } from 'antd';
import { LikeOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { TOPIC_LIMITS, type TopicSummary } from '@gewu/domain';
import { notifyError } from '../../app/notify.ts';
import { formatTime } from '../../components/formatTime.ts';
import { PhotoUpload } from '../../features/attachments/PhotoUpload.tsx';
import { newTopicKey, useRaiseTopic, useSupportTopic, useTopic, useTopics } from '../../features/topics/api.ts';
import { TopicStateTag } from '../../features/topics/TopicTags.tsx';
import { NS } from '../../features/topics/i18n.ts';

/**
 * 议事协商 on a resident's phone: the topics of their village/community with their supports, a form to
 * raise one (anonymous if they wish), 附议, and each topic's progress and outcome.
 */
export default function TopicsPage() {
  const { t } = useTranslation(NS);
  const list = useTopics();
  const [raising, setRaising] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const items = list.data?.items;
  if (!items) return <div className="m-loading" />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="m-topics">
      {raising ? (
        <RaiseForm onDone={() => setRaising(false)} />
      ) : (
        <Button
          type="primary"
          block
          icon={<PlusOutlined />}
          onClick={() => setRaising(true)}
          data-testid="m-topic-raise"
        >
          {t('phone.raise')}
        </Button>
      )}
      {items.length === 0 && <Empty description={t('phone.empty')} />}
      {items.map((s) => (
        <TopicCard key={s.id} s={s} open={open === s.id} onToggle={() => setOpen(open === s.id ? null : s.id)} />
      ))}
    </Space>
  );
}

function RaiseForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const raise = useRaiseTopic();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [attachmentIds, setAttachmentIds] = useState<string[]>([]);
  const [key] = useState(newTopicKey);
  const ready =
    title.trim().length >= TOPIC_LIMITS.titleMin && description.trim().length >= TOPIC_LIMITS.descriptionMin;
  const submit = async () => {
    try {
      await raise.mutateAsync({
        title: title.trim(),
        description: description.trim(),
        anonymous,
        attachmentIds,
        idempotencyKey: key,
      });
      void message.success(t('phone.raised'));
      onDone();
    } catch (err) {
      notifyError(err);
    }
  };
  return (
    <Card size="small" title={t('phone.raise')} data-testid="m-topic-form">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Input
          placeholder={t('phone.raiseTitle')}
          maxLength={TOPIC_LIMITS.titleMax}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          data-testid="m-topic-title"
        />
        <Input.TextArea
          placeholder={t('phone.raiseDescription')}
          rows={4}
          maxLength={TOPIC_LIMITS.descriptionMax}
          showCount
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          data-testid="m-topic-description"
        />
        <Typography.Text type="secondary">{t('phone.photo')}</Typography.Text>
        <PhotoUpload onChange={setAttachmentIds} max={TOPIC_LIMITS.attachmentsMax} />
        <Space>
          <Switch checked={anonymous} onChange={setAnonymous} data-testid="m-topic-anonymous" />
          {t('phone.anonymous')}
        </Space>
        <Button
          type="primary"
          block
          disabled={!ready}
          loading={raise.isPending}
          onClick={() => void submit()}
          data-testid="m-topic-submit"
        >
          {t('phone.submit')}
        </Button>
      </Space>
    </Card>
  );
}

function TopicCard({ s, open, onToggle }: { s: TopicSummary; open: boolean; onToggle: () => void }) {
  const { t } = useTranslation(NS);
  const support = useSupportTopic();
  const canSupport = !s.mine && !s.supportedByMe && (s.state === 'raised' || s.state === 'taken_up');
  return (
    <Card size="small" data-testid="m-topic" data-id={s.id} data-state={s.state}>
      <Space orientation="vertical" style={{ width: '100%' }} size={4}>
        <Space wrap>
          <Typography.Text strong onClick={onToggle} style={{ cursor: 'pointer' }}>
            {s.title}
          </Typography.Text>
          <TopicStateTag state={s.state} />
          {s.thresholdReached && <Tag color="magenta">{t('thresholdReached')}</Tag>}
        </Space>
        <Typography.Text type="secondary">
          {s.raiser} · {formatTime(s.raisedAt)} ·{' '}
          <span data-testid="m-topic-supports">{t('supportsOf', { n: s.supports, threshold: s.threshold })}</span>
        </Typography.Text>
        <Space>
          {canSupport ? (
            <Button
              size="middle"
              icon={<LikeOutlined />}
              loading={support.isPending}
              onClick={() => support.mutate(s.id, { onError: notifyError })}
              data-testid="m-topic-support"
            >
              {t('phone.support')}
            </Button>
          ) : s.supportedByMe ? (
            <Tag color="blue">{t('phone.supported')}</Tag>
          ) : null}
          <Button size="middle" type="link" onClick={onToggle} data-testid="m-topic-progress">
            {t('phone.progress')}
          </Button>
        </Space>
        {open && <Progress id={s.id} />}
      </Space>
    </Card>
  );
}

/** A topic's progress: raised → response → meeting and outcome → implementation. */
function Progress({ id }: { id: string }) {
  const { t } = useTranslation(NS);
  const q = useTopic(id);
  const d = q.data;
  if (!d) return <div className="m-loading" />;
  const m = d.meeting;
  return (
    <div data-testid="m-topic-detail">
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.description}</Typography.Paragraph>
      <Steps
        direction="vertical"
        size="small"
        items={[
          { title: t('phone.raisedStep'), description: formatTime(d.raisedAt), status: 'finish' },
          d.declined
            ? { title: t('states.declined'), description: d.declined.reason, status: 'error' }
            : {
                title: t('states.taken_up'),
                description: d.takenUp
                  ? t('detail.takenUp', {
                      council: t(`councils.${d.takenUp.council}`),
                      date: d.takenUp.plannedMeetingOn,
                    })
                  : undefined,
                status: d.takenUp ? 'finish' : 'wait',
              },
          ...(d.declined
            ? []
            : [
                {
                  title: t('phone.outcome'),
                  description: m ? (
                    <span data-testid="m-topic-outcome">
                      {t(`outcomes.${m.outcome}`)}
                      {m.plan
                        ? `：${t('phone.plan', { what: m.plan.what, unit: m.plan.unit, due: m.plan.dueOn })}`
                        : ''}
                    </span>
                  ) : undefined,
                  status: m ? ('finish' as const) : ('wait' as const),
                },
                ...(m?.outcome === 'agreed'
                  ? [
                      {
                        title: t('phone.result'),
                        description: d.implementation ? (
                          <span data-testid="m-topic-result">{d.implementation.result}</span>
                        ) : undefined,
                        status: d.implementation ? ('finish' as const) : ('process' as const),
                      },
                    ]
                  : []),
              ]),
        ]}
      />
    </div>
  );
}
