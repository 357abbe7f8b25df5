import { useState } from 'react';
import { Button, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../components/formatTime.ts';
import { useCurrentUser } from '../../app/session.ts';
import { useCatalogue } from '../api.ts';
import { type SentVisit, useSentVisits, useVisitToCase } from './useVisits.ts';

/**
 * The worker's sent visits with findings (read from the server when online): each one tap from a case
 * (the item chosen, the findings reported).
 */
export function SentVisits() {
  const { t } = useTranslation();
  const sent = useSentVisits();
  if (!sent.data?.length) return null;
  return (
    <div className="m-section" data-testid="m-visit-sent">
      <div className="m-section-title">{t('mobile.visits.sent')}</div>
      {sent.data.map((v) => (
        <SentRow key={v.id} visit={v} />
      ))}
    </div>
  );
}

function SentRow({ visit }: { visit: SentVisit }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const catalogue = useCatalogue(user);
  const toCase = useVisitToCase();
  const [itemCode, setItemCode] = useState<string>();
  return (
    <div className="m-field" data-testid={`m-visit-sent-${visit.id}`}>
      <div className="m-row-meta">
        <span>{visit.label}</span>
        <span className="m-muted">{formatTime(visit.visitedAt)}</span>
      </div>
      <div className="m-muted">{visit.findings}</div>
      {toCase.data || visit.caseId ? (
        <Tag color="success" data-testid="m-visit-case-made">
          {toCase.data ? t('mobile.visits.caseMade', { code: toCase.data.code }) : t('mobile.visits.caseLinked')}
        </Tag>
      ) : (
        <div style={{ display: 'flex', gap: 8, marginTop: 6 }}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            style={{ flex: 1, minWidth: 0 }}
            placeholder={t('mobile.visits.item')}
            value={itemCode}
            onChange={setItemCode}
            options={(catalogue.data ?? []).map((i) => ({ value: i.code, label: i.name }))}
            data-testid="m-visit-case-item"
          />
          <Button
            type="primary"
            disabled={!itemCode}
            loading={toCase.isPending}
            onClick={() => itemCode && toCase.mutate({ id: visit.id, itemCode })}
            data-testid="m-visit-to-case"
          >
            {t('mobile.visits.toCase')}
          </Button>
        </div>
      )}
      {toCase.isError && <div style={{ color: '#d92d20' }}>{toCase.error.message}</div>}
    </div>
  );
}
