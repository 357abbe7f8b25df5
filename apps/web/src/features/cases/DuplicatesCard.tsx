import { useState } from 'react';
import { Button, Card, Empty, List, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseDetail } from '@gewu/domain';
import { formatTime } from '../../components/formatTime.ts';
import { useDuplicates } from './api.ts';
import { MergeDialog } from './MergeDialog.tsx';
import { StateTag } from './StateTag.tsx';

/**
 * 疑似重复 on the case page: the cases the duplicates rule names (same item, 50 m, 7 days — DUPLICATE_RULE),
 * each with a shortcut to the merge dialog preselected on it when the user may merge this case now.
 */
export function DuplicatesCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const located = detail.lon !== null && detail.lat !== null;
  const duplicates = useDuplicates(detail.id, located);
  const [target, setTarget] = useState<string | null>(null);
  const canMerge = detail.actions.includes('merge');
  const items = duplicates.data ?? [];
  return (
    <Card
      title={
        <Space size={8}>
          {t('cases.duplicates.title')}
          {items.length > 0 && <Typography.Text type="secondary">{items.length}</Typography.Text>}
        </Space>
      }
      extra={<Typography.Text type="secondary">{t('cases.duplicates.hint')}</Typography.Text>}
      size="small"
      style={{ marginTop: 16 }}
      data-testid="case-duplicates"
    >
      {located && duplicates.isPending ? (
        <Spin />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.duplicates.none')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(c) => (
            <List.Item
              data-testid={`case-duplicate-${c.code}`}
              actions={
                canMerge
                  ? [
                      <Button
                        key="merge"
                        size="small"
                        onClick={() => setTarget(c.id)}
                        data-testid={`case-duplicate-merge-${c.code}`}
                      >
                        {t('cases.duplicates.merge')}
                      </Button>,
                    ]
                  : []
              }
            >
              <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
                <Space wrap size={8}>
                  <Link to={`/cases/${c.id}`}>{c.code}</Link>
                  <StateTag state={c.state} />
                  <Typography.Text type="secondary">
                    {t('cases.duplicates.distance', { m: c.distanceM })}
                  </Typography.Text>
                  <Typography.Text type="secondary">{formatTime(c.reportedAt)}</Typography.Text>
                </Space>
                <Typography.Text type="secondary" ellipsis={{ tooltip: c.description }} style={{ maxWidth: 480 }}>
                  {c.description}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      {target && <MergeDialog detail={detail} initialTargetId={target} onClose={() => setTarget(null)} />}
    </Card>
  );
}
