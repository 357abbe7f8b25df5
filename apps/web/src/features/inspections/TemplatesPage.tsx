import { useState } from 'react';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InspectionItem, InspectionPlaceType } from '@gewu/domain';
import { formatTime } from '../../components/formatTime.ts';
import { useCan, useCurrentUser } from '../../app/session.ts';
import { type InspectionTemplateView, useTemplates } from './api.ts';
import { TemplateEditDialog } from './TemplateEditDialog.tsx';
import { NS } from './i18n.ts';

/** How an item is answered: 合格/不合格, or a number with the range that passes. */
export function useAnswerLabel() {
  const { t } = useTranslation(NS);
  return (a: InspectionItem['answer']) =>
    a.kind === 'pass_fail'
      ? t('templates.passFail')
      : t('templates.number', {
          unit: a.unit,
          range: a.min !== null && a.max !== null ? `${a.min}–${a.max}` : a.min !== null ? `≥ ${a.min}` : `≤ ${a.max}`,
        });
}

function Items({ tpl }: { tpl: InspectionTemplateView }) {
  const { t } = useTranslation(NS);
  const answer = useAnswerLabel();
  const yesNo = (v: boolean) => (v ? t('templates.yes') : t('templates.no'));
  return (
    <Table<InspectionItem>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={tpl.items}
      scroll={{ x: 'max-content' }}
      data-testid={`template-items-${tpl.key}`}
      columns={[
        {
          title: t('templates.itemText'),
          dataIndex: 'text',
          width: 320,
          render: (v: string, i) => (
            <span style={{ whiteSpace: 'normal' }}>
              {v} <Typography.Text type="secondary">{i.key}</Typography.Text>
            </span>
          ),
        },
        { title: t('templates.answer'), dataIndex: 'answer', render: answer },
        { title: t('templates.required'), dataIndex: 'required', render: yesNo },
        { title: t('templates.photoOnFail'), dataIndex: 'photoOnFail', render: yesNo },
        { title: t('templates.caseItem'), dataIndex: ['caseItem', 'code'] },
        {
          title: t('templates.source'),
          dataIndex: 'source',
          width: 260,
          render: (v: string) => <span style={{ whiteSpace: 'normal' }}>{v}</span>,
        },
      ]}
    />
  );
}

/** 检查模板: the checklists in force in the user's area, their items; the centre (or an admin) saves an edit as a new version. */
export function TemplatesPage() {
  const { t } = useTranslation(NS);
  const can = useCan();
  const user = useCurrentUser();
  const templates = useTemplates();
  const [editing, setEditing] = useState<InspectionTemplateView | null>(null);
  const mayEdit = can('inspection.template_manage');
  const scope = (path: string) =>
    path === ''
      ? t('templates.scopeAll')
      : path.split('.').filter(Boolean).at(-1) === user.region.code || path.endsWith(user.region.code)
        ? t('templates.scopeOwn')
        : t('templates.scopeAbove');

  return (
    <Card title={t('templates.title')} data-testid="inspection-templates-page">
      <Typography.Paragraph type="secondary">{t('templates.hint')}</Typography.Paragraph>
      <Table<InspectionTemplateView>
        rowKey="id"
        size="middle"
        loading={templates.isFetching}
        dataSource={templates.data ?? []}
        pagination={false}
        expandable={{ expandedRowRender: (tpl) => <Items tpl={tpl} />, expandRowByClick: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('templates.name'),
            dataIndex: 'name',
            render: (v: string, tpl) => <Typography.Link data-testid={`template-row-${tpl.key}`}>{v}</Typography.Link>,
          },
          { title: t('templates.key'), dataIndex: 'key' },
          {
            title: t('templates.version'),
            dataIndex: 'version',
            render: (v: number, tpl) => (
              <span data-testid={`template-version-${tpl.key}`}>{t('version', { version: v })}</span>
            ),
          },
          { title: t('templates.scope'), dataIndex: 'regionPath', render: scope },
          {
            title: t('templates.placeTypes'),
            dataIndex: 'placeTypes',
            width: 320,
            render: (types: InspectionPlaceType[]) => (
              <Space size={[4, 4]} wrap>
                {types.map((p) => (
                  <Tag key={p}>{t(`placeTypes.${p}`)}</Tag>
                ))}
              </Space>
            ),
          },
          { title: t('templates.itemCount'), key: 'n', align: 'right', render: (_, tpl) => tpl.items.length },
          { title: t('templates.createdAt'), dataIndex: 'createdAt', render: formatTime },
          ...(mayEdit
            ? [
                {
                  title: t('templates.actions'),
                  key: 'actions',
                  render: (_: unknown, tpl: InspectionTemplateView) => (
                    <Button
                      size="small"
                      onClick={(e) => {
                        e.stopPropagation();
                        setEditing(tpl);
                      }}
                      data-testid={`template-edit-${tpl.key}`}
                    >
                      {t('templates.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <TemplateEditDialog template={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
