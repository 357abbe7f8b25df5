import { Checkbox, DatePicker, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  CONFIRMATION_RESULTS,
  DECLINE_CHANNELS,
  DISPUTE_LIMITS,
  DISPUTE_RISKS,
  GUIDED_PATHS,
  PERFORMANCE_RESULTS,
  type DisputeAction,
  type DisputeDetail,
} from '@gewu/domain';
import { buttonTestId } from '../../components/testId.ts';
import { PhotoUpload } from '../attachments/PhotoUpload.tsx';
import { disputeActionForm } from './actions.ts';
import { MediatorSelect } from './MediatorSelect.tsx';
import { partyLabel } from './parties.ts';
import { StaffSelect } from './StaffSelect.tsx';
import { useRunDisputeAction, type DisputeExtras } from './useRunDisputeAction.ts';

interface Values {
  note?: string;
  attachmentIds?: string[];
  channel?: string;
  mediatorUserId?: string;
  heldAt?: Dayjs;
  place?: string;
  attendeePartyIds?: string[];
  otherAttendees?: string[];
  guidedPath?: string;
  court?: string;
  appliedAt?: Dayjs;
  result?: string;
  decidedAt?: Dayjs;
  rulingNo?: string;
  performance?: string;
  risk?: string;
  civilToCriminal?: boolean;
  stabilityUserId?: string | null;
}

const iso = (d: Dayjs | undefined) => d?.toISOString();
const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

/** What each action sends besides its note (and photos), from the form's values. */
function extrasOf(action: DisputeAction, v: Values): DisputeExtras {
  switch (action) {
    case 'decline':
      return { channel: v.channel };
    case 'assign':
    case 'reassign':
      return { mediatorUserId: v.mediatorUserId };
    case 'record_session':
      return {
        heldAt: iso(v.heldAt),
        place: v.place?.trim(),
        attendeePartyIds: v.attendeePartyIds ?? [],
        otherAttendees: (v.otherAttendees ?? []).map((s) => s.trim()).filter(Boolean),
      };
    case 'fail':
      return { guidedPath: v.guidedPath };
    case 'apply_confirmation':
      return { court: v.court?.trim(), appliedAt: iso(v.appliedAt) };
    case 'record_confirmation':
      return { result: v.result, decidedAt: iso(v.decidedAt), rulingNo: v.rulingNo?.trim() || undefined };
    case 'follow_up':
      return { performance: v.performance };
    case 'assess_risk':
      return { risk: v.risk, civilToCriminal: !!v.civilToCriminal, stabilityUserId: v.stabilityUserId ?? null };
    default:
      return {};
  }
}

/**
 * The dialog of every action but diversion and the agreement: a note (required where DISPUTE_LIFE
 * says so) and what the action needs — the channel of a refusal, the mediator (with their load), the
 * session's time, place and who attended, the path the parties are guided to, the court and its
 * ruling, how far the agreement was performed, the risk assessment, the signed agreement's scans.
 */
export function DisputeActionDialog({
  detail,
  action,
  onClose,
}: {
  detail: DisputeDetail;
  action: DisputeAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const spec = disputeActionForm(action);
  const { run, pending } = useRunDisputeAction(detail, onClose);
  const risk = Form.useWatch('risk', form);
  const label = t(`disputes.actions.${action}`);
  const scans = action === 'attach_signed_agreement';
  const required = (msg = t('disputes.dialog.required')) => [{ required: true, message: msg }];

  const onFinish = (v: Values) => {
    const extras: DisputeExtras = { note: v.note?.trim() || undefined, ...extrasOf(action, v) };
    if (spec.photos || scans) extras.attachmentIds = v.attachmentIds ?? [];
    run(action, extras);
  };

  return (
    <Modal
      open
      title={t('disputes.dialog.title', { action: label, code: detail.code })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={label}
      okButtonProps={{ ...buttonTestId('dispute-dialog-ok'), danger: spec.danger }}
      confirmLoading={pending}
      destroyOnHidden
      data-testid={`dispute-dialog-${action}`}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          heldAt: dayjs(),
          attendeePartyIds: detail.parties.map((p) => p.id),
          risk: detail.risk,
          civilToCriminal: detail.civilToCriminal,
          stabilityUserId: detail.stabilityUser?.id ?? null,
        }}
      >
        {action === 'decline' && (
          <Form.Item name="channel" label={t('disputes.dialog.channel')} rules={required()}>
            <Select
              options={DECLINE_CHANNELS.map((c) => ({ value: c, label: t(`disputes.paths.${c}`) }))}
              data-testid="dispute-dialog-channel"
            />
          </Form.Item>
        )}
        {(action === 'assign' || action === 'reassign') && (
          <Form.Item name="mediatorUserId" label={t('disputes.fields.mediator')} rules={required()}>
            <MediatorSelect
              organisationId={detail.organisationId}
              exclude={action === 'reassign' ? detail.mediatorUserId : null}
              testId="dispute-dialog-mediator"
            />
          </Form.Item>
        )}
        {action === 'record_session' && (
          <>
            <Form.Item name="heldAt" label={t('disputes.session.heldAt')} rules={required()}>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                needConfirm={false}
                format="YYYY-MM-DD HH:mm"
                disabledDate={notFuture}
                data-testid="dispute-dialog-held-at"
              />
            </Form.Item>
            <Form.Item
              name="place"
              label={t('disputes.session.place')}
              rules={[{ required: true, whitespace: true, message: t('disputes.dialog.required') }]}
            >
              <Input maxLength={200} data-testid="dispute-dialog-place" />
            </Form.Item>
            <Form.Item name="attendeePartyIds" label={t('disputes.session.attendees')}>
              <Checkbox.Group
                options={detail.parties.map((p) => ({ value: p.id, label: partyLabel(t, p) }))}
                data-testid="dispute-dialog-attendees"
              />
            </Form.Item>
            <Form.Item name="otherAttendees" label={t('disputes.session.otherAttendees')}>
              <Select
                mode="tags"
                open={false}
                maxCount={DISPUTE_LIMITS.attendeesMax}
                placeholder={t('disputes.session.otherAttendeesHint')}
                data-testid="dispute-dialog-others"
              />
            </Form.Item>
          </>
        )}
        {action === 'fail' && (
          <Form.Item name="guidedPath" label={t('disputes.dialog.guidedPath')} rules={required()}>
            <Select
              options={GUIDED_PATHS.map((c) => ({ value: c, label: t(`disputes.paths.${c}`) }))}
              data-testid="dispute-dialog-guided-path"
            />
          </Form.Item>
        )}
        {action === 'escalate' && (
          <Typography.Paragraph type="secondary">{t('disputes.dialog.escalateHint')}</Typography.Paragraph>
        )}
        {action === 'apply_confirmation' && (
          <>
            {detail.confirmationDeadline && (
              <Typography.Paragraph type="secondary" data-testid="dispute-dialog-window">
                {t('disputes.dialog.confirmationWindow', {
                  deadline: dayjs(detail.confirmationDeadline).format('YYYY-MM-DD HH:mm'),
                })}
              </Typography.Paragraph>
            )}
            <Form.Item
              name="court"
              label={t('disputes.dialog.court')}
              rules={[{ required: true, whitespace: true, min: 2, message: t('disputes.dialog.required') }]}
            >
              <Input maxLength={100} placeholder={t('disputes.dialog.courtHint')} data-testid="dispute-dialog-court" />
            </Form.Item>
            <Form.Item name="appliedAt" label={t('disputes.dialog.appliedAt')} extra={t('disputes.dialog.nowIfEmpty')}>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                needConfirm={false}
                format="YYYY-MM-DD HH:mm"
                disabledDate={notFuture}
              />
            </Form.Item>
          </>
        )}
        {action === 'record_confirmation' && (
          <>
            <Form.Item name="result" label={t('disputes.dialog.result')} rules={required()}>
              <Radio.Group data-testid="dispute-dialog-result">
                {CONFIRMATION_RESULTS.map((r) => (
                  <Radio.Button key={r} value={r}>
                    <span data-testid={`dispute-dialog-result-${r}`}>{t(`disputes.confirmationResults.${r}`)}</span>
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
            <Form.Item name="rulingNo" label={t('disputes.dialog.rulingNo')}>
              <Input maxLength={100} placeholder="（2026）豫0104民特88号" data-testid="dispute-dialog-ruling" />
            </Form.Item>
            <Form.Item name="decidedAt" label={t('disputes.dialog.decidedAt')} extra={t('disputes.dialog.nowIfEmpty')}>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                needConfirm={false}
                format="YYYY-MM-DD HH:mm"
                disabledDate={notFuture}
              />
            </Form.Item>
          </>
        )}
        {action === 'follow_up' && (
          <Form.Item name="performance" label={t('disputes.fields.performance')} rules={required()}>
            <Radio.Group data-testid="dispute-dialog-performance">
              {PERFORMANCE_RESULTS.map((r) => (
                <Radio.Button key={r} value={r}>
                  <span data-testid={`dispute-dialog-performance-${r}`}>{t(`disputes.performance.${r}`)}</span>
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
        )}
        {action === 'assess_risk' && (
          <>
            <Form.Item name="risk" label={t('disputes.fields.risk')} rules={required()}>
              <Radio.Group data-testid="dispute-dialog-risk">
                {DISPUTE_RISKS.map((r) => (
                  <Radio.Button key={r} value={r}>
                    {t(`disputes.risks.${r}`)}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
            <Form.Item name="civilToCriminal" valuePropName="checked">
              <Checkbox data-testid="dispute-dialog-c2c">{t('disputes.fields.civilToCriminal')}</Checkbox>
            </Form.Item>
            <Form.Item
              name="stabilityUserId"
              label={t('disputes.fields.stabilityUser')}
              rules={risk === 'major' ? required(t('disputes.register.stabilityRequired')) : []}
            >
              <StaffSelect testId="dispute-dialog-stability" />
            </Form.Item>
          </>
        )}
        {scans ? (
          <Form.Item
            name="attachmentIds"
            label={t('disputes.documents.signedScans')}
            extra={t('disputes.documents.scanHint')}
            rules={[{ required: true, type: 'array', min: 1, message: t('disputes.documents.scanRequired') }]}
          >
            <PhotoUpload max={DISPUTE_LIMITS.attachmentsMax} testId="dispute-dialog-scans" />
          </Form.Item>
        ) : (
          <Form.Item
            name="note"
            label={
              spec.noteRequired ? t(`disputes.dialog.noteFor.${noteKind(action)}`) : t('disputes.dialog.noteOptional')
            }
            rules={
              spec.noteRequired
                ? [{ required: true, whitespace: true, message: t('disputes.dialog.noteRequired') }]
                : []
            }
          >
            <Input.TextArea
              rows={action === 'record_session' ? 5 : 3}
              maxLength={DISPUTE_LIMITS.noteMax}
              showCount
              data-testid="dispute-dialog-note"
            />
          </Form.Item>
        )}
        {spec.photos && (
          <Form.Item name="attachmentIds" label={t('disputes.dialog.photos')}>
            <PhotoUpload max={DISPUTE_LIMITS.attachmentsMax} testId="dispute-dialog-photos" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** The note's label: a session's record, a follow-up's findings, otherwise a reason. */
function noteKind(action: DisputeAction): 'session' | 'followUp' | 'reason' {
  return action === 'record_session' ? 'session' : action === 'follow_up' ? 'followUp' : 'reason';
}
