import { useState } from 'react';
import { Button, Card, Select, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { SPECIAL_KINDS, type SpecialListQuery, type SpecialView } from '@gewu/domain';
import { useCan } from '../../app/session.ts';
import { useSpecial } from './api.ts';
import { specialColumns } from './specialColumns.tsx';
import { VisitDialog } from './VisitDialog.tsx';
import { CreateSpecialDialog } from './CreateSpecialDialog.tsx';

/** 特殊人群: the records in scope, most urgent visit first, overdue ones highlighted; 登记走访 from the row. */
export function SpecialPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useState<SpecialListQuery>({});
  const [visiting, setVisiting] = useState<SpecialView | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useSpecial(params);
  const canVisit = can('special_population.manage') && can('person.manage');

  const columns = specialColumns(t, (s) =>
    canVisit ? (
      <Button type="link" size="small" onClick={() => setVisiting(s)} data-testid={`special-visit-${s.id}`}>
        {t('residents.addVisit')}
      </Button>
    ) : null,
  );

  return (
    <Card
      title={t('special.title')}
      extra={
        can('special_population.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="special-create">
            {t('special.create')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('special.kind')}
          value={params.kind}
          onChange={(kind) => setParams((p) => ({ ...p, kind }))}
          options={SPECIAL_KINDS.map((k) => ({ value: k, label: t(`specialKinds.${k}`) }))}
          style={{ width: 180 }}
          data-testid="special-filter-kind"
        />
        <Select
          allowClear
          placeholder={t('special.riskLevel')}
          value={params.riskLevel}
          onChange={(riskLevel) => setParams((p) => ({ ...p, riskLevel }))}
          options={(['high', 'medium', 'low'] as const).map((r) => ({ value: r, label: t(`risk.${r}`) }))}
          style={{ width: 130 }}
          data-testid="special-filter-risk"
        />
        <Select
          allowClear
          placeholder={t('special.overdueFilter')}
          value={params.overdue}
          onChange={(overdue) => setParams((p) => ({ ...p, overdue }))}
          options={[
            { value: 'true', label: t('special.onlyOverdue') },
            { value: 'false', label: t('special.notOverdue') },
          ]}
          style={{ width: 130 }}
          data-testid="special-filter-overdue"
        />
      </Space>
      <Table<SpecialView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data ?? []}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        data-testid="special-table"
        onRow={(s) => (s.overdue ? { style: { background: '#fff1f0' }, 'data-overdue': 'true' } : {})}
        pagination={{ pageSize: 20, showTotal: (total) => t('special.total', { total }) }}
      />
      {visiting && (
        <VisitDialog
          residentId={visiting.residentId}
          name={visiting.residentName}
          specialPopulationId={visiting.id}
          onClose={() => setVisiting(null)}
        />
      )}
      {creating && <CreateSpecialDialog onClose={() => setCreating(false)} />}
    </Card>
  );
}
