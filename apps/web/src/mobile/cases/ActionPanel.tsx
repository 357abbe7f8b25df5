import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Drawer, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { CASE_ACTION_LIMITS, type CaseAction, type CaseDetail, ruleOf } from '@gewu/domain';
import { PhotoPicker } from '../report/PhotoPicker.tsx';
import type { PhotoEntry } from '../report/form.ts';
import { actionDrafts, draftId } from '../offline/actionDrafts.ts';
import type { ActionDraftInput } from '../offline/actionQueue.ts';
import { newKey } from '../offline/offlineQueue.ts';

/** The actions the phone offers (the rest stay on the desktop), in the order they are shown. */
export const MOBILE_ACTIONS = [
  'sign',
  'step',
  'feed_back',
  'request_extension',
  'request_suspension',
  'verify_pass',
  'verify_fail',
  // 市民认领: the grid worker checks a volunteer's work on site — confirm it, or send it back.
  'claim_confirm',
  'claim_reopen',
  'escalate',
  'return',
  'reopen',
] as const satisfies readonly CaseAction[];
type MobileAction = (typeof MOBILE_ACTIONS)[number];

// What each form asks (note, photos, a new deadline) is the domain's (CASE_LIFE); only the looks are here.
const PRIMARY: ReadonlySet<MobileAction> = new Set(['sign', 'feed_back', 'verify_pass', 'claim_confirm']);
const DANGER: ReadonlySet<MobileAction> = new Set(['verify_fail', 'claim_reopen', 'return', 'reopen']);
/** Neither a reason nor anything else to fill in: taken with one tap. */
const isOneTap = (a: CaseAction) => !ruleOf(a).note && !ruleOf(a).form;

/** What became of an action: sent, kept on the device for the network, or refused (a conflict: someone acted first). */
export type ActResult = { ok: true; queued?: boolean } | { ok: false; message: string; conflict: boolean };

interface Props {
  detail: CaseDetail;
  userId: string;
  busy: boolean;
  onAct: (input: ActionDraftInput) => Promise<ActResult>;
}

/** Buttons `m-action-<action>` for what the server says the user may do now. */
export function ActionPanel({ detail, userId, busy, onAct }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<MobileAction | null>(null);
  const actions = MOBILE_ACTIONS.filter((a) => detail.actions.includes(a));
  if (actions.length === 0) return null;
  const base = { caseId: detail.id, caseCode: detail.code, version: detail.version };

  return (
    <section className="m-section m-actions" data-testid="m-actions">
      {actions.map((a) => (
        <Button
          key={a}
          block
          className="m-big"
          type={PRIMARY.has(a) ? 'primary' : 'default'}
          danger={DANGER.has(a)}
          loading={busy && isOneTap(a)}
          onClick={() => (isOneTap(a) ? void onAct({ ...base, action: a, photos: [] }) : setOpen(a))}
          data-testid={`m-action-${a}`}
        >
          {t(`mobile.actions.${a}`)}
        </Button>
      ))}
      {open && (
        <ActionSheet
          key={open}
          action={open}
          detail={detail}
          userId={userId}
          busy={busy}
          onClose={() => setOpen(null)}
          onAct={(input) => onAct({ ...base, ...input })}
        />
      )}
    </section>
  );
}

interface SheetProps {
  action: MobileAction;
  detail: CaseDetail;
  userId: string;
  busy: boolean;
  onClose: () => void;
  onAct: (input: Pick<ActionDraftInput, 'action' | 'note' | 'until' | 'photos'>) => Promise<ActResult>;
}

/** `datetime-local` value (the phone's own picker) ↔ ISO. */
const toLocalInput = (iso: string) => dayjs(iso).format('YYYY-MM-DDTHH:mm');

/**
 * The form of one action: the note (required when the rule says), photos and a new deadline when
 * its form asks. Kept as a draft on the device while filled in (actionDrafts), so a reload or a
 * dropped connection loses nothing; the draft goes when the action is sent or queued.
 */
function ActionSheet({ action, detail, userId, busy, onClose, onAct }: SheetProps) {
  const { t } = useTranslation();
  const rule = ruleOf(action);
  const id = draftId(userId, detail.id, action);
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<PhotoEntry[]>([]);
  const [until, setUntil] = useState('');
  const [error, setError] = useState<string | null>(null);
  const loaded = useRef(false);
  const label = t(`mobile.actions.${action}`);

  // Restore the draft once; from then on every change is saved.
  useEffect(() => {
    let live = true;
    void actionDrafts
      .get(id)
      .then((d) => {
        if (!live || !d) return;
        setNote(d.note);
        if (d.until) setUntil(toLocalInput(d.until));
        setPhotos(d.photos.map((blob): PhotoEntry => ({ key: newKey(), blob, url: URL.createObjectURL(blob) })));
      })
      .catch(() => undefined)
      .finally(() => {
        loaded.current = true;
      });
    return () => {
      live = false;
    };
  }, [id]);
  useEffect(() => {
    if (!loaded.current) return;
    const untilIso = until ? dayjs(until).toISOString() : undefined;
    void actionDrafts
      .put({ id, note, until: untilIso, photos: photos.map((p) => p.blob), savedAt: new Date().toISOString() })
      .catch(() => undefined);
  }, [id, note, until, photos]);

  const close = () => {
    photos.forEach((p) => URL.revokeObjectURL(p.url));
    onClose();
  };
  const submit = async () => {
    if (rule.note && !note.trim()) return setError(t('mobile.actionSheet.noteRequired', { action: label }));
    let untilIso: string | undefined;
    if (rule.form?.until) {
      const at = until ? dayjs(until) : null;
      const after = detail.stageDeadline ? dayjs(detail.stageDeadline) : null;
      if (!at || !at.isValid() || (after && !at.isAfter(after)))
        return setError(t('mobile.actionSheet.untilInvalid', { at: after ? after.format('YYYY-MM-DD HH:mm') : '—' }));
      untilIso = at.toISOString();
    }
    setError(null);
    const result = await onAct({
      action,
      note: note.trim() || undefined,
      until: untilIso,
      photos: photos.map((p) => p.blob),
    });
    if (result.ok || result.conflict) close();
    else setError(result.message);
  };

  return (
    <Drawer
      open
      onClose={close}
      placement="bottom"
      size="auto"
      title={label}
      data-testid="m-action-sheet"
      styles={{ body: { paddingBottom: 24 } }}
    >
      {rule.form?.until && (
        <div style={{ marginBottom: 12 }}>
          <label className="m-label" htmlFor="m-action-until">
            <span className="m-required">*</span>
            {t('mobile.actionSheet.until')}
          </label>
          {detail.stageDeadline && (
            <div className="m-muted" style={{ marginBottom: 4 }}>
              {t('mobile.actionSheet.currentDeadline', { at: dayjs(detail.stageDeadline).format('YYYY-MM-DD HH:mm') })}
            </div>
          )}
          <Input
            id="m-action-until"
            type="datetime-local"
            value={until}
            onChange={(e) => setUntil(e.target.value)}
            data-testid="m-action-until"
          />
        </div>
      )}
      <label className="m-label">
        {rule.note && <span className="m-required">*</span>}
        {t(`mobile.actionSheet.noteLabel.${action}`)}
      </label>
      <Input.TextArea
        value={note}
        onChange={(e) => setNote(e.target.value)}
        autoSize={{ minRows: 3, maxRows: 8 }}
        maxLength={CASE_ACTION_LIMITS.noteMax}
        showCount
        data-testid="m-action-note"
        aria-label={t(`mobile.actionSheet.noteLabel.${action}`)}
      />
      {rule.form?.photos && (
        <div style={{ marginTop: 12 }}>
          <label className="m-label">{t('mobile.actionSheet.photos')}</label>
          <PhotoPicker
            photos={photos}
            max={CASE_ACTION_LIMITS.photosMax}
            onChange={setPhotos}
            testId="m-action-photo"
          />
        </div>
      )}
      <div className="m-muted" style={{ marginTop: 8 }} data-testid="m-action-draft-hint">
        {t('mobile.actionSheet.draftHint')}
      </div>
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="m-action-sheet-error" />
      )}
      <Button
        type="primary"
        danger={DANGER.has(action)}
        block
        className="m-big"
        style={{ marginTop: 16 }}
        loading={busy}
        onClick={() => void submit()}
        data-testid="m-action-submit"
      >
        {t('mobile.actionSheet.submit', { action: label })}
      </Button>
    </Drawer>
  );
}
