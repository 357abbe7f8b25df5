import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportError } from '@gewu/domain';

/** 行、列、原因 of every problem the dry run found (row numbers as in the spreadsheet, header = 1). */
export function ImportErrors({ errors, errorCount }: { errors: ImportError[]; errorCount: number }) {
  const { t } = useTranslation();
  return (
    <>
      <Table<ImportError>
        rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
        size="small"
        dataSource={errors}
        pagination={errors.length > 20 ? { pageSize: 20 } : false}
        data-testid="import-errors"
        columns={[
          { title: t('imports.errorRow'), dataIndex: 'row', key: 'row', width: 80 },
          { title: t('imports.errorColumn'), dataIndex: 'column', key: 'column', width: 160 },
          { title: t('imports.errorMessage'), dataIndex: 'message', key: 'message' },
        ]}
      />
      {errorCount > errors.length && (
        <Typography.Text type="secondary">
          {t('imports.errorsShown', { shown: errors.length, count: errorCount })}
        </Typography.Text>
      )}
    </>
  );
}
