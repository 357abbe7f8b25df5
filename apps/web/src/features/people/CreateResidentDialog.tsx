import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { RESIDENT_CATEGORIES, checkIdNumber, checkPhone, type ResidentInput } from '@gewu/domain';
import i18n from '../../i18n/index.ts';
import { notifySuccess } from '../../app/notify.ts';
import { buttonTestId } from '../../components/testId.ts';
import { VillageSelect } from '../regions/VillageSelect.tsx';
import { GridSelect } from '../grids/GridSelect.tsx';
import { useCreateResident } from './api.ts';

type Values = Omit<ResidentInput, 'birthDate' | 'categories'> & {
  birthDate?: Dayjs;
  categories?: ResidentInput['categories'];
};

/** A rule that runs one of the domain's Chinese checks (身份证号 GB 11643, phone) on a filled field. */
function domainRule(check: (v: string) => string | null, english: string) {
  return {
    validator: async (_r: unknown, value: string | undefined) => {
      const reason = value?.trim() ? check(value.trim()) : null;
      if (reason) throw new Error(i18n.language === 'zh-CN' ? reason : english);
    },
  };
}

/** 登记人员: the ID number is checked here (format, region, birth date, check digit) before it is sent. */
export function CreateResidentDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const villageId = Form.useWatch('villageId', form);
  const create = useCreateResident();
  const opt = (v?: string) => v?.trim() || undefined;

  const onFinish = (v: Values) => {
    const input: ResidentInput = {
      villageId: v.villageId,
      gridId: v.gridId,
      name: v.name.trim(),
      idNumber: opt(v.idNumber)?.toUpperCase(),
      phone: opt(v.phone),
      gender: v.gender,
      birthDate: v.birthDate?.format('YYYY-MM-DD'),
      ethnicity: opt(v.ethnicity),
      categories: v.categories ?? [],
      address: opt(v.address),
      note: opt(v.note),
    };
    create.mutate(input, {
      onSuccess: (r) => {
        notifySuccess(t('residents.created', { name: r.name }));
        onClose();
      },
    });
  };

  const required = { required: true, message: t('people.required') };
  return (
    <Modal
      open
      width={640}
      title={t('residents.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={create.isPending}
      okButtonProps={buttonTestId('resident-create-submit')}
      mask={{ closable: false }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        onValuesChange={(changed: Partial<Values>) => 'villageId' in changed && form.setFieldValue('gridId', undefined)}
        data-testid="resident-create-form"
        style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}
      >
        <Form.Item name="name" label={t('people.name')} rules={[{ ...required, whitespace: true }]}>
          <Input maxLength={64} data-testid="resident-name" />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('people.idNumber')}
          rules={[domainRule(checkIdNumber, t('residents.idInvalidEn'))]}
        >
          <Input maxLength={18} data-testid="resident-id-number" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('people.phone')}
          rules={[domainRule(checkPhone, t('residents.phoneInvalidEn'))]}
        >
          <Input maxLength={20} data-testid="resident-phone" />
        </Form.Item>
        <Form.Item name="gender" label={t('people.gender')}>
          <Select
            allowClear
            options={(['male', 'female'] as const).map((g) => ({ value: g, label: t(`people.${g}`) }))}
          />
        </Form.Item>
        <Form.Item name="birthDate" label={t('people.birthDate')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="ethnicity" label={t('people.ethnicity')}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="villageId" label={t('people.village')} rules={[required]}>
          <VillageSelect testId="resident-village" />
        </Form.Item>
        <Form.Item name="gridId" label={t('people.grid')}>
          <GridSelect allowClear villageId={villageId} testId="resident-grid" />
        </Form.Item>
        <Form.Item name="categories" label={t('people.categories')} style={{ gridColumn: '1 / -1' }}>
          <Select
            mode="multiple"
            options={RESIDENT_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="address" label={t('people.address')} style={{ gridColumn: '1 / -1' }}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="note" label={t('people.note')} style={{ gridColumn: '1 / -1' }}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
