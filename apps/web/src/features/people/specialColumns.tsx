import type { ReactNode } from 'react';
import { Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { SpecialView } from '@gewu/domain';

export const RISK_COLORS: Record<SpecialView['riskLevel'], string> = { low: 'green', medium: 'orange', high: 'red' };

/** Special-population records: kind, risk tag, helpers and the next visit (overdue in red). */
export function specialColumns(t: TFunction, actions: (s: SpecialView) => ReactNode): TableColumnsType<SpecialView> {
  return [
    { title: t('people.name'), dataIndex: 'residentName', key: 'name' },
    {
      title: t('people.idNumber'),
      dataIndex: 'idMasked',
      key: 'id',
      render: (v: string | null) => <code>{v ?? '—'}</code>,
    },
    { title: t('special.kind'), key: 'kind', render: (_, s) => t(`specialKinds.${s.kind}`) },
    {
      title: t('special.riskLevel'),
      key: 'risk',
      render: (_, s) => (
        <Tag color={RISK_COLORS[s.riskLevel]} data-testid={`risk-${s.id}`}>
          {t(`risk.${s.riskLevel}`)}
        </Tag>
      ),
    },
    { title: t('special.helperGroup'), key: 'helpers', render: (_, s) => s.helperGroup.join('、') || '—' },
    { title: t('special.interval'), dataIndex: 'visitIntervalDays', key: 'interval', align: 'right' },
    {
      title: t('special.nextVisitDue'),
      key: 'due',
      render: (_, s) =>
        s.overdue ? (
          <Space size={4}>
            <Typography.Text type="danger" strong>
              {s.nextVisitDue}
            </Typography.Text>
            <Tag color="red" data-testid={`overdue-${s.id}`}>
              {t('special.overdue')}
            </Tag>
          </Space>
        ) : (
          s.nextVisitDue
        ),
    },
    { title: t('people.actions'), key: 'actions', render: (_, s) => actions(s) },
  ];
}
