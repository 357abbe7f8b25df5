import { Button, Result, Space, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type RegisteredVisit, receiptUrl } from './api.ts';
import { recordPath } from './recordPath.ts';

/** The receipt just issued: its number to read out, the record it opened, the PDF to print, and the next visitor. */
export function ReceiptPanel({ visit, onNext }: { visit: RegisteredVisit; onNext: () => void }) {
  const { t } = useTranslation();
  const path = recordPath(visit.track, visit.trackRecordId);
  return (
    <Result
      status="success"
      title={t(visit.created ? 'reception.receipt.title' : 'reception.receipt.existing')}
      subTitle={
        <Space orientation="vertical" size={4}>
          <Typography.Text style={{ fontSize: 28, letterSpacing: 2 }} strong copyable data-testid="receipt-number">
            {visit.receiptNumber}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t(`reception.tracks.${visit.track}`)}
            {visit.trackCode && ' · '}
            {visit.trackCode &&
              (path ? (
                <Link to={path} data-testid="receipt-record-link">
                  {t('reception.receipt.recordCode', { code: visit.trackCode })}
                </Link>
              ) : (
                t('reception.receipt.recordCode', { code: visit.trackCode })
              ))}
          </Typography.Text>
          <Typography.Text type="secondary">{t('reception.receipt.hint')}</Typography.Text>
        </Space>
      }
      extra={[
        <Button
          key="print"
          type="primary"
          icon={<PrinterOutlined />}
          href={receiptUrl(visit.id)}
          target="_blank"
          data-testid="receipt-print"
        >
          {t('reception.receipt.print')}
        </Button>,
        <Button key="next" onClick={onNext} data-testid="receipt-next">
          {t('reception.receipt.next')}
        </Button>,
      ]}
      data-testid="receipt-panel"
    />
  );
}
