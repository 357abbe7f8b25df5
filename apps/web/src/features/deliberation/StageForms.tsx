import { useState } from 'react';
import { Alert, Button, Checkbox, DatePicker, Form, Input, InputNumber, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { BODY_RULES, DELIBERATION_LIMITS, PUBLICATION_TERMS } from '@gewu/domain';
import { notifyError, notifySuccess } from '../../app/notify.ts';
import { PhotoUpload } from '../attachments/PhotoUpload.tsx';
import { useStageOp, type StageView } from './api.ts';
import { liveOutcome } from './outcome.ts';
import { NS } from './i18n.ts';

/** Runs a stage operation, telling the user how it went (the server's Chinese message when refused). */
function useRun(matterId: string, s: StageView) {
  const { t } = useTranslation(NS);
  const op = useStageOp(matterId, s.stage);
  const run = async (input: Parameters<typeof op.mutateAsync>[0]) => {
    try {
      await op.mutateAsync(input);
      notifySuccess(t('saved'));
    } catch (err) {
      notifyError(err);
    }
  };
  return { run, pending: op.isPending };
}

/** 召集: when and where; the server freezes the body's roll as 应到. */
export function ConveneForm({ matterId, s }: { matterId: string; s: StageView }) {
  const { t } = useTranslation(NS);
  const { run, pending } = useRun(matterId, s);
  const [form] = Form.useForm<{ heldAt: Dayjs; place: string }>();
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{ heldAt: dayjs().second(0).millisecond(0) }}
      onFinish={(v) => void run({ op: 'convene', body: { heldAt: v.heldAt.format(), place: v.place } })}
      data-testid={`stage-${s.stage}-convene`}
    >
      <Form.Item name="heldAt" label={t('stage.heldAt')} rules={[{ required: true }]}>
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        />
      </Form.Item>
      <Form.Item name="place" label={t('stage.place')} rules={[{ required: true, max: 200 }]}>
        <Input data-testid="convene-place" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={pending} data-testid="convene-submit">
        {t('stage.convene')}
      </Button>
    </Form>
  );
}

interface RecordValues {
  present?: number | null;
  inFavour?: number | null;
  against?: number | null;
  abstaining?: number | null;
  attendance?: string[];
  minutes?: string;
  implementationDue?: Dayjs;
}

/**
 * 记录会议结果: 应到 is the roll frozen at convening; the verdict (quorum, majority) shows as the counts
 * are typed, from the domain's meetingOutcome — the same rule the server refuses by — and the submit
 * stays disabled, with the reason, while the meeting could not decide.
 */
export function RecordForm({ matterId, s }: { matterId: string; s: StageView }) {
  const { t } = useTranslation(NS);
  const { run, pending } = useRun(matterId, s);
  const [form] = Form.useForm<RecordValues>();
  const [attachmentIds, setAttachmentIds] = useState<string[]>([]);
  const values = Form.useWatch([], form) ?? {};
  const expected = s.expected ?? 0;
  const body = s.body ?? 'party_branch';
  const outcome = liveOutcome(body, s.basis ?? 'members', expected, {
    ...values,
    listed: values.attendance?.length ?? 0,
  });
  const resolution = s.stage === 'resolution';
  const minutesMissing = !values.minutes?.trim();
  const dueMissing = resolution && !values.implementationDue;
  const blocked = outcome.verdict !== 'passed';
  const reason = blocked
    ? t(`outcome.${outcome.verdict}`, {
        expected,
        needed: outcome.verdict === 'not_quorate' ? outcome.quorumNeeded : outcome.majorityNeeded,
        listed: values.attendance?.length ?? 0,
      })
    : minutesMissing
      ? t('stage.minutes')
      : dueMissing
        ? t('stage.implementationDue')
        : null;

  const submit = (v: RecordValues) =>
    void run({
      op: 'record',
      body: {
        present: v.present ?? 0,
        inFavour: v.inFavour ?? 0,
        against: v.against ?? 0,
        abstaining: v.abstaining ?? 0,
        attendance: v.attendance ?? [],
        minutes: v.minutes ?? '',
        attachmentIds,
        implementationDue: resolution ? v.implementationDue?.format('YYYY-MM-DD') : undefined,
      },
    });

  const count = (name: keyof RecordValues, label: string) => (
    <Form.Item name={name} label={label}>
      <InputNumber min={0} precision={0} style={{ width: 96 }} data-testid={`record-${name}`} />
    </Form.Item>
  );

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={resolution ? { implementationDue: dayjs().add(30, 'day') } : {}}
      data-testid={`stage-${s.stage}-record`}
    >
      <Typography.Paragraph type="secondary">
        {t('stage.rollFrozen', { n: expected })} · {BODY_RULES[body].source}
      </Typography.Paragraph>
      <Space wrap size={16} align="start">
        <Form.Item label={t('stage.expected')}>
          <InputNumber value={expected} disabled style={{ width: 96 }} data-testid="record-expected" />
        </Form.Item>
        {count('present', t('stage.present'))}
        {count('inFavour', t('stage.inFavour'))}
        {count('against', t('stage.against'))}
        {count('abstaining', t('stage.abstaining'))}
      </Space>
      <Alert
        style={{ marginBottom: 16 }}
        showIcon
        type={outcome.verdict === 'passed' ? 'success' : outcome.quorate ? 'warning' : 'error'}
        data-testid="record-outcome"
        data-verdict={outcome.verdict}
        title={outcome.verdict === 'passed' ? t('outcome.passed') : reason}
        description={t('outcome.needs', { quorum: outcome.quorumNeeded, majority: outcome.majorityNeeded })}
      />
      {s.roll.length > 0 && (
        <Form.Item name="attendance" label={t('stage.attendance')}>
          <Checkbox.Group
            data-testid="record-attendance"
            options={s.roll.map((r) => ({ value: r.id, label: r.label }))}
            onChange={(ids) => form.setFieldValue('present', ids.length)}
          />
        </Form.Item>
      )}
      <Form.Item name="minutes" label={t('stage.minutes')} rules={[{ required: true }]}>
        <Input.TextArea rows={4} maxLength={DELIBERATION_LIMITS.textMax} data-testid="record-minutes" />
      </Form.Item>
      {resolution && (
        <Form.Item name="implementationDue" label={t('stage.implementationDue')} rules={[{ required: true }]}>
          <DatePicker data-testid="record-due" disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
      )}
      <Form.Item label={t('stage.attachments')}>
        <PhotoUpload max={DELIBERATION_LIMITS.attachmentsMax} onChange={setAttachmentIds} testId="record-attachments" />
      </Form.Item>
      <Tooltip title={reason}>
        <Button type="primary" htmlType="submit" disabled={!!reason} loading={pending} data-testid="record-submit">
          {t('stage.record')}
        </Button>
      </Tooltip>
      {reason && (
        <Typography.Text type="danger" style={{ marginLeft: 12 }} data-testid="record-blocked">
          {reason}
        </Typography.Text>
      )}
    </Form>
  );
}

/** 决议公开 / 实施结果公开: the notice, how long it stays up (at least 7 days), attachments. */
export function PublishForm({ matterId, s }: { matterId: string; s: StageView }) {
  const { t } = useTranslation(NS);
  const { run, pending } = useRun(matterId, s);
  const [attachmentIds, setAttachmentIds] = useState<string[]>([]);
  return (
    <Form<{ noticeText: string; noticeEndsOn: Dayjs }>
      layout="vertical"
      initialValues={{ noticeEndsOn: dayjs().add(PUBLICATION_TERMS.minimumNoticeDays, 'day') }}
      onFinish={(v) =>
        void run({
          op: 'publish',
          body: { noticeText: v.noticeText, noticeEndsOn: v.noticeEndsOn.format('YYYY-MM-DD'), attachmentIds },
        })
      }
      data-testid={`stage-${s.stage}-publish`}
    >
      <Typography.Paragraph type="secondary">{PUBLICATION_TERMS.source}</Typography.Paragraph>
      <Form.Item name="noticeText" label={t('stage.noticeText')} rules={[{ required: true }]}>
        <Input.TextArea rows={4} maxLength={DELIBERATION_LIMITS.textMax} data-testid="publish-text" />
      </Form.Item>
      <Form.Item name="noticeEndsOn" label={t('stage.noticeEndsOn')} rules={[{ required: true }]}>
        <DatePicker data-testid="publish-ends" />
      </Form.Item>
      <Form.Item label={t('stage.attachments')}>
        <PhotoUpload
          max={DELIBERATION_LIMITS.attachmentsMax}
          onChange={setAttachmentIds}
          testId="publish-attachments"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={pending} data-testid="publish-submit">
        {t('stage.publish')}
      </Button>
    </Form>
  );
}
