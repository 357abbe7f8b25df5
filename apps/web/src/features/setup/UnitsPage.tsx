import { useState } from 'react';
import { Button, Card, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, UserSwitchOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DepartmentKind, UnitView } from '@gewu/domain';
import { notifySuccess } from '../../app/notify.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { useRetireUnit, useUnits, type UnitFilter } from './api.ts';
import { KIND_OPTIONS, kindLabel } from './kinds.ts';
import { UnitDialog } from './UnitDialog.tsx';
import { AssignHandlerDialog } from './AssignHandlerDialog.tsx';

type Dialog = { kind: 'create' } | { kind: 'edit'; unit: UnitView } | { kind: 'assign'; unit?: UnitView } | null;

function columns(t: TFunction, actions: (u: UnitView) => React.ReactNode): TableColumnsType<UnitView> {
  return [
    {
      title: t('setup.units.region'),
      key: 'region',
      render: (_, u) => (
        <>
          {u.regionName} <Typography.Text type="secondary">{u.regionCode}</Typography.Text>
        </>
      ),
    },
    { title: t('setup.units.kind'), key: 'kind', render: (_, u) => kindLabel(u.kind) },
    {
      title: t('setup.units.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, u) => <span data-testid={`unit-name-${u.id}`}>{name}</span>,
    },
    { title: t('setup.units.members'), dataIndex: 'members', key: 'members', align: 'right' },
    {
      title: t('setup.units.status'),
      key: 'status',
      render: (_, u) =>
        u.retiredAt ? (
          <Tag title={t('setup.units.retiredAt', { at: dayjs(u.retiredAt).format('YYYY-MM-DD HH:mm') })}>
            {t('setup.units.retired')}
          </Tag>
        ) : (
          <Tag color="green">{t('setup.units.active')}</Tag>
        ),
    },
    { title: t('setup.common.actions'), key: 'actions', render: (_, u) => actions(u) },
  ];
}

/** 处置单位: the departments in my scope that cases are sent to, and which handler accounts belong to each. */
export function UnitsPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<UnitFilter>({});
  const [dialog, setDialog] = useState<Dialog>(null);
  const units = useUnits(filter);
  const retire = useRetireUnit();
  const close = () => setDialog(null);

  const actions = (u: UnitView) =>
    u.retiredAt ? null : (
      <Space size={0} wrap>
        <Button
          type="link"
          size="small"
          onClick={() => setDialog({ kind: 'edit', unit: u })}
          data-testid={`unit-edit-${u.id}`}
        >
          {t('setup.common.edit')}
        </Button>
        <Button
          type="link"
          size="small"
          onClick={() => setDialog({ kind: 'assign', unit: u })}
          data-testid={`unit-assign-${u.id}`}
        >
          {t('setup.units.assign')}
        </Button>
        <Popconfirm
          title={t('setup.units.retireConfirm', { name: u.name })}
          onConfirm={() =>
            // A refusal (accounts still in the unit) is shown by the global error toast.
            retire.mutateAsync(u.id).then(
              () => notifySuccess(t('setup.units.retiredDone', { name: u.name })),
              () => undefined,
            )
          }
        >
          <Button type="link" size="small" danger data-testid={`unit-retire-${u.id}`}>
            {t('setup.units.retire')}
          </Button>
        </Popconfirm>
      </Space>
    );

  return (
    <Card title={t('setup.units.title')} data-testid="units-page">
      <Typography.Paragraph type="secondary">{t('setup.units.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <div style={{ width: 260 }}>
            <RegionTreeSelect
              value={filter.regionId}
              onChange={(regionId) => setFilter((f) => ({ ...f, regionId }))}
              placeholder={t('setup.units.regionFilter')}
              allowClear
              testId="units-region-filter"
            />
          </div>
          <Select<DepartmentKind>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('setup.units.kindFilter')}
            value={filter.kind}
            onChange={(kind) => setFilter((f) => ({ ...f, kind: kind ?? undefined }))}
            options={KIND_OPTIONS}
            style={{ width: 220 }}
            data-testid="units-kind-filter"
          />
          <Space size={6}>
            <Switch
              size="small"
              checked={!!filter.includeRetired}
              onChange={(includeRetired) => setFilter((f) => ({ ...f, includeRetired }))}
              data-testid="units-include-retired"
            />
            <Typography.Text>{t('setup.units.includeRetired')}</Typography.Text>
          </Space>
        </Space>
        <Space wrap>
          <Button
            icon={<UserSwitchOutlined />}
            onClick={() => setDialog({ kind: 'assign' })}
            data-testid="units-assign"
          >
            {t('setup.units.assignTitle')}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: 'create' })}
            data-testid="units-create"
          >
            {t('setup.units.create')}
          </Button>
        </Space>
      </Space>
      <Table<UnitView>
        rowKey="id"
        size="middle"
        columns={columns(t, actions)}
        dataSource={units.data ?? []}
        loading={units.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (total) => t('setup.units.total', { total }) }}
        data-testid="units-table"
      />
      {dialog?.kind === 'create' && <UnitDialog onClose={close} />}
      {dialog?.kind === 'edit' && <UnitDialog unit={dialog.unit} onClose={close} />}
      {dialog?.kind === 'assign' && <AssignHandlerDialog unit={dialog.unit} onClose={close} />}
    </Card>
  );
}
