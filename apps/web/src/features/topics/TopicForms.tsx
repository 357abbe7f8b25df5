import { useState } from 'react';
import { Button, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import {
  DELIBERATION_BODIES,
  TOPIC_LIMITS,
  TOPIC_OUTCOMES,
  TOPIC_PARTICIPANT_KINDS,
  TOPIC_REFERRALS,
  type TopicOutcome,
  type TopicParticipantKind,
} from '@gewu/domain';
import { notifyError, notifySuccess } from '../../app/notify.ts';
import { PhotoUpload } from '../attachments/PhotoUpload.tsx';
import { useDeclineTopic, useRecordImplementation, useRecordMeeting, useTakeUpTopic } from './api.ts';
import { NS } from './i18n.ts';

/** Runs a topic action, telling the user how it went (the server's Chinese message when refused). */
function useRun<A>(m: { mutateAsync: (a: A) => Promise<unknown>; isPending: boolean }) {
  const { t } = useTranslation(NS);
  const run = async (a: A) => {
    try {
      await m.mutateAsync(a);
      notifySuccess(t('actions.done'));
    } catch (err) {
      notifyError(err);
    }
  };
  return { run, pending: m.isPending };
}

/** 受理: the council and the planned meeting date. */
export function TakeUpForm({ id }: { id: string }) {
  const { t } = useTranslation(NS);
  const { run, pending } = useRun(useTakeUpTopic());
  return (
    <Form
      layout="inline"
      initialValues={{ council: 'residents_council' }}
      onFinish={(v: { council: (typeof DELIBERATION_BODIES)[number]; plannedMeetingOn: Dayjs; note?: string }) =>
        void run({
          id,
          council: v.council,
          plannedMeetingOn: v.plannedMeetingOn.format('YYYY-MM-DD'),
          note: v.note || undefined,
        })
      }
      data-testid="topic-take-up"
    >
      <Form.Item name="council" label={t('form.council')} rules={[{ required: true }]}>
        <Select
          style={{ width: 200 }}
          options={DELIBERATION_BODIES.map((b) => ({ value: b, label: t(`councils.${b}`) }))}
        />
      </Form.Item>
      <Form.Item name="plannedMeetingOn" label={t('form.plannedMeetingOn')} rules={[{ required: true }]}>
        <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} data-testid="topic-planned-on" />
      </Form.Item>
      <Form.Item name="note" label={t('form.note')} rules={[{ max: TOPIC_LIMITS.reasonMax }]}>
        <Input style={{ width: 240 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={pending} data-testid="topic-take-up-submit">
        {t('actions.take_up')}
      </Button>
    </Form>
  );
}

/** 不予受理: a reason the raiser is told. */
export function DeclineForm({ id }: { id: string }) {
  const { t } = useTranslation(NS);
  const { run, pending } = useRun(useDeclineTopic());
  return (
    <Form layout="inline" onFinish={(v: { reason: string }) => void run({ id, reason: v.reason })}>
      <Form.Item
        name="reason"
        label={t('form.reason')}
        rules={[{ required: true, whitespace: true, min: TOPIC_LIMITS.reasonMin, max: TOPIC_LIMITS.reasonMax }]}
      >
        <Input style={{ width: 360 }} data-testid="topic-decline-reason" />
      </Form.Item>
      <Button danger htmlType="submit" loading={pending} data-testid="topic-decline-submit">
        {t('actions.decline')}
      </Button>
    </Form>
  );
}

interface MeetingValues {
  heldAt: Dayjs;
  place: string;
  counts: Partial<Record<TopicParticipantKind, number | null>>;
  headcount: number;
  minutes: string;
  outcome: TopicOutcome;
  referralKind?: (typeof TOPIC_REFERRALS)[number];
  referralRef?: string;
  planWhat?: string;
  planUnit?: string;
  planDue?: Dayjs;
}

/** The meeting's record: when, where, who (by kind, with headcounts), minutes, outcome and, for agreed, the plan. */
export function MeetingForm({ id }: { id: string }) {
  const { t } = useTranslation(NS);
  const { run, pending } = useRun(useRecordMeeting());
  const [form] = Form.useForm<MeetingValues>();
  const outcome = Form.useWatch('outcome', form);
  const submit = (v: MeetingValues) =>
    void run({
      id,
      heldAt: v.heldAt.format(),
      place: v.place,
      participants: TOPIC_PARTICIPANT_KINDS.filter((k) => (v.counts?.[k] ?? 0) > 0).map((k) => ({
        kind: k,
        count: v.counts[k] as number,
      })),
      headcount: v.headcount,
      minutes: v.minutes,
      outcome: v.outcome,
      referral: v.outcome === 'referred' ? { kind: v.referralKind ?? 'case', ref: v.referralRef ?? '' } : undefined,
      plan:
        v.outcome === 'agreed'
          ? { what: v.planWhat ?? '', unit: v.planUnit ?? '', dueOn: v.planDue?.format('YYYY-MM-DD') ?? '' }
          : undefined,
    });
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 760 }}
      initialValues={{ outcome: 'agreed', heldAt: dayjs() }}
      onFinish={submit}
      data-testid="topic-meeting-form"
    >
      <Space wrap>
        <Form.Item name="heldAt" label={t('form.heldAt')} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="topic-held-at" />
        </Form.Item>
        <Form.Item name="place" label={t('form.place')} rules={[{ required: true, max: TOPIC_LIMITS.placeMax }]}>
          <Input style={{ width: 320 }} data-testid="topic-place" />
        </Form.Item>
      </Space>
      <Space wrap>
        {TOPIC_PARTICIPANT_KINDS.map((k) => (
          <Form.Item key={k} name={['counts', k]} label={t(`participants.${k}`)}>
            <InputNumber min={0} max={TOPIC_LIMITS.participantsMax} precision={0} data-testid={`topic-count-${k}`} />
          </Form.Item>
        ))}
        <Form.Item name="headcount" label={t('form.headcount')} rules={[{ required: true }]}>
          <InputNumber min={0} max={TOPIC_LIMITS.participantsMax} precision={0} data-testid="topic-headcount" />
        </Form.Item>
      </Space>
      <Form.Item
        name="minutes"
        label={t('form.minutes')}
        rules={[{ required: true, min: 2, max: TOPIC_LIMITS.textMax }]}
      >
        <Input.TextArea rows={4} data-testid="topic-minutes" />
      </Form.Item>
      <Form.Item name="outcome" label={t('form.outcome')} rules={[{ required: true }]}>
        <Select
          style={{ width: 200 }}
          options={TOPIC_OUTCOMES.map((o) => ({ value: o, label: t(`outcomes.${o}`) }))}
          data-testid="topic-outcome-select"
        />
      </Form.Item>
      {outcome === 'referred' && (
        <Space wrap>
          <Form.Item name="referralKind" label={t('form.referralKind')} rules={[{ required: true }]}>
            <Select
              style={{ width: 200 }}
              options={TOPIC_REFERRALS.map((r) => ({ value: r, label: t(`referrals.${r}`) }))}
            />
          </Form.Item>
          <Form.Item name="referralRef" label={t('form.referralRef')} rules={[{ required: true, max: 100 }]}>
            <Input style={{ width: 240 }} />
          </Form.Item>
        </Space>
      )}
      {outcome === 'agreed' && (
        <>
          <Form.Item
            name="planWhat"
            label={t('form.planWhat')}
            rules={[{ required: true, min: 2, max: TOPIC_LIMITS.textMax }]}
          >
            <Input.TextArea rows={2} data-testid="topic-plan-what" />
          </Form.Item>
          <Space wrap>
            <Form.Item
              name="planUnit"
              label={t('form.planUnit')}
              rules={[{ required: true, max: TOPIC_LIMITS.placeMax }]}
            >
              <Input style={{ width: 280 }} data-testid="topic-plan-unit" />
            </Form.Item>
            <Form.Item name="planDue" label={t('form.planDue')} rules={[{ required: true }]}>
              <DatePicker data-testid="topic-plan-due" />
            </Form.Item>
          </Space>
        </>
      )}
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={pending} data-testid="topic-meeting-submit">
          {t('actions.record_meeting')}
        </Button>
      </Form.Item>
    </Form>
  );
}

/** The implementation's result, with photos. */
export function ImplementationForm({ id }: { id: string }) {
  const { t } = useTranslation(NS);
  const { run, pending } = useRun(useRecordImplementation());
  const [attachmentIds, setAttachmentIds] = useState<string[]>([]);
  return (
    <Form
      layout="vertical"
      style={{ maxWidth: 760 }}
      onFinish={(v: { result: string }) => void run({ id, result: v.result, attachmentIds })}
    >
      <Form.Item name="result" label={t('form.result')} rules={[{ required: true, min: 2, max: TOPIC_LIMITS.textMax }]}>
        <Input.TextArea rows={3} data-testid="topic-result" />
      </Form.Item>
      <Form.Item>
        <PhotoUpload onChange={setAttachmentIds} max={TOPIC_LIMITS.attachmentsMax} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={pending} data-testid="topic-implementation-submit">
        {t('actions.record_implementation')}
      </Button>
    </Form>
  );
}
