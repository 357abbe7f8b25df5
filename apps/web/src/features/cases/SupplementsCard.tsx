import { Card, List, Space, Spin, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../components/formatTime.ts';
import { Photos } from '../attachments/Photos.tsx';
import { useSupplements, type SupplementView } from './api.ts';

/**
 * 群众补充 on the case page: what residents nearby added to this report from the phone (已有人上报，是否补充？
 * → 我也遇到), oldest first. Who added each one is shown only where the server names them (to the centre,
 * as with the reporter); a handling unit reads the words and photos without the name.
 */
export function SupplementsCard({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const supplements = useSupplements(caseId);
  const items = supplements.data ?? [];
  return (
    <Card
      title={
        <Space size={8}>
          {t('cases.supplements.title')}
          {items.length > 0 && (
            <Typography.Text type="secondary" data-testid="case-supplements-count">
              {items.length}
            </Typography.Text>
          )}
        </Space>
      }
      extra={<Typography.Text type="secondary">{t('cases.supplements.hint')}</Typography.Text>}
      size="small"
      style={{ marginTop: 16 }}
      data-testid="case-supplements"
    >
      {supplements.isPending ? (
        <Spin />
      ) : items.length === 0 ? (
        <Typography.Text type="secondary">{t('cases.supplements.none')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(s) => (
            <List.Item key={s.id} data-testid={`case-supplement-${s.id}`}>
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }} data-testid="case-supplement-note">
                  {s.note}
                </Typography.Text>
                <Photos ids={s.attachmentIds} size={72} />
                <Typography.Text type="secondary" data-testid="case-supplement-meta">
                  {formatTime(s.createdAt)} · {authorLine(s, t)}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function authorLine(s: SupplementView, t: TFunction): string {
  if (s.mine) return t('cases.supplements.mine');
  return s.authorName ? t('cases.supplements.author', { name: s.authorName }) : t('cases.supplements.authorHidden');
}
