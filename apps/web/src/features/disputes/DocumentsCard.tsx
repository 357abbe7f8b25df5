import { useState } from 'react';
import { Button, Card, Space, Typography } from 'antd';
import { FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DisputeDetail } from '@gewu/domain';
import { formatTime } from '../../components/formatTime.ts';
import { Photos } from '../attachments/Photos.tsx';
import { agreementPdfUrl } from './api.ts';
import { DisputeActionDialog } from './DisputeActionDialog.tsx';

/**
 * 文书与附件: the 人民调解协议书 (a PDF in the standard layout, once agreed), the 已签署协议书扫描件
 * uploaded back, and the photos of the mediation sessions.
 */
export function DocumentsCard({ detail }: { detail: DisputeDetail }) {
  const { t } = useTranslation();
  const [uploading, setUploading] = useState(false);
  const sessions = detail.events.filter((e) => e.type === 'record_session' && e.attachmentIds.length > 0);
  const canUpload = detail.actions.includes('attach_signed_agreement');
  return (
    <Card title={t('disputes.documents.title')} size="small" data-testid="dispute-documents">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <section>
          <Typography.Text strong>{t('disputes.documents.agreement')}</Typography.Text>
          <div style={{ marginTop: 8 }}>
            {detail.canPrintAgreement ? (
              <Button
                icon={<FilePdfOutlined />}
                href={agreementPdfUrl(detail.id)}
                download
                data-testid="dispute-agreement-pdf"
              >
                {t('disputes.documents.download')}
              </Button>
            ) : (
              <Typography.Text type="secondary" data-testid="dispute-agreement-none">
                {t(detail.agreement ? 'disputes.documents.notYours' : 'disputes.documents.notYet')}
              </Typography.Text>
            )}
          </div>
        </section>
        <section data-testid="dispute-signed-scans">
          <Space>
            <Typography.Text strong>{t('disputes.documents.signedScans')}</Typography.Text>
            {canUpload && (
              <Button
                size="small"
                icon={<UploadOutlined />}
                onClick={() => setUploading(true)}
                data-testid="dispute-upload-scan"
              >
                {t('disputes.documents.uploadScan')}
              </Button>
            )}
          </Space>
          <div style={{ marginTop: 8 }}>
            {detail.signedScans.length ? (
              <Space orientation="vertical" size={4}>
                <Photos ids={detail.signedScans.map((s) => s.attachmentId)} size={88} testId="dispute-scan-photos" />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('disputes.documents.scanBy', {
                    name: detail.signedScans.at(-1)?.actorName ?? '—',
                    at: formatTime(detail.signedScans.at(-1)?.at),
                  })}
                </Typography.Text>
              </Space>
            ) : (
              <Typography.Text type="secondary">{t('disputes.documents.noScans')}</Typography.Text>
            )}
          </div>
        </section>
        <section>
          <Typography.Text strong>{t('disputes.documents.sessionPhotos')}</Typography.Text>
          <div style={{ marginTop: 8 }} data-testid="dispute-session-photos">
            {sessions.length ? (
              <Space orientation="vertical" size={8}>
                {sessions.map((e) => (
                  <div key={e.seq}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatTime(e.at)} {e.actorName ?? ''}
                    </Typography.Text>
                    <Photos ids={e.attachmentIds} size={64} />
                  </div>
                ))}
              </Space>
            ) : (
              <Typography.Text type="secondary">{t('disputes.documents.noSessionPhotos')}</Typography.Text>
            )}
          </div>
        </section>
      </Space>
      {uploading && (
        <DisputeActionDialog detail={detail} action="attach_signed_agreement" onClose={() => setUploading(false)} />
      )}
    </Card>
  );
}
