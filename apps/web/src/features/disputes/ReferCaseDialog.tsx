import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { DISPUTE_LIMITS, REPORT_LIMITS, type DisputeDetail } from '@gewu/domain';
import { notifyError, notifySuccess } from '../../app/notify.ts';
import { buttonTestId } from '../../components/testId.ts';
import { ItemSelect } from '../items/ItemSelect.tsx';
import { useReferCase } from './api.ts';

interface Values {
  itemCode?: string;
  description?: string;
  address?: string;
  note?: string;
}

/**
 * 转案件: what goes to the centre's case queue — the item of the catalogue, what is to be done (the
 * dispute's summary to start from) and where (the dispute's address; without a map position the case is
 * placed at the dispute's village or community) — and why (recorded on the dispute). The dispute goes on;
 * once filed, its detail shows the case among its links.
 */
export function ReferCaseDialog({ detail, onClose }: { detail: DisputeDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const refer = useReferCase(detail.id);
  const required = [{ required: true, whitespace: true, message: t('disputes.dialog.required') }];

  const onFinish = (v: Values) =>
    refer.mutate(
      {
        version: detail.version,
        itemCode: v.itemCode ?? '',
        description: v.description?.trim() ?? '',
        address: v.address?.trim() || undefined,
        note: v.note?.trim() ?? '',
      },
      {
        onSuccess: (r) => {
          notifySuccess(t(r.created ? 'disputes.refer.done' : 'disputes.refer.already', { code: r.case.code ?? '' }));
          onClose();
        },
        onError: (err) => notifyError(err),
      },
    );

  const label = t('disputes.actions.refer_case');
  return (
    <Modal
      open
      title={t('disputes.dialog.title', { action: label, code: detail.code })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={label}
      okButtonProps={buttonTestId('dispute-refer-ok')}
      confirmLoading={refer.isPending}
      destroyOnHidden
      data-testid="dispute-refer-dialog"
    >
      <Alert type="info" showIcon title={t('disputes.refer.hint')} style={{ marginBottom: 16 }} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          description: detail.summary.slice(0, REPORT_LIMITS.descriptionMax),
          address: detail.address ?? '',
        }}
      >
        <Form.Item name="itemCode" label={t('disputes.refer.item')} rules={required}>
          <ItemSelect specificOnly testId="dispute-refer-item" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('disputes.refer.description')}
          rules={[...required, { min: REPORT_LIMITS.descriptionMin, message: t('disputes.refer.descriptionMin') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={REPORT_LIMITS.descriptionMax}
            showCount
            data-testid="dispute-refer-description"
          />
        </Form.Item>
        <Form.Item
          name="address"
          label={t('disputes.refer.address')}
          extra={t('disputes.refer.place', { region: detail.regionName ?? '—' })}
        >
          <Input maxLength={REPORT_LIMITS.addressMax} data-testid="dispute-refer-address" />
        </Form.Item>
        <Form.Item name="note" label={t('disputes.refer.note')} rules={required}>
          <Input.TextArea rows={2} maxLength={DISPUTE_LIMITS.noteMax} data-testid="dispute-refer-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
