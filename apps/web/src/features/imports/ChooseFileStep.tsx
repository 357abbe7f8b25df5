import { Button, Form, Radio, Space, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../app/api.ts';
import { useCan } from '../../app/session.ts';
import { type ImportKind, importableKinds } from '@gewu/domain';
import { formatOf } from './api.ts';

interface Props {
  kind: ImportKind;
  onKindChange: (kind: ImportKind) => void;
  file: File | null;
  onFileChange: (file: File | null) => void;
  uploading: boolean;
  onValidate: () => void;
}

/** Step one: what to import, the file (kept in the browser until 开始校验), and the templates. */
export function ChooseFileStep({ kind, onKindChange, file, onFileChange, uploading, onValidate }: Props) {
  const { t } = useTranslation();
  const can = useCan();
  const template = (format: 'xlsx' | 'csv') => apiUrl('/api/imports/template', { kind, format });
  return (
    <Form layout="vertical" style={{ maxWidth: 640 }}>
      <Form.Item label={t('imports.kind')}>
        <Radio.Group
          optionType="button"
          value={kind}
          onChange={(e) => onKindChange(e.target.value as ImportKind)}
          // Only the kinds this user may import (IMPORT_KIND_ACTION, the declaration the server checks too).
          options={importableKinds(can).map((k) => ({
            value: k,
            label: t(`imports.kinds.${k}`),
          }))}
          data-testid="import-kind"
        />
      </Form.Item>
      <Form.Item label={t('imports.file')}>
        <div data-testid="import-file">
          <Upload.Dragger
            accept=".csv,.xlsx"
            maxCount={1}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
            beforeUpload={(f) => {
              onFileChange(formatOf(f.name) ? f : null);
              return false;
            }}
            onRemove={() => onFileChange(null)}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>{t('imports.fileHint')}</p>
            <Typography.Text type="secondary">{t('imports.fileRule')}</Typography.Text>
          </Upload.Dragger>
        </div>
      </Form.Item>
      <Space wrap style={{ marginBottom: 24 }}>
        <Typography.Text>{t('imports.templates')}</Typography.Text>
        <a href={template('xlsx')} download data-testid="import-template-xlsx">
          <DownloadOutlined /> {t('imports.templateXlsx')}
        </a>
        <a href={template('csv')} download data-testid="import-template-csv">
          <DownloadOutlined /> {t('imports.templateCsv')}
        </a>
      </Space>
      <div>
        <Button type="primary" disabled={!file} loading={uploading} onClick={onValidate} data-testid="import-validate">
          {t('imports.validate')}
        </Button>
      </div>
    </Form>
  );
}
