import { useState } from 'react';
import { Alert, Button, Input, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { SUPPLEMENT_LIMITS, type NearbyReport } from '@gewu/domain';
import { isApiError } from '../../app/api.ts';
import { addSupplement, useNearbyReports } from '../api.ts';
import { StateTag } from '../../features/cases/StateTag.tsx';
import { PhotoPicker } from './PhotoPicker.tsx';
import type { PhotoEntry } from './form.ts';

interface Props {
  itemCode: string | null;
  point: { lon: number; lat: number } | null;
  /** The supplement went in: the form is done. */
  onSupplemented: (r: NearbyReport) => void;
}

/**
 * 已有人上报，是否补充？ Before submitting, the open reports of the same kind near the pin (as
 * FixMyStreet shows them): 我也遇到 adds the resident's words and photos to one of them instead of
 * filing it again; or they go on and report anyway.
 */
export function NearbyReports({ itemCode, point, onSupplemented }: Props) {
  const { t } = useTranslation();
  const nearby = useNearbyReports(itemCode, point);
  const [open, setOpen] = useState<string | null>(null);
  const items = nearby.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      className="m-section"
      data-testid="report-nearby"
      title={t('mobile.nearby.title')}
      description={
        <div>
          <div className="m-muted m-hint">
            {t('mobile.nearby.hint', { m: nearby.data?.radiusM, days: nearby.data?.days })}
          </div>
          {items.map((r) => (
            <div key={r.id} className="m-nearby" data-testid={`report-nearby-${r.id}`}>
              <div className="m-row-head">
                <strong>{r.itemName}</strong>
                <StateTag state={r.state} />
              </div>
              {r.publicDescription && <div className="m-row-desc">{r.publicDescription}</div>}
              <div className="m-muted m-row-meta">
                <span>{t('mobile.nearby.distance', { m: r.distanceM })}</span>
                <span>{r.reportedOn}</span>
                {r.supplements > 0 && <Tag>{t('mobile.nearby.supplements', { n: r.supplements })}</Tag>}
              </div>
              {open === r.id ? (
                <SupplementForm report={r} onDone={onSupplemented} onCancel={() => setOpen(null)} />
              ) : (
                <Button block onClick={() => setOpen(r.id)} data-testid="report-me-too" style={{ marginTop: 8 }}>
                  {t('mobile.nearby.meToo')}
                </Button>
              )}
            </div>
          ))}
        </div>
      }
    />
  );
}

function SupplementForm({
  report,
  onDone,
  onCancel,
}: {
  report: NearbyReport;
  onDone: (r: NearbyReport) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<PhotoEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  // One key per form: a resend after a dropped connection returns the same supplement.
  const [key] = useState(() => `sup-${crypto.randomUUID()}`);
  const send = async () => {
    if (note.trim().length < SUPPLEMENT_LIMITS.noteMin) {
      setError(t('mobile.nearby.noteRequired'));
      return;
    }
    setSending(true);
    setError(null);
    try {
      await addSupplement(
        report.id,
        note.trim(),
        photos.map((p) => p.blob),
        key,
      );
      onDone(report);
    } catch (e) {
      setError(isApiError(e) ? e.message : t('mobile.nearby.failed'));
    } finally {
      setSending(false);
    }
  };
  return (
    <div className="m-field" style={{ marginTop: 8 }}>
      <Input.TextArea
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder={t('mobile.nearby.notePlaceholder')}
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={SUPPLEMENT_LIMITS.noteMax}
        data-testid="report-supplement-note"
        aria-label={t('mobile.nearby.meToo')}
      />
      <PhotoPicker
        photos={photos}
        onChange={setPhotos}
        max={SUPPLEMENT_LIMITS.photosMax}
        testId="report-supplement-photo"
      />
      {error && <div className="m-field-error">{error}</div>}
      <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
        <Button onClick={onCancel}>{t('mobile.nearby.cancel')}</Button>
        <Button type="primary" block loading={sending} onClick={() => void send()} data-testid="report-supplement-send">
          {t('mobile.nearby.send')}
        </Button>
      </div>
    </div>
  );
}
