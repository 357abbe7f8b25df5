import { Button, Result, Space, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { type RegisteredVisit, receiptUrl } from './api.ts';

/** The receipt just issued: its number to read out, the record it opened, the PDF to print, and the next visitor. */
export function ReceiptPanel({ visit, onNext }: { visit: RegisteredVisit; onNext: () => void }) {
  const { t } = useTranslation();
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
            {visit.trackCode ? ` · ${t('reception.receipt.recordCode', { code: visit.trackCode })}` : ''}
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
