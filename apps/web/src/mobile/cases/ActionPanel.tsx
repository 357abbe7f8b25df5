import { useState } from 'react';
import { Alert, Button, Drawer, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CaseAction, type CaseDetail, ruleOf } from '@gewu/domain';
import type { ActionInput } from '../api.ts';
import { PhotoPicker } from '../report/PhotoPicker.tsx';
import type { PhotoEntry } from '../report/form.ts';

/** The actions the phone offers (the rest stay on the desktop), in the order they are shown. */
export const MOBILE_ACTIONS = [
  'sign',
  'step',
  'feed_back',
  'verify_pass',
  'verify_fail',
  'escalate',
  'return',
  'reopen',
] as const satisfies readonly CaseAction[];
type MobileAction = (typeof MOBILE_ACTIONS)[number];

/** Taken with one tap; the others open a sheet for the note and photos. */
const ONE_TAP: ReadonlySet<MobileAction> = new Set(['sign']);
const WITH_PHOTOS: ReadonlySet<MobileAction> = new Set(['step', 'feed_back', 'verify_pass', 'verify_fail', 'reopen']);
const PRIMARY: ReadonlySet<MobileAction> = new Set(['sign', 'feed_back', 'verify_pass']);
const DANGER: ReadonlySet<MobileAction> = new Set(['verify_fail', 'return', 'reopen']);

/** What became of an action: a conflict (someone acted first) closes the sheet, the page shows it. */
export type ActResult = { ok: true } | { ok: false; message: string; conflict: boolean };

interface Props {
  detail: CaseDetail;
  busy: boolean;
  onAct: (input: ActionInput) => Promise<ActResult>;
}

/** Buttons `m-action-<action>` for what the server says the user may do now. */
export function ActionPanel({ detail, busy, onAct }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<MobileAction | null>(null);
  const actions = MOBILE_ACTIONS.filter((a) => detail.actions.includes(a));
  if (actions.length === 0) return null;

  return (
    <section className="m-section m-actions" data-testid="m-actions">
      {actions.map((a) => (
        <Button
          key={a}
          block
          className="m-big"
          type={PRIMARY.has(a) ? 'primary' : 'default'}
          danger={DANGER.has(a)}
          loading={busy && ONE_TAP.has(a)}
          onClick={() => (ONE_TAP.has(a) ? void onAct({ action: a, version: detail.version }) : setOpen(a))}
          data-testid={`m-action-${a}`}
        >
          {t(`mobile.actions.${a}`)}
        </Button>
      ))}
      {open && (
        <ActionSheet action={open} version={detail.version} busy={busy} onClose={() => setOpen(null)} onAct={onAct} />
      )}
    </section>
  );
}

interface SheetProps {
  action: MobileAction;
  version: number;
  busy: boolean;
  onClose: () => void;
  onAct: (input: ActionInput) => Promise<ActResult>;
}

function ActionSheet({ action, version, busy, onClose, onAct }: SheetProps) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<PhotoEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const needsNote = ruleOf(action).note;

  const close = () => {
    photos.forEach((p) => URL.revokeObjectURL(p.url));
    onClose();
  };
  const submit = async () => {
    if (needsNote && !note.trim())
      return setError(t('mobile.actionSheet.noteRequired', { action: t(`mobile.actions.${action}`) }));
    setError(null);
    const result = await onAct({ action, version, note: note.trim() || undefined, photos: photos.map((p) => p.blob) });
    if (result.ok || result.conflict) close();
    else setError(result.message);
  };

  return (
    <Drawer
      open
      onClose={close}
      placement="bottom"
      size="auto"
      title={t(`mobile.actions.${action}`)}
      data-testid="m-action-sheet"
      styles={{ body: { paddingBottom: 24 } }}
    >
      <label className="m-label">
        {needsNote && <span className="m-required">*</span>}
        {t(`mobile.actionSheet.noteLabel.${action}`)}
      </label>
      <Input.TextArea
        value={note}
        onChange={(e) => setNote(e.target.value)}
        autoSize={{ minRows: 3, maxRows: 8 }}
        maxLength={2000}
        showCount
        data-testid="m-action-note"
        aria-label={t(`mobile.actionSheet.noteLabel.${action}`)}
      />
      {WITH_PHOTOS.has(action) && (
        <div style={{ marginTop: 12 }}>
          <label className="m-label">{t('mobile.actionSheet.photos')}</label>
          <PhotoPicker photos={photos} onChange={setPhotos} testId="m-action-photo" />
        </div>
      )}
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
        {t('mobile.actionSheet.submit', { action: t(`mobile.actions.${action}`) })}
      </Button>
    </Drawer>
  );
}
