import { useState } from 'react';
import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, AuditListQuery } from '@gewu/domain';
import { useCan } from '../../app/session.ts';
import { useAuditLog } from './api.ts';
import { AuditFilters } from './AuditFilters.tsx';
import { VerifyChain } from './VerifyChain.tsx';
import { auditColumns } from './columns.tsx';

/** 审计日志 (auditor only, read-only): filters, the entries, and the chain check. */
export function AuditPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useState<AuditListQuery>({ page: 1, pageSize: 20 });
  const log = useAuditLog(params);

  return (
    <Card title={t('audit.title')}>
      {can('audit.verify') && <VerifyChain />}
      <AuditFilters onChange={(filter) => setParams((p) => ({ page: 1, pageSize: p.pageSize, ...filter }))} />
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        columns={auditColumns(t)}
        dataSource={log.data?.items ?? []}
        loading={log.isFetching}
        scroll={{ x: 'max-content' }}
        data-testid="audit-table"
        expandable={{
          rowExpandable: (e) => e.detail !== null,
          expandedRowRender: (e) => (
            <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(e.detail, null, 2)}</pre>
          ),
        }}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: log.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('audit.total', { total }),
          onChange: (page, pageSize) => setParams((p) => ({ ...p, page, pageSize })),
        }}
      />
    </Card>
  );
}
