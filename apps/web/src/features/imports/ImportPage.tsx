import { useState } from 'react';
import { Card, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ImportJob, type ImportKind, importableKinds } from '@gewu/domain';
import { useCan } from '../../app/session.ts';
import { useImportJob, useStartImport } from './api.ts';
import { ChooseFileStep } from './ChooseFileStep.tsx';
import { ImportResult } from './ImportResult.tsx';

/** Which step of the wizard a job's status belongs to (a file that could not be read fails at 校验). */
function stepOf(job: ImportJob | undefined): number {
  if (!job) return 0;
  if (job.status === 'committing') return 2;
  if (job.status === 'failed') return job.totalRows > 0 ? 2 : 1;
  if (job.status === 'committed') return 3;
  return 1;
}

/** 数据导入: choose a file → dry-run validation → errors or 确认导入 (all or nothing) → done. */
export function ImportPage() {
  const { t } = useTranslation();
  const can = useCan();
  // The first kind this user may import (an administrator imports grids only).
  const [kind, setKind] = useState<ImportKind>(() => importableKinds(can)[0] ?? 'residents');
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useStartImport();
  const job = useImportJob(jobId);
  const current = jobId ? stepOf(job.data) : 0;

  const restart = () => {
    setJobId(null);
    setFile(null);
    start.reset();
  };

  return (
    <Card title={t('imports.title')} data-testid="import-page">
      <Steps
        current={current}
        status={job.data?.status === 'failed' || job.data?.status === 'invalid' ? 'error' : undefined}
        style={{ marginBottom: 32, maxWidth: 880 }}
        items={[
          { title: t('imports.stepChoose') },
          { title: t('imports.stepValidate') },
          { title: t('imports.stepCommit') },
          { title: t('imports.stepDone') },
        ]}
        data-testid="import-steps"
      />
      {!jobId ? (
        <ChooseFileStep
          kind={kind}
          onKindChange={setKind}
          file={file}
          onFileChange={setFile}
          uploading={start.isPending}
          onValidate={() => file && start.mutate({ kind, file }, { onSuccess: (j) => setJobId(j.id) })}
        />
      ) : (
        job.data && <ImportResult job={job.data} onRestart={restart} />
      )}
    </Card>
  );
}
