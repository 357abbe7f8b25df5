import { useState } from 'react';
import { App, Button, Input, Space, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ClaimCaseView } from '@gewu/domain';
import { api } from '../../app/api.ts';
import { notifyError } from '../../app/notify.ts';
import { useCurrentUser } from '../../app/session.ts';
import { useOutbox } from '../offline/useOutbox.tsx';
import { claimOutbox } from './claimQueue.ts';
import { newKey } from '../offline/offlineQueue.ts';
import { PhotoPicker } from '../report/PhotoPicker.tsx';
import type { PhotoEntry } from '../report/form.ts';
import { VOLUNTEER_KEY } from './api.ts';
import { NS } from './i18n.ts';

interface Props {
  c: ClaimCaseView;
  onDone: () => void;
}

/**
 * 处置完成: a photo before and one after, and a word on what was done; the grid worker confirms it. Works in
 * a dead zone: the close waits on the device (claimQueue.ts) and goes when the phone is back online.
 */
export function ClaimClose({ c, onDone }: Props) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const user = useCurrentUser();
  const { syncAll } = useOutbox();
  const [before, setBefore] = useState<PhotoEntry[]>([]);
  const [after, setAfter] = useState<PhotoEntry[]>([]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const ready = before.length === 1 && after.length === 1 && note.trim().length > 0;
  /** Kept on the device first, then sent by the app-wide outbox (now when online; else when back). */
  const submit = async () => {
    const [b, a] = [before[0], after[0]];
    if (!b || !a) return notifyError(new Error(t('photosNeeded')));
    setBusy(true);
    try {
      await claimOutbox.enqueue(user.id, {
        caseId: c.id,
        caseCode: c.code,
        version: c.version,
        note: note.trim(),
        before: b.blob,
        after: a.blob,
      });
      onDone();
      if (navigator.onLine) await syncAll();
      else void message.info(t('done.queued'));
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="m-volunteer-close-form">
      <Typography.Text>{t('before')}</Typography.Text>
      <PhotoPicker photos={before} max={1} onChange={setBefore} testId="m-volunteer-before" />
      <Typography.Text>{t('after')}</Typography.Text>
      <PhotoPicker photos={after} max={1} onChange={setAfter} testId="m-volunteer-after" />
      <Input.TextArea
        rows={2}
        maxLength={500}
        placeholder={t('closeNote')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        data-testid="m-volunteer-close-note"
      />
      <Space>
        <Button
          type="primary"
          disabled={!ready}
          loading={busy}
          onClick={() => void submit()}
          data-testid="m-volunteer-close-submit"
        >
          {t('submit')}
        </Button>
        <Button onClick={onDone}>{t('cancel')}</Button>
      </Space>
    </Space>
  );
}

/** 放弃认领 with a reason: the case goes back to the chain. */
export function ClaimRelease({ c, onDone }: Props) {
  const { t } = useTranslation(NS);
  const qc = useQueryClient();
  const [note, setNote] = useState('');
  const [key] = useState(newKey);
  const release = useMutation({
    mutationFn: () =>
      api.post(`/api/forces/claims/${c.id}/release`, { version: c.version, note: note.trim(), idempotencyKey: key }),
    onSuccess: () => qc.invalidateQueries({ queryKey: VOLUNTEER_KEY }),
  });
  const submit = async () => {
    try {
      await release.mutateAsync();
      onDone();
    } catch (err) {
      notifyError(err);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.TextArea
        rows={2}
        maxLength={500}
        placeholder={t('releaseNote')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        data-testid="m-volunteer-release-note"
      />
      <Space>
        <Button
          danger
          disabled={note.trim().length === 0}
          loading={release.isPending}
          onClick={() => void submit()}
          data-testid="m-volunteer-release-submit"
        >
          {t('actions.release')}
        </Button>
        <Button onClick={onDone}>{t('cancel')}</Button>
      </Space>
    </Space>
  );
}
