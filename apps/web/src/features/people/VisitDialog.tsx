import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../app/notify.ts';
import { buttonTestId } from '../../components/testId.ts';
import { useRecordVisit } from './api.ts';

interface Props {
  residentId: string;
  name: string;
  /** A special-population record: the visit moves its next due date on. */
  specialPopulationId?: string;
  onClose: () => void;
}

/** 登记走访: what the visit found, recorded now. */
export function VisitDialog({ residentId, name, specialPopulationId, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note: string }>();
  const record = useRecordVisit();

  const onFinish = ({ note }: { note: string }) =>
    record.mutate(
      { residentId, specialPopulationId, note: note.trim() },
      {
        onSuccess: () => {
          notifySuccess(t('residents.visitSaved'));
          onClose();
        },
      },
    );

  return (
    <Modal
      open
      title={t('residents.visitFor', { name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={record.isPending}
      okButtonProps={buttonTestId('visit-submit')}
    >
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="note"
          label={t('residents.visitNote')}
          rules={[{ required: true, whitespace: true, message: t('people.required') }]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount data-testid="visit-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
