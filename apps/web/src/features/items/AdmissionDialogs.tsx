import { useMemo } from 'react';
import { Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isAdmissible } from '@gewu/domain';
import { notifySuccess } from '../../app/notify.ts';
import { useCurrentUser } from '../../app/session.ts';
import { buttonTestId } from '../../components/testId.ts';
import { useRegions } from '../regions/api.ts';
import { useDecideAdmission, useItems, useProposeAdmission, useWithdrawAdmission, type AdmissionView } from './api.ts';

interface ProposeValues {
  itemCode: string;
  regionId: string;
  reason: string;
}

/** 提出准入: an admissible item (可下沉, not on the negative list) for the grids of a township or county in scope. */
export function ProposeAdmissionDialog({ itemCode, onClose }: { itemCode?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [form] = Form.useForm<ProposeValues>();
  const items = useItems();
  const regions = useRegions();
  const propose = useProposeAdmission();
  const itemOptions = useMemo(
    () =>
      (items.data ?? []).filter((i) => isAdmissible(i)).map((i) => ({ value: i.code, label: `${i.code} ${i.name}` })),
    [items.data],
  );
  const regionOptions = useMemo(
    () =>
      (regions.data ?? [])
        .filter((r) => r.level === 'township' || r.level === 'county')
        .map((r) => ({ value: r.id, label: `${r.name}（${r.code}）` })),
    [regions.data],
  );
  const ownRegion = user.region.level === 'township' || user.region.level === 'county' ? user.region.id : undefined;

  return (
    <Modal
      open
      title={t('cases.items.admissions.propose')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('cases.items.admissions.submit')}
      confirmLoading={propose.isPending}
      okButtonProps={buttonTestId('admission-propose-ok')}
      destroyOnHidden
      data-testid="admission-propose-dialog"
    >
      <Form<ProposeValues>
        form={form}
        layout="vertical"
        initialValues={{ itemCode, regionId: ownRegion }}
        onFinish={(v) =>
          propose.mutate(
            { ...v, reason: v.reason.trim() },
            {
              onSuccess: () => {
                notifySuccess(t('cases.items.admissions.proposed_ok'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="itemCode"
          label={t('cases.items.name')}
          rules={[{ required: true, message: t('cases.hotline.required') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={itemOptions}
            loading={items.isPending}
            data-testid="admission-item"
          />
        </Form.Item>
        <Form.Item
          name="regionId"
          label={t('cases.items.admissions.region')}
          rules={[{ required: true, message: t('cases.hotline.required') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={regionOptions}
            loading={regions.isPending}
            data-testid="admission-region"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('cases.items.admissions.reason')}
          rules={[{ required: true, whitespace: true, message: t('cases.dialog.noteRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="admission-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 审批: approve (note optional) or turn down (note required). */
export function DecideAdmissionDialog({
  admission,
  approve,
  onClose,
}: {
  admission: AdmissionView;
  approve: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note?: string }>();
  const decide = useDecideAdmission();
  const action = approve ? t('cases.items.admissions.approve') : t('cases.items.admissions.reject');
  return (
    <Modal
      open
      title={`${action}：${admission.itemCode} ${admission.itemName}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={action}
      confirmLoading={decide.isPending}
      okButtonProps={{ ...buttonTestId('admission-decide-ok'), danger: !approve }}
      destroyOnHidden
      data-testid="admission-decide-dialog"
    >
      <Typography.Paragraph type="secondary">
        {admission.regionName} · {admission.reason}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v: { note?: string }) =>
          decide.mutate(
            { id: admission.id, approve, note: v.note?.trim() || undefined },
            {
              onSuccess: () => {
                notifySuccess(t('cases.dialog.done', { action }));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="note"
          label={approve ? t('cases.dialog.noteOptional') : t('cases.dialog.note')}
          rules={approve ? [] : [{ required: true, whitespace: true, message: t('cases.dialog.noteRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="admission-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 退出: ends an active admission (the reason goes to the audit log). */
export function WithdrawAdmissionDialog({ admission, onClose }: { admission: AdmissionView; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const withdraw = useWithdrawAdmission();
  const action = t('cases.items.admissions.withdraw');
  return (
    <Modal
      open
      title={`${action}：${admission.itemCode} ${admission.itemName}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={action}
      confirmLoading={withdraw.isPending}
      okButtonProps={{ ...buttonTestId('admission-withdraw-ok'), danger: true }}
      destroyOnHidden
      data-testid="admission-withdraw-dialog"
    >
      <Typography.Paragraph type="secondary">
        {t('cases.items.admissions.withdrawHint', { region: admission.regionName })}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v: { reason: string }) =>
          withdraw.mutate(
            { id: admission.id, reason: v.reason.trim() },
            {
              onSuccess: () => {
                notifySuccess(t('cases.dialog.done', { action }));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="reason"
          label={t('cases.items.admissions.reason')}
          rules={[{ required: true, whitespace: true, message: t('cases.dialog.noteRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="admission-withdraw-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
