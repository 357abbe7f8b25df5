import { useState } from 'react';
import { App, Button, Input, Space, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ClaimCaseView } from '@gewu/domain';
import { api } from '../../app/api.ts';
import { notifyError } from '../../app/notify.ts';
import { uploadPhoto } from '../api.ts';
import { newKey } from '../offline/offlineQueue.ts';
import { PhotoPicker } from '../report/PhotoPicker.tsx';
import type { PhotoEntry } from '../report/form.ts';
import { VOLUNTEER_KEY } from './api.ts';
import { NS } from './i18n.ts';

interface Props {
  c: ClaimCaseView;
  onDone: () => void;
}

/** 处置完成: a photo before and one after, and a word on what was done; the grid worker confirms it. */
export function ClaimClose({ c, onDone }: Props) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [before, setBefore] = useState<PhotoEntry[]>([]);
  const [after, setAfter] = useState<PhotoEntry[]>([]);
  const [note, setNote] = useState('');
  const [key] = useState(newKey);
  const close = useMutation({
    mutationFn: async () => {
      const [b, a] = [before[0], after[0]];
      if (!b || !a) throw new Error(t('photosNeeded'));
      const beforePhotoId = (await uploadPhoto(b.blob)).id;
      const afterPhotoId = (await uploadPhoto(a.blob)).id;
      const body = { version: c.version, beforePhotoId, afterPhotoId, note: note.trim(), idempotencyKey: key };
      return api.post(`/api/forces/claims/${c.id}/close`, body);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: VOLUNTEER_KEY }),
  });
  const ready = before.length === 1 && after.length === 1 && note.trim().length > 0;
  const submit = async () => {
    try {
      await close.mutateAsync();
      void message.success(t('done.close'));
      onDone();
    } catch (err) {
      notifyError(err);
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
          loading={close.isPending}
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
