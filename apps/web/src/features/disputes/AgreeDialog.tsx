import { Button, Checkbox, DatePicker, Form, Input, Modal, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DISPUTE_LIMITS, type DisputeDetail } from '@gewu/domain';
import { buttonTestId } from '../../components/testId.ts';
import { PhotoUpload } from '../attachments/PhotoUpload.tsx';
import { partyLabel } from './parties.ts';
import { useRunDisputeAction } from './useRunDisputeAction.ts';

interface Values {
  partyIds: string[];
  facts: string;
  terms: { text: string; dueDate?: Dayjs | null }[];
  effectiveAt: Dayjs;
  note?: string;
  attachmentIds?: string[];
}

/**
 * 达成调解协议 (人民调解法 arts. 28–29): the parties who sign (both sides), the facts and the matters in
 * dispute, the terms each with its performance date, and when it took effect — from which the 30 days
 * for 司法确认 run. The 人民调解协议书 is printed from exactly this.
 */
export function AgreeDialog({ detail, onClose }: { detail: DisputeDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { run, pending } = useRunDisputeAction(detail, onClose);
  const principals = detail.parties.filter((p) => p.role === 'principal').map((p) => p.id);

  const onFinish = (v: Values) =>
    run('agree', {
      partyIds: v.partyIds,
      facts: v.facts.trim(),
      terms: v.terms
        .filter((x) => x.text?.trim())
        .map((x) => ({ text: x.text.trim(), dueDate: x.dueDate ? x.dueDate.format('YYYY-MM-DD') : null })),
      effectiveAt: v.effectiveAt.toISOString(),
      note: v.note?.trim() || undefined,
      attachmentIds: v.attachmentIds ?? [],
    });

  return (
    <Modal
      open
      width={760}
      title={t('disputes.dialog.title', { action: t('disputes.actions.agree'), code: detail.code })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('disputes.actions.agree')}
      okButtonProps={buttonTestId('dispute-dialog-ok')}
      confirmLoading={pending}
      destroyOnHidden
      data-testid="dispute-dialog-agree"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ partyIds: principals, facts: detail.summary, terms: [{ text: '' }], effectiveAt: dayjs() }}
      >
        <Form.Item
          name="partyIds"
          label={t('disputes.agreement.parties')}
          rules={[{ required: true, type: 'array', min: 2, message: t('disputes.agreement.partiesRequired') }]}
        >
          <Checkbox.Group
            options={detail.parties.map((p) => ({ value: p.id, label: partyLabel(t, p) }))}
            data-testid="dispute-agree-parties"
          />
        </Form.Item>
        <Form.Item
          name="facts"
          label={t('disputes.agreement.facts')}
          rules={[{ required: true, whitespace: true, message: t('disputes.agreement.factsRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={DISPUTE_LIMITS.summaryMax} showCount data-testid="dispute-agree-facts" />
        </Form.Item>
        <Form.List
          name="terms"
          rules={[
            {
              validator: (_r, terms: Values['terms']) =>
                terms?.some((x) => x?.text?.trim())
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('disputes.agreement.termsRequired'))),
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Form.Item label={t('disputes.agreement.terms')} required>
              {fields.map((field, i) => (
                <Space
                  key={field.key}
                  align="start"
                  style={{ display: 'flex' }}
                  data-testid={`dispute-agree-term-${i}`}
                >
                  <Form.Item name={[field.name, 'text']} style={{ width: 460, marginBottom: 8 }}>
                    <Input.TextArea
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      maxLength={2000}
                      placeholder={t('disputes.agreement.termPlaceholder', { n: i + 1 })}
                      data-testid={`dispute-agree-term-text-${i}`}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'dueDate']} style={{ marginBottom: 8 }}>
                    <DatePicker
                      placeholder={t('disputes.agreement.dueDate')}
                      disabledDate={(d) => d.isBefore(dayjs(), 'day')}
                      data-testid={`dispute-agree-term-due-${i}`}
                    />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={t('disputes.agreement.removeTerm')}
                      onClick={() => remove(field.name)}
                    />
                  )}
                </Space>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ text: '' })}
                disabled={fields.length >= DISPUTE_LIMITS.termsMax}
                data-testid="dispute-agree-add-term"
              >
                {t('disputes.agreement.addTerm')}
              </Button>
              <Form.ErrorList errors={errors} />
            </Form.Item>
          )}
        </Form.List>
        <Form.Item
          name="effectiveAt"
          label={t('disputes.agreement.effectiveAt')}
          extra={t('disputes.agreement.effectiveHint')}
          rules={[{ required: true, message: t('disputes.dialog.required') }]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            needConfirm={false}
            format="YYYY-MM-DD HH:mm"
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            data-testid="dispute-agree-effective"
          />
        </Form.Item>
        <Form.Item name="note" label={t('disputes.dialog.noteOptional')}>
          <Input.TextArea rows={2} maxLength={DISPUTE_LIMITS.noteMax} data-testid="dispute-dialog-note" />
        </Form.Item>
        <Form.Item name="attachmentIds" label={t('disputes.dialog.photos')}>
          <PhotoUpload max={DISPUTE_LIMITS.attachmentsMax} testId="dispute-dialog-photos" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
