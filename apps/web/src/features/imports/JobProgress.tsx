import { Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '@gewu/domain';

/** Rows processed so far; the bar moves as the server reports progress. */
export function JobProgress({ job, label }: { job: ImportJob; label: string }) {
  const { t } = useTranslation();
  const percent = job.totalRows > 0 ? Math.floor((job.processedRows / job.totalRows) * 100) : 0;
  return (
    <Space orientation="vertical" style={{ width: '100%', maxWidth: 640 }} data-testid="import-progress">
      <Typography.Text>{label}</Typography.Text>
      <Progress percent={percent} status="active" />
      {job.totalRows > 0 && (
        <Typography.Text type="secondary">
          {t('imports.progress', { processed: job.processedRows, total: job.totalRows })}
        </Typography.Text>
      )}
    </Space>
  );
}
