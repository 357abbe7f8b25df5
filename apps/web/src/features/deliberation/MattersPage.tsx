import { useState } from 'react';
import { Button, Card, Space, Table, Typography } from 'antd';
import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatTime } from '../../components/formatTime.ts';
import { Deadline, LightDot, useNow } from '../cases/bits.tsx';
import { useCan } from '../../app/session.ts';
import { useMatters } from './api.ts';
import { CreateMatterDialog } from './CreateMatterDialog.tsx';
import { StageTag } from './StageTag.tsx';
import { NS } from './i18n.ts';

const PAGE_SIZE = 20;

/** 村务决策: the matters of the user's area with their current 四议两公开 stage. */
export function MattersPage() {
  const { t } = useTranslation(NS);
  const can = useCan();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const query = useMatters(page, PAGE_SIZE);
  const manage = can('deliberation.manage');
  const now = useNow();
  return (
    <Card
      title={t('title')}
      data-testid="deliberation-matters"
      extra={
        <Space>
          <Button
            icon={<TeamOutlined />}
            onClick={() => void navigate('/deliberation/bodies')}
            data-testid="deliberation-bodies-link"
          >
            {t('bodies')}
          </Button>
          {manage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="deliberation-create"
            >
              {t('create')}
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
      <Table
        rowKey="id"
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        locale={{ emptyText: t('empty') }}
        onRow={(r) => ({ onClick: () => void navigate(`/deliberation/${r.id}`), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: query.data?.total ?? 0, onChange: setPage }}
        columns={[
          {
            title: t('columns.title'),
            dataIndex: 'title',
            render: (v: string, r) => <Typography.Link data-testid={`deliberation-row-${r.id}`}>{v}</Typography.Link>,
          },
          { title: t('columns.village'), dataIndex: 'villageName' },
          { title: t('columns.kind'), dataIndex: 'kind', render: (k: string) => t(`kinds.${k}` as 'kinds.homestead') },
          {
            title: t('columns.body'),
            dataIndex: 'decidingBody',
            render: (b: string) => t(`bodyNames.${b}` as 'bodyNames.party_branch'),
          },
          { title: t('columns.stage'), dataIndex: 'stage', render: (s) => <StageTag stage={s} /> },
          {
            title: t('columns.light'),
            dataIndex: 'light',
            render: (_, r) => r.light && <LightDot light={r.light} testId={`deliberation-light-${r.id}`} />,
          },
          {
            title: t('columns.dueAt'),
            dataIndex: 'dueAt',
            render: (_, r) => r.dueAt && <Deadline deadline={r.dueAt} now={now} />,
          },
          { title: t('columns.createdAt'), dataIndex: 'createdAt', render: formatTime },
        ]}
      />
      {creating && (
        <CreateMatterDialog
          onClose={() => setCreating(false)}
          onCreated={(id) => void navigate(`/deliberation/${id}`)}
        />
      )}
    </Card>
  );
}
