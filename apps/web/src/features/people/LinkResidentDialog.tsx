import { Form, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../app/notify.ts';
import { buttonTestId } from '../../components/testId.ts';
import type { HouseView, LinkBody } from '@gewu/domain';
import { useLinkResident } from './api.ts';
import { ResidentPicker } from './ResidentPicker.tsx';

const RELATIONS = ['owner', 'family', 'tenant'] as const;

/** 人房关联: links a person to the house as owner, family member or tenant. */
export function LinkResidentDialog({ house, onClose }: { house: HouseView; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<LinkBody>();
  const link = useLinkResident();

  const onFinish = (v: LinkBody) =>
    link.mutate(
      { houseId: house.id, residentId: v.residentId, relation: v.relation },
      {
        onSuccess: () => {
          notifySuccess(t('houses.linked'));
          onClose();
        },
      },
    );

  return (
    <Modal
      open
      title={t('houses.linkTitle', { address: house.address })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={link.isPending}
      okButtonProps={buttonTestId('house-link-submit')}
    >
      <Form<LinkBody>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ relation: house.usage === 'rental' ? 'tenant' : 'family' }}
      >
        <Form.Item
          name="residentId"
          label={t('houses.person')}
          rules={[{ required: true, message: t('people.required') }]}
        >
          <ResidentPicker testId="house-link-person" />
        </Form.Item>
        <Form.Item
          name="relation"
          label={t('houses.relation')}
          rules={[{ required: true, message: t('people.required') }]}
        >
          <Radio.Group optionType="button" options={RELATIONS.map((r) => ({ value: r, label: t(`relations.${r}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
