import { Button, Descriptions, Drawer, Empty, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { CASE_STAGES, isAdmissible, type ItemField } from '@gewu/domain';
import { useCan } from '../../app/session.ts';
import { ItemTags, formatLimit } from './ItemTags.tsx';
import type { ItemView } from './api.ts';

/** One item: legal basis, filing and closing conditions, limits per stage, department, extra fields. */
export function ItemDrawer({
  item,
  onClose,
  onPropose,
}: {
  item: ItemView;
  onClose: () => void;
  onPropose: () => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <Drawer
      open
      size={640}
      title={`${item.code} ${item.name}`}
      onClose={onClose}
      data-testid="item-drawer"
      extra={
        can('item.propose') &&
        isAdmissible(item) && (
          <Button type="primary" onClick={onPropose} data-testid="item-propose">
            {t('cases.items.admissions.propose')}
          </Button>
        )
      }
    >
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          {
            key: 'category',
            label: t('cases.items.category'),
            children: `${item.categoryCode} ${t(`cases.categories.${item.categoryCode as '01'}`, { defaultValue: item.categoryName })}`,
          },
          {
            key: 'department',
            label: t('cases.items.department'),
            children: t(`cases.departments.${item.departmentKind}`),
          },
          { key: 'tags', label: t('cases.items.tagsTitle'), children: <ItemTags item={item} /> },
          { key: 'legal', label: t('cases.items.legalBasis'), children: item.legalBasis },
          { key: 'filing', label: t('cases.items.filingCondition'), children: item.filingCondition },
          { key: 'closing', label: t('cases.items.closingCondition'), children: item.closingCondition },
          {
            key: 'limits',
            label: t('cases.items.limits'),
            children: CASE_STAGES.map((s) => (
              <Tag key={s}>{`${t(`cases.stages.${s}`)} ${formatLimit(t, item.limits[s])}`}</Tag>
            )),
          },
          {
            key: 'keywords',
            label: t('cases.items.keywords'),
            children: item.keywords.length ? item.keywords.map((k) => <Tag key={k}>{k}</Tag>) : '—',
          },
        ]}
      />
      <h4 style={{ marginTop: 24 }}>{t('cases.items.fields')}</h4>
      {item.fields.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.items.noFields')} />
      ) : (
        <Table<ItemField>
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={item.fields}
          columns={[
            { title: t('cases.items.fieldLabel'), dataIndex: 'label', key: 'label' },
            { title: t('cases.items.fieldType'), key: 'type', render: (_, f) => t(`cases.items.fieldTypes.${f.type}`) },
            {
              title: t('cases.items.fieldRequired'),
              key: 'required',
              render: (_, f) => (f.required ? t('cases.items.yes') : t('cases.items.no')),
            },
            {
              title: t('cases.items.fieldOptions'),
              key: 'options',
              render: (_, f) => f.options?.map((o) => o.name).join('、') ?? f.description ?? '—',
            },
          ]}
        />
      )}
    </Drawer>
  );
}
