import { useState } from 'react';
import { Alert, Form, Input, Modal, Segmented, Select, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '@gewu/domain';
import { useDispatchProposal, type DispatchProposal } from './api.ts';
import { DialogFooter } from './DialogFooter.tsx';
import { useRunAction } from './useRunAction.ts';

type TargetKind = 'unit' | 'grid_worker';

interface Values {
  unitId?: string;
  userId?: string;
  coUnitIds?: string[];
  note?: string;
}

interface Props {
  detail: CaseDetail;
  onClose: () => void;
}

/** 派遣: to the unit the item list makes responsible (pre-selected), another unit, or — for admitted items — a grid worker. */
export function DispatchDialog({ detail, onClose }: Props) {
  const { t } = useTranslation();
  const proposal = useDispatchProposal(detail.id);
  return (
    <Modal
      open
      width={680}
      title={t('cases.dialog.title', { action: t('cases.actions.dispatch'), code: detail.code })}
      onCancel={onClose}
      // The form renders its own buttons: it mounts only once the proposal has loaded.
      footer={null}
      destroyOnHidden
      data-testid="case-dialog-dispatch"
    >
      {proposal.data ? (
        <DispatchForm detail={detail} proposal={proposal.data} onClose={onClose} />
      ) : proposal.isError ? (
        <Alert type="error" showIcon title={proposal.error.message} />
      ) : (
        <Spin style={{ display: 'block', margin: '32px auto' }} />
      )}
    </Modal>
  );
}

function DispatchForm({
  detail,
  proposal,
  onClose,
}: {
  detail: CaseDetail;
  proposal: DispatchProposal;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { run, pending } = useRunAction(detail, onClose);
  const { item, recommended, units, gridWorkers } = proposal;
  const workersAllowed = item.admitted && item.gridEligible && !item.negativeList;
  const [kind, setKind] = useState<TargetKind>(
    recommended?.kind === 'grid_worker' && workersAllowed ? 'grid_worker' : 'unit',
  );
  const unitId = Form.useWatch('unitId', form);
  // 准确派遣: a unit of another kind than the item's responsible department needs a reason (CASE_LIFE dispatch).
  const mismatch = kind === 'unit' && !!unitId && units.find((u) => u.id === unitId)?.kind !== item.departmentKind;

  const sortedUnits = [...units].sort((a, b) => Number(b.responsible) - Number(a.responsible));
  const recommendedUnit = recommended?.kind === 'unit' ? recommended.unitId : undefined;
  const recommendedWorker = recommended?.kind === 'grid_worker' ? recommended.userId : undefined;
  const unitOptions = sortedUnits.map((u) => ({
    value: u.id,
    search: `${u.name} ${u.regionName}`,
    label: (
      <Space size={4}>
        <span>{u.name}</span>
        <Typography.Text type="secondary">
          （{u.regionName} · {t(`cases.departments.${u.kind as 'police'}`, { defaultValue: u.kind })}）
        </Typography.Text>
        {u.responsible && <Tag color="blue">{t('cases.dispatch.responsible')}</Tag>}
        {u.id === recommendedUnit && <Tag color="green">{t('cases.dispatch.recommended')}</Tag>}
      </Space>
    ),
  }));
  const workerOptions = [...gridWorkers]
    .sort((a, b) => Number(b.ownGrid) - Number(a.ownGrid) || a.holding - b.holding)
    .map((w) => ({
      value: w.id,
      search: w.name,
      label: (
        <Space size={4}>
          <span>{w.name}</span>
          {w.ownGrid && <Tag color="blue">{t('cases.dispatch.ownGrid')}</Tag>}
          {w.id === recommendedWorker && <Tag color="green">{t('cases.dispatch.recommended')}</Tag>}
          <Typography.Text type="secondary">
            {t('cases.dispatch.load', { holding: w.holding, verifying: w.verifying })}
          </Typography.Text>
        </Space>
      ),
    }));

  const onFinish = (v: Values) =>
    run('dispatch', {
      ...(kind === 'unit' ? { unitId: v.unitId } : { userId: v.userId }),
      coUnitIds: (v.coUnitIds ?? []).filter((u) => u !== v.unitId),
      note: v.note?.trim() || undefined,
    });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      initialValues={{
        unitId: recommendedUnit ?? sortedUnits.find((u) => u.responsible)?.id,
        userId: recommendedWorker,
        coUnitIds: [],
      }}
    >
      <Typography.Paragraph>
        {t('cases.dispatch.item', {
          code: item.code,
          name: item.name,
          department: t(`cases.departments.${item.departmentKind as 'police'}`, { defaultValue: item.departmentKind }),
        })}
      </Typography.Paragraph>
      <Alert
        type={workersAllowed ? 'success' : 'warning'}
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="dispatch-admission"
        title={
          item.negativeList
            ? t('cases.dispatch.negativeList', { name: item.name })
            : workersAllowed
              ? t('cases.dispatch.admitted', { name: item.name })
              : t('cases.dispatch.notAdmitted', { name: item.name })
        }
      />
      <Form.Item label={t('cases.dispatch.targetKind')}>
        <Segmented<TargetKind>
          value={kind}
          onChange={setKind}
          options={[
            { value: 'unit', label: t('cases.dispatch.unit') },
            { value: 'grid_worker', label: t('cases.dispatch.gridWorker'), disabled: !workersAllowed },
          ]}
          data-testid="dispatch-kind"
        />
      </Form.Item>
      {kind === 'unit' ? (
        <Form.Item
          name="unitId"
          label={t('cases.dispatch.unit')}
          rules={[{ required: true, message: t('cases.dispatch.targetRequired') }]}
        >
          <Select showSearch={{ optionFilterProp: 'search' }} options={unitOptions} data-testid="dispatch-unit" />
        </Form.Item>
      ) : (
        <Form.Item
          name="userId"
          label={t('cases.dispatch.gridWorker')}
          rules={[{ required: true, message: t('cases.dispatch.targetRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'search' }}
            options={workerOptions}
            data-testid="dispatch-worker"
            notFoundContent={t('cases.dispatch.noWorkers')}
          />
        </Form.Item>
      )}
      <Form.Item name="coUnitIds" label={t('cases.dispatch.coUnits')} extra={t('cases.dispatch.coUnitsHint')}>
        <Select
          mode="multiple"
          allowClear
          showSearch={{ optionFilterProp: 'search' }}
          options={unitOptions.filter((o) => kind !== 'unit' || o.value !== unitId)}
          maxCount={10}
          data-testid="dispatch-co-units"
        />
      </Form.Item>
      <Form.Item
        name="note"
        label={mismatch ? t('cases.dialog.note') : t('cases.dialog.noteOptional')}
        extra={mismatch ? t('cases.dispatch.mismatchReason') : undefined}
        rules={mismatch ? [{ required: true, whitespace: true, message: t('cases.dialog.noteRequired') }] : []}
      >
        <Input.TextArea rows={2} maxLength={2000} data-testid="case-dialog-note" />
      </Form.Item>
      <DialogFooter onCancel={onClose} okText={t('cases.actions.dispatch')} pending={pending} />
    </Form>
  );
}
