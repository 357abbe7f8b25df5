import { useState } from 'react';
import { Alert, Form, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../app/notify.ts';
import { buttonTestId } from '../../components/testId.ts';
import type { UnitView } from '@gewu/domain';
import { useHandlerAccounts, useSetUserUnit, useUnits } from './api.ts';
import { kindLabel } from './kinds.ts';
import { showFormErrors } from './serverErrors.ts';

/** The unit select's value for 「不属于任何单位」 (sent as null). */
const NO_UNIT = 'none';

interface Values {
  userId: string;
  unitId: string;
}

const CODE_FIELDS: Record<string, string> = {
  'user.not_found': 'userId',
  'unit.user_not_handler': 'userId',
  'unit.not_found': 'unitId',
  'unit.retired': 'unitId',
  'unit.outside_user_region': 'unitId',
};

/**
 * 设置处置账号所属单位 (PUT /api/users/:id/unit): picks a handler account (searched on the server)
 * and the unit it belongs to, or none.
 */
export function AssignHandlerDialog({ unit, onClose }: { unit?: UnitView; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const accounts = useHandlerAccounts(q);
  const units = useUnits({});
  const setUnit = useSetUserUnit();

  const accountOptions = (accounts.data?.items ?? []).map((u) => ({
    value: u.id,
    label: `${u.displayName}（${u.username}）· ${u.regionName}`,
  }));
  const unitOptions = [
    { value: NO_UNIT, label: t('setup.units.noUnit') },
    ...(units.data ?? []).map((u) => ({ value: u.id, label: `${u.name} · ${kindLabel(u.kind)} · ${u.regionName}` })),
  ];

  const onFinish = ({ userId, unitId }: Values) => {
    setUnit.mutate(
      { userId, unitId: unitId === NO_UNIT ? null : unitId },
      {
        onSuccess: (r) => {
          notifySuccess(
            r.unitName
              ? t('setup.units.assigned', { account: r.displayName, unit: r.unitName })
              : t('setup.units.unassigned', { account: r.displayName }),
          );
          onClose();
        },
        onError: (err) => showFormErrors(form, err, ['userId', 'unitId'], CODE_FIELDS),
      },
    );
  };

  return (
    <Modal
      open
      title={t('setup.units.assignTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={setUnit.isPending}
      okButtonProps={buttonTestId('assign-submit')}
      mask={{ closable: false }}
    >
      <Alert type="info" showIcon title={t('setup.units.assignHint')} style={{ marginBottom: 16 }} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ unitId: unit?.id }}
        data-testid="assign-form"
      >
        <Form.Item
          name="userId"
          label={t('setup.units.account')}
          rules={[{ required: true, message: t('setup.common.required') }]}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            options={accountOptions}
            loading={accounts.isFetching}
            placeholder={t('setup.units.accountPlaceholder')}
            notFoundContent={t('setup.units.noAccounts')}
            data-testid="assign-account"
          />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('setup.units.unit')}
          rules={[{ required: true, message: t('setup.common.required') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={unitOptions}
            loading={units.isPending}
            data-testid="assign-unit"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
