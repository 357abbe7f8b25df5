import { Card, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RecordKind, RecordLink } from '@gewu/domain';

/** Where a linked record opens: its detail page; a visit, the centre's visits list found by its receipt. */
function pathOf(kind: RecordKind, id: string, code: string): string {
  if (kind === 'visit') return `/reception?q=${encodeURIComponent(code.replaceAll('-', ''))}`;
  return `/${kind === 'dispute' ? 'disputes' : kind === 'petition' ? 'petitions' : 'cases'}/${id}`;
}

/**
 * The records this one is linked to — the dispute a case was turned into or filed from, the case filed
 * from a dispute, the visit at the centre's window that opened it (来自综治中心窗口 来访登记 回执 …) —
 * with code and state for those who may open them, else only that the link exists (the server decides).
 * `prefix` names the test ids: `<prefix>-links`, `<prefix>-link-<relation>`, `<prefix>-link-code`.
 */
export function LinksCard({ links, prefix = 'case' }: { links: readonly RecordLink[]; prefix?: string }) {
  const { t } = useTranslation();
  if (!links.length) return null;
  return (
    <Card title={t('cases.links.title')} size="small" style={{ marginTop: 16 }} data-testid={`${prefix}-links`}>
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {links.map((l) => (
          <Space key={`${l.relation}-${l.id ?? 'hidden'}`} wrap size={8} data-testid={`${prefix}-link-${l.relation}`}>
            <Typography.Text type="secondary">{t(`cases.links.${l.relation}`)}</Typography.Text>
            <Tag>{t(`cases.links.${l.kind}`)}</Tag>
            {l.visible && l.id && l.code ? (
              <>
                <Link to={pathOf(l.kind, l.id, l.code)} data-testid={`${prefix}-link-code`}>
                  {l.kind === 'visit' ? t('cases.links.receipt', { code: l.code }) : l.code}
                </Link>
                <Tag color="processing">{l.stateLabel}</Tag>
              </>
            ) : (
              <Typography.Text type="secondary">{t('cases.links.hidden')}</Typography.Text>
            )}
          </Space>
        ))}
      </Space>
    </Card>
  );
}
