import { useState } from 'react';
import { Alert, Button, Checkbox, Drawer, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { DISPUTE_LIMITS, type DisputeDetail } from '@gewu/domain';
import { notifySuccess } from '../../app/notify.ts';
import { partyLabel } from '../../features/disputes/parties.ts';
import { PhotoPicker } from '../report/PhotoPicker.tsx';
import type { PhotoEntry } from '../report/form.ts';
import { useActWithPhotos } from './useActWithPhotos.ts';

/** 记录调解 on the spot: when, where, who came (the parties, and others by name), what was said, photos. */
export function SessionSheet({ detail, onClose }: { detail: DisputeDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const act = useActWithPhotos(detail);
  // The minute shown when the sheet opened; left as it is, the session is recorded as held now (a
  // minute-precise time could fall before the dispute's registration a moment ago).
  const [opened] = useState(() => dayjs().format('YYYY-MM-DDTHH:mm'));
  const [heldAt, setHeldAt] = useState(opened);
  const [place, setPlace] = useState('');
  const [attendees, setAttendees] = useState<string[]>(() => detail.parties.map((p) => p.id));
  const [others, setOthers] = useState('');
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<PhotoEntry[]>([]);
  const [tried, setTried] = useState(false);
  const missing = !place.trim() || !note.trim() || !heldAt;

  const submit = () => {
    setTried(true);
    if (missing) return;
    act.mutate(
      {
        action: 'record_session',
        photos,
        fields: {
          heldAt: heldAt === opened ? new Date().toISOString() : dayjs(heldAt).toISOString(),
          place: place.trim(),
          attendeePartyIds: attendees,
          otherAttendees: others
            .split(/[，,、\n]/)
            .map((s) => s.trim())
            .filter(Boolean)
            .slice(0, DISPUTE_LIMITS.attendeesMax),
          note: note.trim(),
        },
      },
      {
        onSuccess: () => {
          notifySuccess(t('disputes.dialog.done', { action: t('disputes.actions.record_session') }));
          onClose();
        },
      },
    );
  };

  return (
    <Drawer
      open
      placement="bottom"
      size="90%"
      title={t('disputes.actions.record_session')}
      onClose={onClose}
      data-testid="m-session-sheet"
    >
      {act.error && <Alert type="error" showIcon title={act.error.message} style={{ marginBottom: 12 }} />}
      <label className="m-field">
        <span className="m-label">
          <span className="m-required">*</span>
          {t('disputes.session.heldAt')}
        </span>
        <Input
          type="datetime-local"
          value={heldAt}
          max={dayjs().format('YYYY-MM-DDTHH:mm')}
          onChange={(e) => setHeldAt(e.target.value)}
          data-testid="m-session-held-at"
        />
      </label>
      <label className="m-field" style={{ display: 'block' }}>
        <span className="m-label">
          <span className="m-required">*</span>
          {t('disputes.session.place')}
        </span>
        <Input value={place} maxLength={200} onChange={(e) => setPlace(e.target.value)} data-testid="m-session-place" />
        {tried && !place.trim() && <div className="m-field-error">{t('disputes.phone.placeRequired')}</div>}
      </label>
      <div className="m-field">
        <span className="m-label">{t('disputes.session.attendees')}</span>
        <Checkbox.Group
          value={attendees}
          onChange={(v) => setAttendees(v as string[])}
          options={detail.parties.map((p) => ({ value: p.id, label: partyLabel(t, p) }))}
          style={{ display: 'grid', gap: 8 }}
          data-testid="m-session-attendees"
        />
      </div>
      <label className="m-field" style={{ display: 'block' }}>
        <span className="m-label">{t('disputes.session.otherAttendees')}</span>
        <Input
          value={others}
          onChange={(e) => setOthers(e.target.value)}
          placeholder={t('disputes.phone.othersHint')}
          data-testid="m-session-others"
        />
      </label>
      <label className="m-field" style={{ display: 'block' }}>
        <span className="m-label">
          <span className="m-required">*</span>
          {t('disputes.dialog.noteFor.session')}
        </span>
        <Input.TextArea
          rows={5}
          value={note}
          maxLength={DISPUTE_LIMITS.noteMax}
          showCount
          onChange={(e) => setNote(e.target.value)}
          data-testid="m-session-note"
        />
        {tried && !note.trim() && <div className="m-field-error">{t('disputes.dialog.noteRequired')}</div>}
      </label>
      <div className="m-field">
        <span className="m-label">{t('disputes.dialog.photos')}</span>
        <PhotoPicker
          photos={photos}
          max={DISPUTE_LIMITS.attachmentsMax}
          onChange={setPhotos}
          testId="m-session-photos"
        />
      </div>
      <Button
        type="primary"
        block
        className="m-big"
        loading={act.isPending}
        onClick={submit}
        style={{ marginTop: 16 }}
        data-testid="m-session-submit"
      >
        {t('disputes.actions.record_session')}
      </Button>
    </Drawer>
  );
}
