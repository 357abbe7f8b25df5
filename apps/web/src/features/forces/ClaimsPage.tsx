import { Card, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { formatTime } from '../../components/formatTime.ts';
import { type DeskClaimView, useDeskClaims } from './api.ts';
import { NS } from './i18n.ts';

/** 市民认领: the area's cases a volunteer holds or has handled, awaiting the grid worker's confirmation. */
export function ClaimsPage() {
  const { t } = useTranslation(NS);
  const can = useCan();
  const claims = useDeskClaims();
  // The case screen is the centre's and the grid worker's (case.read); the cadre sees the list only.
  const linked = can('case.read');
  return (
    <Card title={t('claims.title')}>
      <Typography.Paragraph type="secondary">{t('claims.hint')}</Typography.Paragraph>
      <Table<DeskClaimView>
        scroll={{ x: 'max-content' }}
        rowKey="id"
        loading={claims.isPending}
        dataSource={claims.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('claims.empty') }}
        data-testid="claims-table"
        columns={[
          {
            title: t('claims.code'),
            dataIndex: 'code',
            render: (code: string, c) =>
              linked ? (
                <Link to={`/cases/${c.id}`} data-testid={`claim-open-${c.id}`}>
                  {code}
                </Link>
              ) : (
                code
              ),
          },
          { title: t('claims.item'), dataIndex: 'itemName' },
          {
            title: t('claims.state'),
            dataIndex: 'state',
            render: (s: string) => (
              <Tag color={s === 'claim_done' ? 'warning' : 'processing'}>
                {t(`claimStates.${s === 'claim_done' ? 'claim_done' : 'claimed'}`)}
              </Tag>
            ),
          },
          { title: t('claims.claimant'), dataIndex: 'claimantName', render: (n: string | null) => n ?? '—' },
          { title: t('claims.address'), dataIndex: 'address', render: (a: string | null) => a ?? '—' },
          { title: t('claims.updatedAt'), dataIndex: 'updatedAt', render: formatTime },
        ]}
      />
    </Card>
  );
}
