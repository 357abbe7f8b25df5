import { useState } from 'react';
import { Upload, type UploadFile } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../app/notify.ts';
import { uploadAttachment, type AttachmentView } from './api.ts';

interface Props {
  value?: string[];
  onChange?: (ids: string[]) => void;
  /** At most this many (the limit of the contract the photos are for). */
  max: number;
  testId?: string;
}

const ACCEPT = 'image/jpeg,image/png,image/webp';

/** Photos uploaded one by one as they are picked (POST /api/attachments); the form keeps their ids. */
export function PhotoUpload({ onChange, max, testId }: Props) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<UploadFile<AttachmentView>[]>([]);

  const update = (list: UploadFile<AttachmentView>[]) => {
    setFiles(list);
    onChange?.(list.filter((f) => f.status === 'done' && f.response).map((f) => (f.response as AttachmentView).id));
  };

  return (
    <div data-testid={testId}>
      <Upload<AttachmentView>
        accept={ACCEPT}
        listType="picture-card"
        multiple
        fileList={files}
        maxCount={max}
        customRequest={({ file, onSuccess, onError }) => {
          const blob = file as Blob;
          uploadAttachment(blob, (file as File).name)
            .then((r) => onSuccess?.({ ...r, thumbUrl: r.thumbUrl }))
            .catch((err: Error) => {
              notifyError(err);
              onError?.(err);
            });
        }}
        onChange={({ fileList }) =>
          update(
            fileList
              .filter((f) => f.status !== 'error')
              .map((f) =>
                f.status === 'done' && f.response ? { ...f, thumbUrl: f.response.thumbUrl, url: f.response.url } : f,
              ),
          )
        }
      >
        {files.length < max && (
          <button type="button" style={{ border: 0, background: 'none', cursor: 'pointer' }}>
            <PlusOutlined />
            <div style={{ marginTop: 4 }}>{t('cases.dialog.upload')}</div>
          </button>
        )}
      </Upload>
    </div>
  );
}
