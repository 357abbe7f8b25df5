import { Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DepartmentKind, UnitView } from '@gewu/domain';
import { notifySuccess } from '../../app/notify.ts';
import { buttonTestId } from '../../components/testId.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { useCreateUnit, useUpdateUnit } from './api.ts';
import { KIND_OPTIONS, isDepartmentKind } from './kinds.ts';
import { showFormErrors } from './serverErrors.ts';

interface Values {
  regionId: string;
  kind: DepartmentKind;
  name: string;
}

const FIELDS = ['regionId', 'kind', 'name'] as const;
/** Server codes without details, and the field each belongs to. */
const CODE_FIELDS: Record<string, string> = {
  'unit.name_taken': 'name',
  'unit.name_required': 'name',
  'unit.kind_level_mismatch': 'kind',
  'unit.bad_kind': 'kind',
  'region.not_found': 'regionId',
};

/** 新建 / 修改处置单位. Editing changes the name and kind only; the region is fixed once created. */
export function UnitDialog({ unit, onClose }: { unit?: UnitView; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const kind = Form.useWatch('kind', form);
  const pending = create.isPending || update.isPending;

  const onFinish = (values: Values) => {
    const name = values.name.trim();
    const onError = (err: unknown) => showFormErrors(form, err, FIELDS, CODE_FIELDS);
    if (!unit) {
      create.mutate(
        { ...values, name },
        {
          onSuccess: (created) => {
            notifySuccess(t('setup.units.created', { name: created.name }));
            onClose();
          },
          onError,
        },
      );
      return;
    }
    const body = {
      ...(name !== unit.name ? { name } : {}),
      ...(values.kind !== unit.kind ? { kind: values.kind } : {}),
    };
    if (Object.keys(body).length === 0) return onClose();
    update.mutate(
      { id: unit.id, ...body },
      {
        onSuccess: () => {
          notifySuccess(t('setup.units.saved'));
          onClose();
        },
        onError,
      },
    );
  };

  return (
    <Modal
      open
      title={unit ? t('setup.units.editTitle', { name: unit.name }) : t('setup.units.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={pending}
      okButtonProps={buttonTestId('unit-submit')}
      mask={{ closable: false }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={
          unit
            ? { regionId: unit.regionId, kind: isDepartmentKind(unit.kind) ? unit.kind : undefined, name: unit.name }
            : undefined
        }
        data-testid="unit-form"
      >
        {unit ? (
          <Form.Item label={t('setup.units.region')}>
            <Typography.Text>
              {unit.regionName} <Typography.Text type="secondary">{unit.regionCode}</Typography.Text>
            </Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item
            name="regionId"
            label={t('setup.units.region')}
            rules={[{ required: true, message: t('setup.common.required') }]}
          >
            <RegionTreeSelect testId="unit-region" />
          </Form.Item>
        )}
        <Form.Item
          name="kind"
          label={t('setup.units.kind')}
          rules={[{ required: true, message: t('setup.common.required') }]}
          extra={kind === 'village_committee' ? t('setup.units.kindLevelHint') : undefined}
        >
          <Select<DepartmentKind>
            showSearch={{ optionFilterProp: 'label' }}
            options={KIND_OPTIONS}
            data-testid="unit-kind"
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('setup.units.name')}
          rules={[{ required: true, whitespace: true, message: t('setup.common.required') }]}
        >
          <Input maxLength={60} placeholder={t('setup.units.namePlaceholder')} data-testid="unit-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
