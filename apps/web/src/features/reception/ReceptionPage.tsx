import { useState } from 'react';
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import type { RegisteredVisit } from './api.ts';
import { ReceiptPanel } from './ReceiptPanel.tsx';
import { VisitForm } from './VisitForm.tsx';
import { VisitTable } from './VisitTable.tsx';

/**
 * The reception desk (综治中心窗口): the one form that registers and routes a visitor, the receipt to
 * print, and the centre's visits. Leaders see the visits only.
 */
export function ReceptionPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [issued, setIssued] = useState<RegisteredVisit | null>(null);
  // A new form (and a new idempotency key) for each visitor.
  const [formKey, setFormKey] = useState(0);
  return (
    <>
      {can('reception.register') && (
        <Card title={t('reception.desk.title')} style={{ marginBottom: 16 }} data-testid="reception-desk">
          <Typography.Paragraph type="secondary">{t('reception.desk.intro')}</Typography.Paragraph>
          {issued ? (
            <ReceiptPanel
              visit={issued}
              onNext={() => {
                setIssued(null);
                setFormKey((k) => k + 1);
              }}
            />
          ) : (
            <VisitForm key={formKey} onRegistered={setIssued} />
          )}
        </Card>
      )}
      <Card title={t('reception.list.title')} data-testid="reception-visits">
        <VisitTable />
      </Card>
    </>
  );
}
