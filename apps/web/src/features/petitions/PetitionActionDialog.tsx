import { useState } from 'react';
import { Alert, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import {
  PETITION_LIMITS,
  REVIEW_OUTCOMES,
  type PetitionActionBody,
  type PetitionCommand,
  type PetitionDetail,
  type PetitionFindings,
  petitionIntakeRoute,
} from '@gewu/domain';
import { isApiError } from '../../app/api.ts';
import { notifyError, notifySuccess } from '../../app/notify.ts';
import { useCurrentUser } from '../../app/session.ts';
import { PETITIONS_KEY, petitionKey, usePetitionAction } from './api.ts';
import { chinaToday } from './bits.tsx';

const FINDINGS = [
  'refiledAfterReexamination',
  'lawRelated',
  'belongsToArbitration',
  'belongsToAdministrativeReview',
  'belongsToLitigation',
  'disciplinaryComplaint',
  'outsideCompetence',
] as const satisfies readonly (keyof PetitionFindings)[];

type Values = Record<string, unknown> & {
  findings?: string[];
  range?: [Dayjs, Dayjs];
  deliveredOn?: Dayjs;
  receivedOn?: Dayjs;
};

const day = (d: Dayjs | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** The request body of a command from the dialog's values. */
function bodyOf(command: PetitionCommand, version: number, v: Values): PetitionActionBody {
  const note = text(v.note);
  switch (command) {
    case 'intake':
      return {
        action: 'intake',
        version,
        findings: Object.fromEntries((v.findings ?? []).map((f) => [f, true])),
        destination: text(v.destination),
        lateReason: text(v.lateReason),
        note,
      };
    case 'extend':
      return {
        action: 'extend',
        version,
        days: Number(v.days),
        reason: String(v.reason ?? '').trim(),
        approverUserId: text(v.approverUserId),
        note,
      };
    case 'record_hearing':
      return {
        action: 'record_hearing',
        version,
        start: v.range?.[0].toISOString() ?? '',
        end: v.range?.[1].toISOString() ?? '',
        place: String(v.place ?? '').trim(),
        note,
      };
    case 'request_review':
    case 'request_reexamination':
      return { action: command, version, receivedOn: day(v.receivedOn), note };
    case 'reply':
    case 'decide_review':
    case 'decide_reexamination': {
      const opinion = {
        facts: String(v.facts ?? '').trim(),
        opinion: String(v.opinion ?? '').trim(),
        basis: String(v.basis ?? '').trim(),
        deliveredOn: day(v.deliveredOn),
        note,
      };
      if (command === 'reply') return { action: 'reply', version, ...opinion, reviewBody: text(v.reviewBody) };
      if (command === 'decide_review')
        return {
          action: 'decide_review',
          version,
          ...opinion,
          outcome: v.outcome as 'upheld',
          reviewBody: text(v.reviewBody),
        };
      return { action: 'decide_reexamination', version, ...opinion, outcome: v.outcome as 'upheld' };
    }
    case 'take':
      return { action: 'take', version, note };
    case 'supervise':
      return { action: 'supervise', version, note };
  }
}

interface Props {
  detail: PetitionDetail;
  command: PetitionCommand;
  onClose: () => void;
}

/** One action on the petition, as a form in a dialog; the server's refusal is shown as it says it. */
export function PetitionActionDialog({ detail: p, command, onClose }: Props) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const mutation = usePetitionAction(p.id);
  const [form] = Form.useForm<Values>();
  const [version] = useState(p.version);
  const [openedAt] = useState(() => Date.now());
  const findings = (Form.useWatch('findings', form) ?? []) as string[];
  const destination = Form.useWatch('destination', form) as string | undefined;
  const late = p.stage === 'intake' && p.stageDeadline !== null && openedAt > Date.parse(p.stageDeadline);
  const isLeader = user.roles.includes('leader');
  const label = t(`petitions.actions.${command}`);

  const submit = (v: Values) =>
    mutation.mutate(bodyOf(command, version, v), {
      onSuccess: () => {
        notifySuccess(t('petitions.dialog.done', { action: label }));
        onClose();
      },
      onError: (err) => {
        notifyError(err);
        if (isApiError(err) && err.status === 409) {
          void queryClient.invalidateQueries({ queryKey: petitionKey(p.id) });
          void queryClient.invalidateQueries({ queryKey: PETITIONS_KEY });
          onClose();
        }
      },
    });

  const route = command === 'intake' ? petitionIntakeRoute(Object.fromEntries(findings.map((f) => [f, true]))) : null;
  const opinionFields = (
    <>
      <Form.Item name="facts" label={t('petitions.dialog.facts')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={3} maxLength={4000} data-testid="petition-facts" />
      </Form.Item>
      <Form.Item name="opinion" label={t('petitions.dialog.opinion')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={3} maxLength={4000} data-testid="petition-opinion" />
      </Form.Item>
      <Form.Item name="basis" label={t('petitions.dialog.basis')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={2} maxLength={4000} data-testid="petition-basis" />
      </Form.Item>
      <Form.Item name="deliveredOn" label={t('petitions.dialog.deliveredOn')}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
    </>
  );

  return (
    <Modal
      open
      title={label}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('petitions.dialog.submit')}
      cancelText={t('petitions.dialog.cancel')}
      confirmLoading={mutation.isPending}
      width={640}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'petition-dialog-ok' } as Record<`data-${string}`, string>}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          findings: p.refilingBar ? ['refiledAfterReexamination'] : [],
          days: Math.min(30, PETITION_LIMITS.extension.amount - p.extensionDays) || 1,
          deliveredOn: dayjs(),
          receivedOn: dayjs(),
          outcome: 'upheld',
          approverUserId: isLeader ? undefined : p.approvers[0]?.id,
        }}
        data-testid={`petition-dialog-${command}`}
      >
        {command === 'intake' && route && (
          <>
            <Typography.Paragraph type="secondary">{t('petitions.findings.hint')}</Typography.Paragraph>
            <Form.Item name="findings">
              <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
                {FINDINGS.map((f) => (
                  <Checkbox key={f} value={f} data-testid={`petition-finding-${f}`}>
                    {t(`petitions.findings.${f}`)}
                  </Checkbox>
                ))}
              </Checkbox.Group>
            </Form.Item>
            <Alert
              type={route.route === 'accept' ? 'success' : 'warning'}
              showIcon
              data-testid="petition-route-preview"
              title={t('petitions.dialog.routePreview', { route: t(`petitions.routes.${route.route}`) })}
              description={
                <Space orientation="vertical" size={2}>
                  <Typography.Text type="secondary">{t('petitions.dialog.noticePreview')}</Typography.Text>
                  <Typography.Text>
                    {t(
                      route.route === 'accept'
                        ? 'petitions.notices.accepted'
                        : (route.noticeKey as 'petitions.notices.to_litigation'),
                      {
                        issuedOn: chinaToday(openedAt),
                        destination: destination || '……',
                      },
                    )}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {route.basis}
                  </Typography.Text>
                </Space>
              }
            />
            {route.route === 'transfer_to_competent_body' && (
              <Form.Item
                name="destination"
                label={t('petitions.dialog.destination')}
                style={{ marginTop: 12 }}
                rules={[{ required: route.body === 'competent_body', whitespace: true }]}
              >
                <Input maxLength={100} placeholder={t('petitions.dialog.destinationPlaceholder')} />
              </Form.Item>
            )}
            {late && (
              <Form.Item
                name="lateReason"
                label={t('petitions.dialog.lateReason')}
                style={{ marginTop: 12 }}
                rules={[{ required: true, whitespace: true }]}
              >
                <Input.TextArea rows={2} maxLength={2000} data-testid="petition-late-reason" />
              </Form.Item>
            )}
          </>
        )}
        {command === 'extend' && (
          <>
            <Form.Item
              name="days"
              label={t('petitions.dialog.days')}
              extra={t('petitions.dialog.daysMax', { count: PETITION_LIMITS.extension.amount - p.extensionDays })}
              rules={[{ required: true }]}
            >
              <InputNumber min={1} max={PETITION_LIMITS.extension.amount} precision={0} data-testid="petition-days" />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('petitions.dialog.reason')}
              rules={[{ required: true, whitespace: true, min: 2 }]}
            >
              <Input.TextArea rows={2} maxLength={500} data-testid="petition-reason" />
            </Form.Item>
            {isLeader ? (
              <Typography.Paragraph type="secondary">{t('petitions.dialog.selfApproved')}</Typography.Paragraph>
            ) : (
              <Form.Item name="approverUserId" label={t('petitions.dialog.approver')} rules={[{ required: true }]}>
                <Select
                  options={p.approvers.map((a) => ({ value: a.id, label: a.name }))}
                  data-testid="petition-approver"
                />
              </Form.Item>
            )}
          </>
        )}
        {command === 'record_hearing' && (
          <>
            <Typography.Paragraph type="secondary">{t('petitions.dialog.hearingHint')}</Typography.Paragraph>
            <Form.Item
              name="range"
              label={`${t('petitions.dialog.start')} – ${t('petitions.dialog.end')}`}
              rules={[{ required: true }]}
            >
              <DatePicker.RangePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: '100%' }}
              />
            </Form.Item>
            <Form.Item name="place" label={t('petitions.dialog.place')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
        {command === 'reply' && (
          <>
            {opinionFields}
            <Form.Item name="reviewBody" label={t('petitions.dialog.reviewBody')}>
              <Input maxLength={100} />
            </Form.Item>
          </>
        )}
        {(command === 'decide_review' || command === 'decide_reexamination') && (
          <>
            <Form.Item name="outcome" label={t('petitions.dialog.outcome')} rules={[{ required: true }]}>
              <Radio.Group
                options={REVIEW_OUTCOMES.map((o) => ({ value: o, label: t(`petitions.outcomes.${o}`) }))}
                data-testid="petition-outcome"
              />
            </Form.Item>
            {opinionFields}
            {command === 'decide_review' && (
              <Form.Item name="reviewBody" label={t('petitions.dialog.reexaminationBody')}>
                <Input maxLength={100} />
              </Form.Item>
            )}
          </>
        )}
        {(command === 'request_review' || command === 'request_reexamination') && (
          <Form.Item
            name="receivedOn"
            label={t('petitions.dialog.receivedOn')}
            extra={p.windowLastDay ? t('petitions.dialog.receivedOnHint', { lastDay: p.windowLastDay }) : undefined}
            rules={[{ required: true }]}
          >
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              data-testid="petition-received-on"
            />
          </Form.Item>
        )}
        {command === 'take' && <Typography.Paragraph>{t('petitions.dialog.takeConfirm')}</Typography.Paragraph>}
        <Form.Item
          name="note"
          label={command === 'supervise' ? t('petitions.dialog.superviseNote') : t('petitions.dialog.note')}
          rules={command === 'supervise' ? [{ required: true, whitespace: true }] : []}
        >
          <Input.TextArea rows={2} maxLength={2000} data-testid="petition-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
