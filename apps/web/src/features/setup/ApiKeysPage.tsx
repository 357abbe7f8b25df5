import { useState } from 'react';
import { Button, Card, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../app/notify.ts';
import type { ApiKeyView } from '@gewu/domain';
import { useApiKeys, useRevokeApiKey } from './api.ts';
import { CreateApiKeyDialog } from './CreateApiKeyDialog.tsx';

function time(iso: string | null, fallback: string): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : fallback;
}

function columns(t: TFunction, actions: (k: ApiKeyView) => React.ReactNode): TableColumnsType<ApiKeyView> {
  return [
    { title: t('setup.apiKeys.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('setup.apiKeys.prefix'),
      key: 'prefix',
      render: (_, k) => (
        <Typography.Text code data-testid={`api-key-prefix-${k.id}`}>
          {k.prefix}…
        </Typography.Text>
      ),
    },
    {
      title: t('setup.apiKeys.region'),
      key: 'region',
      render: (_, k) => (
        <>
          {k.regionName} <Typography.Text type="secondary">{k.regionCode}</Typography.Text>
        </>
      ),
    },
    { title: t('setup.apiKeys.source'), key: 'source', render: (_, k) => t(`setup.apiKeys.sources.${k.source}`) },
    { title: t('setup.apiKeys.rate'), dataIndex: 'ratePerMinute', key: 'rate', align: 'right' },
    {
      title: t('setup.apiKeys.createdAt'),
      key: 'created',
      render: (_, k) => (
        <>
          {time(k.createdAt, '')}
          {k.createdByName && <Typography.Text type="secondary"> · {k.createdByName}</Typography.Text>}
        </>
      ),
    },
    {
      title: t('setup.apiKeys.lastUsed'),
      key: 'lastUsed',
      render: (_, k) => time(k.lastUsedAt, t('setup.apiKeys.never')),
    },
    {
      title: t('setup.apiKeys.status'),
      key: 'status',
      render: (_, k) =>
        k.revokedAt ? (
          <Tooltip title={t('setup.apiKeys.revokedAt', { at: time(k.revokedAt, '') })}>
            <Tag color="red">{t('setup.apiKeys.revoked')}</Tag>
          </Tooltip>
        ) : (
          <Tag color="green">{t('setup.apiKeys.active')}</Tag>
        ),
    },
    { title: t('setup.common.actions'), key: 'actions', render: (_, k) => actions(k) },
  ];
}

/** 接口密钥: keys for video/sensor platforms, the 12345 hotline and Open311 clients; revoked keys stay listed. */
export function ApiKeysPage() {
  const { t } = useTranslation();
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [creating, setCreating] = useState(false);

  const actions = (k: ApiKeyView) =>
    k.revokedAt ? null : (
      <Popconfirm
        title={t('setup.apiKeys.revokeConfirm', { name: k.name })}
        okButtonProps={{ danger: true }}
        onConfirm={() =>
          revoke.mutateAsync(k.id).then(
            () => notifySuccess(t('setup.apiKeys.revokedDone', { name: k.name })),
            () => undefined,
          )
        }
      >
        <Button type="link" size="small" danger data-testid={`api-key-revoke-${k.id}`}>
          {t('setup.apiKeys.revoke')}
        </Button>
      </Popconfirm>
    );

  return (
    <Card
      title={t('setup.apiKeys.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="api-keys-create">
          {t('setup.apiKeys.create')}
        </Button>
      }
      data-testid="api-keys-page"
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('setup.apiKeys.intro')}</Typography.Paragraph>
        <Table<ApiKeyView>
          rowKey="id"
          size="middle"
          columns={columns(t, actions)}
          dataSource={keys.data ?? []}
          loading={keys.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, showTotal: (total) => t('setup.apiKeys.total', { total }) }}
          onRow={(k) => ({ 'data-testid': `api-key-row-${k.name}` }) as React.HTMLAttributes<HTMLElement>}
          data-testid="api-keys-table"
        />
      </Space>
      {creating && <CreateApiKeyDialog onClose={() => setCreating(false)} />}
    </Card>
  );
}
