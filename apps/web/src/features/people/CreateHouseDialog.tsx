import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { HOUSE_USAGES, type HouseInput } from '@gewu/domain';
import { notifySuccess } from '../../app/notify.ts';
import { buttonTestId } from '../../components/testId.ts';
import { VillageSelect } from '../regions/VillageSelect.tsx';
import { GridSelect } from '../grids/GridSelect.tsx';
import { useCreateHouse } from './api.ts';

/** 登记房屋: address, use (自住 / 出租屋 / …), area, and where it is. */
export function CreateHouseDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<HouseInput>();
  const villageId = Form.useWatch('villageId', form);
  const create = useCreateHouse();
  const required = { required: true, message: t('people.required') };

  const onFinish = (v: HouseInput) =>
    create.mutate(
      { ...v, address: v.address.trim(), areaM2: v.areaM2 ?? undefined },
      {
        onSuccess: (h) => {
          notifySuccess(t('houses.created', { address: h.address }));
          onClose();
        },
      },
    );

  return (
    <Modal
      open
      title={t('houses.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={create.isPending}
      okButtonProps={buttonTestId('house-create-submit')}
    >
      <Form<HouseInput>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ usage: 'self_occupied' }}
        onValuesChange={(changed: Partial<HouseInput>) =>
          'villageId' in changed && form.setFieldValue('gridId', undefined)
        }
      >
        <Form.Item name="villageId" label={t('people.village')} rules={[required]}>
          <VillageSelect />
        </Form.Item>
        <Form.Item name="gridId" label={t('people.grid')}>
          <GridSelect allowClear villageId={villageId} />
        </Form.Item>
        <Form.Item name="address" label={t('houses.address')} rules={[{ ...required, whitespace: true }]}>
          <Input maxLength={200} data-testid="house-address" />
        </Form.Item>
        <Form.Item name="usage" label={t('houses.usage')} rules={[required]}>
          <Select options={HOUSE_USAGES.map((u) => ({ value: u, label: t(`usages.${u}`) }))} />
        </Form.Item>
        <Form.Item name="areaM2" label={t('houses.area')}>
          <InputNumber min={1} max={100000} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
