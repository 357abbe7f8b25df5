import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../app/session.ts';
import type { ImportJob } from '@gewu/domain';
import { invalidateBaseData, useCommitImport } from './api.ts';
import { ImportErrors } from './ImportErrors.tsx';
import { JobProgress } from './JobProgress.tsx';

/** Steps two to four, driven by the job's status as the server reports it. */
export function ImportResult({ job, onRestart }: { job: ImportJob; onRestart: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const commit = useCommitImport();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (job.status === 'committed') void invalidateBaseData(queryClient);
  }, [job.status, queryClient]);
  const again = (
    <Button onClick={onRestart} data-testid="import-restart">
      {job.status === 'committed' ? t('imports.again') : t('imports.restart')}
    </Button>
  );

  switch (job.status) {
    case 'validating':
      return <JobProgress job={job} label={t('imports.validating')} />;
    case 'committing':
      return <JobProgress job={job} label={t('imports.committing')} />;
    case 'invalid':
      return (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert
            type="error"
            showIcon
            title={t('imports.invalid', { count: job.errorCount })}
            data-testid="import-invalid"
          />
          <ImportErrors errors={job.errors} errorCount={job.errorCount} />
          {again}
        </Space>
      );
    case 'validated':
      return (
        <Result
          status="success"
          title={<span data-testid="import-valid">{t('imports.allValid', { count: job.validRows })}</span>}
          extra={[
            <Button
              key="commit"
              type="primary"
              loading={commit.isPending}
              onClick={() => commit.mutate(job.id)}
              data-testid="import-commit"
            >
              {t('imports.commit')}
            </Button>,
            <span key="again">{again}</span>,
          ]}
        />
      );
    case 'committed': {
      const list =
        job.kind === 'residents'
          ? { to: '/residents', label: t('imports.viewResidents'), action: 'person.read' as const }
          : job.kind === 'houses'
            ? { to: '/houses', label: t('imports.viewHouses'), action: 'person.read' as const }
            : job.kind === 'grids'
              ? { to: '/grids', label: t('imports.viewGrids'), action: 'grid.read' as const }
              : null;
      return (
        <Result
          status="success"
          title={<span data-testid="import-committed">{t('imports.committed', { count: job.validRows })}</span>}
          extra={[
            list && can(list.action) && (
              <Link key="view" to={list.to}>
                <Button type="primary">{list.label}</Button>
              </Link>
            ),
            <span key="again">{again}</span>,
          ]}
        />
      );
    }
    case 'failed':
      return (
        <>
          <Result
            status="error"
            title={t('imports.failed')}
            subTitle={job.failure ?? undefined}
            extra={again}
            data-testid="import-failed"
          />
          {job.errors.length > 0 && <ImportErrors errors={job.errors} errorCount={job.errorCount} />}
        </>
      );
  }
}
