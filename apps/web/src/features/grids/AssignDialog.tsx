import { Alert, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { GRID_DUTIES, checkPhone, type AssignBody, type GridDuty } from '@gewu/domain';
import { notifySuccess } from '../../app/notify.ts';
import { buttonTestId } from '../../components/testId.ts';
import { useAssign } from './api.ts';

/** Assigns a person to one of the grid's duties (一格一警, 专职/兼职网格员 …). */
export function AssignDialog({ gridId, gridName, onClose }: { gridId: string; gridName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AssignBody>();
  const assign = useAssign();

  const onFinish = (v: AssignBody) => {
    assign.mutate(
      { gridId, duty: v.duty, personName: v.personName.trim(), phone: v.phone?.trim() || undefined },
      {
        onSuccess: () => {
          notifySuccess(t('grids.assigned', { name: v.personName.trim() }));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('grids.assignTitle', { name: gridName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={assign.isPending}
      okButtonProps={buttonTestId('grid-assign-submit')}
    >
      {assign.error && <Alert type="error" showIcon title={assign.error.message} style={{ marginBottom: 12 }} />}
      <Form<AssignBody> form={form} layout="vertical" onFinish={onFinish} initialValues={{ duty: 'grid_worker_full' }}>
        <Form.Item name="duty" label={t('grids.duty')} rules={[{ required: true, message: t('grids.required') }]}>
          <Select<GridDuty> options={GRID_DUTIES.map((d) => ({ value: d, label: t(`duties.${d}`) }))} />
        </Form.Item>
        <Form.Item
          name="personName"
          label={t('grids.personName')}
          rules={[{ required: true, whitespace: true, message: t('grids.required') }]}
        >
          <Input maxLength={64} data-testid="grid-assign-name" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('grids.phone')}
          rules={[
            {
              validator: async (_r, value: string | undefined) => {
                const reason = value?.trim() ? checkPhone(value) : null;
                if (reason) throw new Error(reason);
              },
            },
          ]}
        >
          <Input maxLength={20} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
