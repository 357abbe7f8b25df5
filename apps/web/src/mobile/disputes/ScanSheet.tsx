import { useState } from 'react';
import { Alert, Button, Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import { DISPUTE_LIMITS, type DisputeDetail } from '@gewu/domain';
import { notifySuccess } from '../../app/notify.ts';
import { PhotoPicker } from '../report/PhotoPicker.tsx';
import type { PhotoEntry } from '../report/form.ts';
import { useActWithPhotos } from './useActWithPhotos.ts';

/** 上传已签署协议书: the signed and sealed 人民调解协议书, photographed page by page (or picked from the files). */
export function ScanSheet({ detail, onClose }: { detail: DisputeDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const act = useActWithPhotos(detail);
  const [photos, setPhotos] = useState<PhotoEntry[]>([]);
  const [tried, setTried] = useState(false);
  const submit = () => {
    setTried(true);
    if (photos.length === 0) return;
    act.mutate(
      { action: 'attach_signed_agreement', photos, fields: {} },
      {
        onSuccess: () => {
          notifySuccess(t('disputes.dialog.done', { action: t('disputes.actions.attach_signed_agreement') }));
          onClose();
        },
      },
    );
  };
  return (
    <Drawer
      open
      placement="bottom"
      size="70%"
      title={t('disputes.actions.attach_signed_agreement')}
      onClose={onClose}
      data-testid="m-scan-sheet"
    >
      {act.error && <Alert type="error" showIcon title={act.error.message} style={{ marginBottom: 12 }} />}
      <p className="m-muted">{t('disputes.documents.scanHint')}</p>
      <PhotoPicker
        photos={photos}
        max={DISPUTE_LIMITS.attachmentsMax}
        onChange={setPhotos}
        testId="m-scan-photos"
        error={tried && photos.length === 0 ? t('disputes.documents.scanRequired') : undefined}
      />
      <Button
        type="primary"
        block
        className="m-big"
        loading={act.isPending}
        onClick={submit}
        style={{ marginTop: 16 }}
        data-testid="m-scan-submit"
      >
        {t('disputes.documents.uploadScan')}
      </Button>
    </Drawer>
  );
}
