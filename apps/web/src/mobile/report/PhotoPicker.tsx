import { useState, type ChangeEvent } from 'react';
import { Spin } from 'antd';
import { CameraOutlined, CloseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { newKey } from '../offline/offlineQueue.ts';
import type { PhotoEntry } from './form.ts';
import { downscalePhoto } from './photos.ts';

interface Props {
  photos: PhotoEntry[];
  /** At most this many (the contract's limit for the report or the action). */
  max: number;
  onChange: (photos: PhotoEntry[]) => void;
  /** data-testid of the file input; thumbnails and remove buttons get `<testId>-thumb` / `<testId>-remove-<i>`. */
  testId: string;
  error?: string;
}

/**
 * Photos from the camera (or the gallery): each is shrunk on the device to ≤ 2048 px JPEG right
 * away, so the thumbnails, the offline queue and the upload all hold the small copy.
 */
export function PhotoPicker({ photos, max, onChange, testId, error }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const add = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const files = Array.from(input.files ?? []);
    input.value = ''; // the same photo may be picked again after removing it
    if (files.length === 0) return;
    setProblem(null);
    const room = max - photos.length;
    if (files.length > room) setProblem(t('mobile.photos.tooMany', { max }));
    setBusy(true);
    const added: PhotoEntry[] = [];
    for (const file of files.slice(0, Math.max(0, room))) {
      try {
        const blob = await downscalePhoto(file);
        added.push({ key: newKey(), blob, url: URL.createObjectURL(blob) });
      } catch {
        setProblem(t('mobile.photos.unreadable', { name: file.name }));
      }
    }
    setBusy(false);
    if (added.length) onChange([...photos, ...added]);
  };

  const remove = (key: string) => {
    const photo = photos.find((p) => p.key === key);
    if (photo) URL.revokeObjectURL(photo.url);
    onChange(photos.filter((p) => p.key !== key));
  };

  return (
    <div>
      <div className="m-photos">
        {photos.map((p, i) => (
          <div key={p.key} className="m-photo" data-testid={`${testId}-thumb`}>
            <img src={p.url} alt={t('mobile.photos.alt', { n: i + 1 })} />
            <button
              type="button"
              className="m-photo-remove"
              aria-label={t('mobile.photos.remove', { n: i + 1 })}
              onClick={() => remove(p.key)}
              data-testid={`${testId}-remove-${i}`}
            >
              <CloseOutlined />
            </button>
          </div>
        ))}
        {photos.length < max && (
          <label className="m-photo-add">
            {busy ? <Spin /> : <CameraOutlined style={{ fontSize: 28 }} />}
            <span>{t('mobile.photos.add')}</span>
            <input
              type="file"
              accept="image/*"
              capture="environment"
              multiple
              onChange={(e) => void add(e)}
              data-testid={testId}
              aria-label={t('mobile.photos.add')}
            />
          </label>
        )}
      </div>
      <div className="m-muted m-hint">{t('mobile.photos.count', { n: photos.length, max })}</div>
      {(problem || error) && <div className="m-field-error">{problem ?? error}</div>}
    </div>
  );
}
