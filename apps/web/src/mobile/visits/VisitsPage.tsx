import { useState } from 'react';
import { Alert, Button, Empty, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { maskName, type VisitPlanView } from '@gewu/domain';
import { useCurrentUser } from '../../app/session.ts';
import { LightDot } from '../cases/LightDot.tsx';
import { SentVisits } from './SentVisits.tsx';
import { VisitForm } from './VisitForm.tsx';
import { useVisitOutbox, useVisitPlans } from './useVisits.ts';
import { visitOutbox } from './visitQueue.ts';

/**
 * 走访 on a grid worker's phone: the special-population visit plans of their grids with the light and the
 * due day (cached for offline), a visit recorded for a plan or a household/business, kept on the device
 * until sent, and the sent visits with findings to turn into a case with one tap.
 */
export default function VisitsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const plans = useVisitPlans(user.id);
  const { queued, sync } = useVisitOutbox(user.id);
  const [form, setForm] = useState<{ plan: VisitPlanView | null } | null>(null);
  const done = () => {
    setForm(null);
    void sync();
  };

  return (
    <div data-testid="m-visits">
      {form ? (
        <VisitForm userId={user.id} plan={form.plan} onDone={done} />
      ) : (
        <Button
          block
          style={{ marginBottom: 12 }}
          icon={<PlusOutlined />}
          onClick={() => setForm({ plan: null })}
          data-testid="m-visit-new"
        >
          {t('mobile.visits.record')}
        </Button>
      )}
      {queued.length > 0 && (
        <div className="m-section" data-testid="m-visit-outbox">
          <div className="m-section-title">{t('mobile.visits.waiting', { n: queued.length })}</div>
          {queued.map((q) => (
            <div key={q.id} className="m-row-meta m-field">
              <span>{q.label}</span>
              {q.status === 'failed' ? (
                <span>
                  <Tag color="error">{q.lastError?.message}</Tag>
                  <Button size="small" type="link" onClick={() => void visitOutbox.remove(q.id)}>
                    {t('mobile.visits.discard')}
                  </Button>
                </span>
              ) : (
                <Tag>{t('mobile.visits.pending')}</Tag>
              )}
            </div>
          ))}
        </div>
      )}
      <div className="m-section">
        <div className="m-section-title">{t('mobile.visits.plans')}</div>
        {plans.isError && !plans.data && <Alert type="error" showIcon title={plans.error.message} />}
        {!plans.data && !plans.isError && <div className="m-loading" />}
        {plans.data?.items.length === 0 && <Empty description={t('mobile.visits.noPlans')} />}
        {plans.data?.items.map((p) => (
          <button
            type="button"
            key={p.specialPopulationId}
            className="m-visit-plan"
            onClick={() => setForm({ plan: p })}
            data-testid={`m-visit-plan-${p.specialPopulationId}`}
          >
            <LightDot light={p.light} />
            <span className="m-visit-plan-name">{maskName(p.residentName)}</span>
            <span className="m-muted">{t(`specialKinds.${p.kind}`)}</span>
            <span className="m-visit-plan-due">{t('mobile.visits.due', { day: p.nextVisitDue })}</span>
          </button>
        ))}
      </div>
      <SentVisits />
    </div>
  );
}
