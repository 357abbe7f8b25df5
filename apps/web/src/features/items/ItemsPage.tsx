import { useState } from 'react';
import { Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { CASE_STAGES, ITEM_CATEGORIES } from '@gewu/domain';
import { useCurrentUser } from '../../app/session.ts';
import { AdmissionsCard } from './AdmissionsCard.tsx';
import { ItemDrawer } from './ItemDrawer.tsx';
import { ItemTags, formatLimit } from './ItemTags.tsx';
import { useItems, type ItemFilter, type ItemView } from './api.ts';

function columns(t: TFunction): TableColumnsType<ItemView> {
  return [
    {
      title: t('cases.items.code'),
      dataIndex: 'code',
      key: 'code',
      render: (c: string) => <Typography.Link>{c}</Typography.Link>,
    },
    {
      title: t('cases.items.category'),
      key: 'category',
      render: (_, i) => t(`cases.categories.${i.categoryCode as '01'}`, { defaultValue: i.categoryName }),
    },
    { title: t('cases.items.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('cases.items.department'),
      key: 'department',
      render: (_, i) => t(`cases.departments.${i.departmentKind}`),
    },
    {
      title: t('cases.items.limits'),
      key: 'limits',
      render: (_, i) => (
        <Typography.Text style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {CASE_STAGES.map((s) => `${t(`cases.stages.${s}`)} ${formatLimit(t, i.limits[s])}`).join(' · ')}
        </Typography.Text>
      ),
    },
    { title: t('cases.items.tagsTitle'), key: 'tags', render: (_, i) => <ItemTags item={i} /> },
  ];
}

/** 事项清单: the coded catalogue with each item's rules, and 网格事项准入 (propose, approve, withdraw). */
export function ItemsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  // Residents read the public catalogue only; admissions are staff business (the server agrees).
  const staff = user.roles.some((r) => r !== 'resident');
  const [filter, setFilter] = useState<ItemFilter>({});
  const [selected, setSelected] = useState<ItemView | null>(null);
  const [proposeFor, setProposeFor] = useState<string | null | undefined>(undefined);
  const items = useItems(filter);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="items-page">
      <Card title={t('cases.items.title')}>
        <Form
          layout="inline"
          style={{ rowGap: 12, marginBottom: 16 }}
          onFinish={(v: ItemFilter) => setFilter({ q: v.q?.trim() || undefined, categoryCode: v.categoryCode })}
        >
          <Form.Item name="q">
            <Input
              allowClear
              placeholder={t('cases.items.search')}
              maxLength={50}
              style={{ width: 240 }}
              data-testid="items-search"
            />
          </Form.Item>
          <Form.Item name="categoryCode">
            <Select
              allowClear
              placeholder={t('cases.items.category')}
              style={{ width: 180 }}
              onChange={(categoryCode?: string) => setFilter((f) => ({ ...f, categoryCode }))}
              options={ITEM_CATEGORIES.map((c) => ({
                value: c.code,
                label: `${c.code} ${t(`cases.categories.${c.code}`)}`,
              }))}
              data-testid="items-category"
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" data-testid="items-search-submit">
              {t('cases.filters.search')}
            </Button>
          </Form.Item>
        </Form>
        <Table<ItemView>
          rowKey="code"
          size="small"
          loading={items.isFetching}
          dataSource={items.data ?? []}
          columns={columns(t)}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, showTotal: (total) => t('cases.items.total', { total }) }}
          data-testid="items-table"
          onRow={(i) =>
            ({
              onClick: () => setSelected(i),
              style: { cursor: 'pointer' },
              'data-testid': `item-row-${i.code}`,
            }) as React.HTMLAttributes<HTMLElement>
          }
        />
      </Card>
      {staff && <AdmissionsCard proposeFor={proposeFor} onPropose={setProposeFor} />}
      {selected && (
        <ItemDrawer
          item={selected}
          onClose={() => setSelected(null)}
          onPropose={() => {
            setProposeFor(selected.code);
            setSelected(null);
          }}
        />
      )}
    </Space>
  );
}
