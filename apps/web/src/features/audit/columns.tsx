import { Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { ROLES, type AuditEntry, type Role } from '@gewu/domain';

const OUTCOME_COLOR: Record<AuditEntry['outcome'], string> = { success: 'green', denied: 'orange', failure: 'red' };

function roleName(t: TFunction, role: string): string {
  return (ROLES as readonly string[]).includes(role) ? t(`roles.${role as Role}`) : role;
}

export function auditColumns(t: TFunction): TableColumnsType<AuditEntry> {
  return [
    { title: t('audit.at'), key: 'at', render: (_, e) => dayjs(e.at).format('YYYY-MM-DD HH:mm:ss') },
    {
      title: t('audit.actor'),
      key: 'actor',
      render: (_, e) => (
        <>
          {e.actorName ?? '—'}
          {e.actorRoles.length > 0 && (
            <Typography.Text type="secondary"> ({e.actorRoles.map((r) => roleName(t, r)).join('、')})</Typography.Text>
          )}
        </>
      ),
    },
    { title: t('audit.action'), dataIndex: 'action', key: 'action', render: (a: string) => <code>{a}</code> },
    {
      title: t('audit.target'),
      key: 'target',
      render: (_, e) => (e.targetType ? `${e.targetType}${e.targetId ? `:${e.targetId.slice(0, 8)}` : ''}` : '—'),
    },
    {
      title: t('audit.outcome'),
      key: 'outcome',
      render: (_, e) => <Tag color={OUTCOME_COLOR[e.outcome]}>{t(`audit.${e.outcome}`)}</Tag>,
    },
    { title: t('audit.ip'), dataIndex: 'ip', key: 'ip', render: (ip: string | null) => ip ?? '—' },
    { title: t('audit.chainNo'), dataIndex: 'chainNo', key: 'chainNo', render: (n: string | null) => n ?? '—' },
  ];
}
