import { DatePicker, Form, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { SPECIAL_KINDS, type SpecialInput } from '@gewu/domain';
import { notifySuccess } from '../../app/notify.ts';
import { buttonTestId } from '../../components/testId.ts';
import { useCreateSpecial } from './api.ts';
import { ResidentPicker } from './ResidentPicker.tsx';

type Values = Omit<SpecialInput, 'nextVisitDue'> & { nextVisitDue?: Dayjs };

/** 登记特殊人群: a registered person, the kind, risk level, helpers and visit frequency. */
export function CreateSpecialDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateSpecial();
  const required = { required: true, message: t('people.required') };

  const onFinish = (v: Values) =>
    create.mutate(
      { ...v, helperGroup: v.helperGroup ?? [], nextVisitDue: v.nextVisitDue?.format('YYYY-MM-DD') },
      {
        onSuccess: () => {
          notifySuccess(t('special.created'));
          onClose();
        },
      },
    );

  return (
    <Modal
      open
      title={t('special.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={create.isPending}
      okButtonProps={buttonTestId('special-create-submit')}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ riskLevel: 'low', visitIntervalDays: 30, helperGroup: [] }}
      >
        <Form.Item name="residentId" label={t('houses.person')} rules={[required]}>
          <ResidentPicker testId="special-person" />
        </Form.Item>
        <Form.Item name="kind" label={t('special.kind')} rules={[required]}>
          <Select options={SPECIAL_KINDS.map((k) => ({ value: k, label: t(`specialKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="riskLevel" label={t('special.riskLevel')} rules={[required]}>
          <Select options={(['low', 'medium', 'high'] as const).map((r) => ({ value: r, label: t(`risk.${r}`) }))} />
        </Form.Item>
        <Form.Item name="helperGroup" label={t('special.helperGroup')} extra={t('special.helperHint')}>
          <Select mode="tags" maxCount={10} open={false} />
        </Form.Item>
        <Form.Item name="visitIntervalDays" label={t('special.interval')} rules={[required]}>
          <InputNumber min={1} max={365} precision={0} />
        </Form.Item>
        <Form.Item name="nextVisitDue" label={t('special.nextVisitDue')}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
