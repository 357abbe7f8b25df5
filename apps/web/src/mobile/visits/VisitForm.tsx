import { useState } from 'react';
import { Alert, Button, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { VISIT_KINDS, VISIT_LIMITS, isVisitOverdue, maskName, type VisitKind, type VisitPlanView } from '@gewu/domain';
import { PhotoPicker } from '../report/PhotoPicker.tsx';
import type { PhotoEntry } from '../report/form.ts';
import { visitOutbox } from './visitQueue.ts';

interface Props {
  userId: string;
  /** The plan visited (the person preselected), or none for a household or business visit. */
  plan: VisitPlanView | null;
  onDone: () => void;
}

/** One visit written down: stored on the device first, sent when there is a network. */
export function VisitForm({ userId, plan, onDone }: Props) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<VisitKind>(plan ? 'special_population' : 'household');
  const [purpose, setPurpose] = useState('');
  const [note, setNote] = useState('');
  const [findings, setFindings] = useState('');
  const [lateReason, setLateReason] = useState('');
  const [photos, setPhotos] = useState<PhotoEntry[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const late = !!plan && isVisitOverdue(plan.nextVisitDue, new Date());

  const submit = async () => {
    setProblem(null);
    if (!note.trim()) return setProblem(t('mobile.visits.needNote'));
    if (late && lateReason.trim().length < VISIT_LIMITS.reasonMin)
      return setProblem(t('mobile.visits.needReason', { min: VISIT_LIMITS.reasonMin }));
    setBusy(true);
    try {
      const label = plan ? maskName(plan.residentName) : t(`mobile.visits.kinds.${kind}`);
      await visitOutbox.enqueue(
        userId,
        label,
        {
          kind,
          ...(plan ? { residentId: plan.residentId, specialPopulationId: plan.specialPopulationId } : {}),
          visitedAt: new Date().toISOString(),
          ...(purpose.trim() ? { purpose: purpose.trim() } : {}),
          note: note.trim(),
          ...(findings.trim() ? { findings: findings.trim() } : {}),
          ...(late ? { lateReason: lateReason.trim() } : {}),
        },
        photos.map((p) => p.blob),
      );
      onDone();
    } catch (err) {
      setProblem(String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="m-section" data-testid="m-visit-form">
      <div className="m-section-title">
        <span>{plan ? maskName(plan.residentName) : t('mobile.visits.record')}</span>
      </div>
      <Select
        className="m-field"
        style={{ width: '100%' }}
        value={kind}
        disabled={!!plan}
        onChange={setKind}
        options={VISIT_KINDS.filter((k) => plan || k !== 'special_population').map((k) => ({
          value: k,
          label: t(`mobile.visits.kinds.${k}`),
        }))}
        data-testid="m-visit-kind"
      />
      <Input
        className="m-field"
        maxLength={VISIT_LIMITS.textMax}
        placeholder={t('mobile.visits.purpose')}
        value={purpose}
        onChange={(e) => setPurpose(e.target.value)}
        data-testid="m-visit-purpose"
      />
      <Input.TextArea
        className="m-field"
        rows={3}
        maxLength={VISIT_LIMITS.textMax}
        placeholder={t('mobile.visits.note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        data-testid="m-visit-note"
      />
      <Input.TextArea
        className="m-field"
        rows={2}
        maxLength={VISIT_LIMITS.textMax}
        placeholder={t('mobile.visits.findings')}
        value={findings}
        onChange={(e) => setFindings(e.target.value)}
        data-testid="m-visit-findings"
      />
      {late && (
        <Input
          className="m-field"
          maxLength={VISIT_LIMITS.reasonMax}
          placeholder={t('mobile.visits.lateReason')}
          value={lateReason}
          onChange={(e) => setLateReason(e.target.value)}
          data-testid="m-visit-late-reason"
        />
      )}
      <PhotoPicker photos={photos} max={VISIT_LIMITS.photosMax} onChange={setPhotos} testId="m-visit-photos" />
      {problem && <Alert className="m-field" type="error" showIcon title={problem} />}
      <div className="m-field" style={{ display: 'flex', gap: 8 }}>
        <Button block onClick={onDone}>
          {t('mobile.visits.cancel')}
        </Button>
        <Button block type="primary" loading={busy} onClick={() => void submit()} data-testid="m-visit-submit">
          {t('mobile.visits.save')}
        </Button>
      </div>
    </div>
  );
}
