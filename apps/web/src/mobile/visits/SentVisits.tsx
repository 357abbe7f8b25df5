import { useState } from 'react';
import { Button, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../components/formatTime.ts';
import { useCurrentUser } from '../../app/session.ts';
import { useCatalogue } from '../api.ts';
import { useVisitToCase } from './useVisits.ts';
import type { SentVisit } from './visitQueue.ts';

/** The sent visits with findings: each one tap from a case (the item chosen, the findings reported). */
export function SentVisits({ userId, sent }: { userId: string; sent: SentVisit[] }) {
  const { t } = useTranslation();
  if (sent.length === 0) return null;
  return (
    <div className="m-section" data-testid="m-visit-sent">
      <div className="m-section-title">{t('mobile.visits.sent')}</div>
      {sent.map((v) => (
        <SentRow key={v.id} userId={userId} visit={v} />
      ))}
    </div>
  );
}

function SentRow({ userId, visit }: { userId: string; visit: SentVisit }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const catalogue = useCatalogue(user);
  const toCase = useVisitToCase(userId);
  const [itemCode, setItemCode] = useState<string>();
  return (
    <div className="m-field" data-testid={`m-visit-sent-${visit.id}`}>
      <div className="m-row-meta">
        <span>{visit.label}</span>
        <span className="m-muted">{formatTime(visit.visitedAt)}</span>
      </div>
      <div className="m-muted">{visit.findings}</div>
      {visit.caseCode ? (
        <Tag color="success">{t('mobile.visits.caseMade', { code: visit.caseCode })}</Tag>
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
