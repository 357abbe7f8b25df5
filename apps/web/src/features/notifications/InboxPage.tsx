import { useState } from 'react';
import { Badge, Button, Card, Segmented, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMarkRead, useNotifications, type NotificationView } from './api.ts';
import { formatTime } from '../../components/formatTime.ts';

/** Where a notice leads: its case, its dispute (矛盾纠纷), or its petition (信访事项). */
function subjectPath(n: NotificationView): string | null {
  if (n.caseId) return `/cases/${n.caseId}`;
  if (n.subject?.kind === 'dispute') return `/disputes/${n.subject.id}`;
  if (n.subject?.kind === 'petition') return `/petitions/${n.subject.id}`;
  return null;
}

/** 消息: what the case chain told me (new reports, tasks, decisions), newest first; read marks and links to the case. */
export function InboxPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const inbox = useNotifications(unreadOnly);
  const mark = useMarkRead();
  const unread = inbox.data?.unread ?? 0;

  const open = (n: NotificationView) => {
    if (!n.read) mark.mutate([n.id]);
    const path = subjectPath(n);
    if (path) navigate(path);
  };

  const columns: TableColumnsType<NotificationView> = [
    {
      key: 'title',
      title: t('cases.inbox.message'),
      render: (_, n) => (
        <Space orientation="vertical" size={0}>
          <Space size={6}>
            {!n.read && <Badge status="processing" aria-label={t('cases.inbox.unread')} />}
            <Typography.Text strong={!n.read}>{n.title}</Typography.Text>
          </Space>
          {n.body && (
            <Typography.Text type="secondary" ellipsis={{ tooltip: n.body }} style={{ maxWidth: 560 }}>
              {n.body}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { key: 'time', title: t('cases.inbox.time'), width: 160, render: (_, n) => formatTime(n.createdAt) },
    {
      key: 'actions',
      title: '',
      width: 200,
      render: (_, n) => (
        <Space size={4} onClick={(e) => e.stopPropagation()}>
          {subjectPath(n) && (
            <Button size="small" type="link" onClick={() => open(n)} data-testid={`inbox-open-${n.id}`}>
              {t('cases.inbox.open')}
            </Button>
          )}
          {!n.read && (
            <Button size="small" type="link" onClick={() => mark.mutate([n.id])} data-testid={`inbox-read-${n.id}`}>
              {t('cases.inbox.markRead')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={
        <Space>
          {t('cases.inbox.title')}
          {unread > 0 && <Badge count={unread} overflowCount={999} />}
        </Space>
      }
      extra={
        <Space wrap>
          <Segmented<'all' | 'unread'>
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(v) => setUnreadOnly(v === 'unread')}
            options={[
              { value: 'all', label: t('cases.inbox.all') },
              { value: 'unread', label: t('cases.inbox.unread') },
            ]}
            data-testid="inbox-filter"
          />
          <Button
            disabled={unread === 0}
            loading={mark.isPending}
            onClick={() => mark.mutate('all')}
            data-testid="inbox-mark-all"
          >
            {t('cases.inbox.markAll')}
          </Button>
        </Space>
      }
      data-testid="inbox"
    >
      <Table<NotificationView>
        rowKey="id"
        size="middle"
        showHeader={false}
        loading={inbox.isFetching}
        dataSource={inbox.data?.items ?? []}
        columns={columns}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('cases.inbox.empty') }}
        data-testid="inbox-table"
        onRow={(n) =>
          ({
            'data-testid': `inbox-item-${n.id}`,
            'data-read': n.read,
            style: { cursor: subjectPath(n) ? 'pointer' : undefined },
            onClick: () => open(n),
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
    </Card>
  );
}
