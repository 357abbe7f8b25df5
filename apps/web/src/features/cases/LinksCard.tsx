import { Card, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RecordLink } from '@gewu/domain';

/**
 * The records this case is linked to — the dispute it was turned into, the dispute it was filed from —
 * with code and state for those who may open them, else only that the link exists (the server decides).
 */
export function LinksCard({ links }: { links: readonly RecordLink[] }) {
  const { t } = useTranslation();
  if (!links.length) return null;
  return (
    <Card title={t('cases.links.title')} size="small" style={{ marginTop: 16 }} data-testid="case-links">
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {links.map((l) => (
          <Space key={`${l.relation}-${l.id ?? 'hidden'}`} wrap size={8} data-testid={`case-link-${l.relation}`}>
            <Typography.Text type="secondary">{t(`cases.links.${l.relation}`)}</Typography.Text>
            <Tag>{t(`cases.links.${l.kind}`)}</Tag>
            {l.visible ? (
              <>
                <Link to={`/${l.kind === 'dispute' ? 'disputes' : 'cases'}/${l.id}`} data-testid="case-link-code">
                  {l.code}
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
