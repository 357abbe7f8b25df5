import { useState } from 'react';
import { App, Button, Card, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
// Zod-free: the phone loads inspections.ts and the contracts' types only.
import {
  INSPECTION_LIMITS,
  type InspectionItem,
  type InspectionTemplateView,
  type InspectionView,
  outcomeOf,
} from '@gewu/domain';
import { api } from '../../app/api.ts';
import { formatTime } from '../../components/formatTime.ts';
import { MOBILE_KEY } from '../api.ts';
import { PhotoPicker } from '../report/PhotoPicker.tsx';
import type { PhotoEntry } from '../report/form.ts';
import { type QueuedInspection, newClientId } from './inspectionQueue.ts';
import { NS } from './i18n.ts';

export type Place = { kind: 'key_place' | 'house'; id: string; name: string; lon?: number | null; lat?: number | null };
type Answer = { result?: 'pass' | 'fail' | 'na'; value?: number; photos: PhotoEntry[] };

/** One inspection being answered: item by item, a photo where a failure needs one; queued on the device. */
export function InspectionForm({
  userId,
  place,
  template,
  onQueued,
}: {
  userId: string;
  place: Place;
  template: InspectionTemplateView;
  onQueued: (item: QueuedInspection) => void;
}) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const [placeType, setPlaceType] = useState(template.placeTypes[0] ?? '');
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const last = useQuery({
    queryKey: [...MOBILE_KEY, 'inspection-last', place.kind, place.id, template.key],
    queryFn: () =>
      api.get<{ last: InspectionView | null }>('/api/inspections/last', {
        placeKind: place.kind,
        placeId: place.id,
        templateKey: template.key,
      }),
    retry: false,
  });
  const set = (key: string, a: Partial<Answer>) =>
    setAnswers((all) => ({ ...all, [key]: { photos: [], ...all[key], ...a } }));
  const outcome = (i: InspectionItem) => {
    const a = answers[i.key];
    return a ? outcomeOf(i, a) : null;
  };
  const submit = () => {
    const missing = template.items.filter((i) => i.required && outcome(i) === null);
    const noPhoto = template.items.filter(
      (i) => i.photoOnFail && outcome(i) === 'fail' && !answers[i.key]?.photos.length,
    );
    if (missing.length || noPhoto.length) {
      void message.error(missing.length ? t('missing') : t('photoNeeded'));
      return;
    }
    onQueued({
      id: newClientId(),
      userId,
      createdAt: new Date().toISOString(),
      status: 'pending',
      templateId: template.id,
      place: { kind: place.kind, id: place.id, name: place.name },
      placeType,
      ...(place.lon != null && place.lat != null ? { location: { lon: place.lon, lat: place.lat } } : {}),
      answers: template.items.flatMap((i) => {
        const a = answers[i.key];
        if (!a || outcome(i) === null) return [];
        return [
          {
            key: i.key,
            ...(a.result ? { result: a.result } : {}),
            ...(a.result !== 'na' && a.value !== undefined ? { value: a.value } : {}),
            photos: a.photos.map((p) => ({ blob: p.blob })),
          },
        ];
      }),
    });
  };
  const earlier = last.data?.last;
  return (
    <Card size="small" title={`${place.name} · ${template.name}`} data-testid="m-inspection-form">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Select
          style={{ width: '100%' }}
          value={placeType}
          onChange={setPlaceType}
          data-testid="m-inspection-place-type"
          options={template.placeTypes.map((p) => ({ value: p, label: t(`placeTypes.${p}`) }))}
        />
        {template.items.map((i) => {
          const before = earlier?.answers.find((a) => a.key === i.key);
          const a = answers[i.key];
          return (
            <div
              key={i.key}
              data-testid={`m-inspection-item-${i.key}`}
              style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}
            >
              <Typography.Text>{i.text}</Typography.Text>
              {before && (
                <div>
                  <Typography.Text
                    type={before.result === 'fail' ? 'danger' : 'secondary'}
                    data-testid={`m-inspection-last-${i.key}`}
                  >
                    {t('last', { date: formatTime(earlier?.performedAt ?? ''), result: t(before.result) })}
                  </Typography.Text>
                </div>
              )}
              <div style={{ marginTop: 4 }}>
                {i.answer.kind === 'number' && (
                  <InputNumber
                    value={a?.value}
                    onChange={(v) => set(i.key, { value: v ?? undefined, result: undefined })}
                    addonAfter={i.answer.unit}
                    data-testid={`m-inspection-value-${i.key}`}
                  />
                )}
                <Radio.Group
                  value={i.answer.kind === 'number' ? (a?.result === 'na' ? 'na' : undefined) : a?.result}
                  onChange={(e) => set(i.key, { result: e.target.value })}
                  optionType="button"
                  size="middle"
                  style={{ marginTop: 4 }}
                  options={(i.answer.kind === 'number' ? (['na'] as const) : (['pass', 'fail', 'na'] as const)).map(
                    (r) => ({
                      value: r,
                      label: <span data-testid={`m-inspection-${r}-${i.key}`}>{t(r)}</span>,
                    }),
                  )}
                />
              </div>
              {outcome(i) === 'fail' && i.photoOnFail && (
                <PhotoPicker
                  photos={a?.photos ?? []}
                  max={INSPECTION_LIMITS.photosMax}
                  onChange={(photos) => set(i.key, { photos })}
                  testId={`m-inspection-photos-${i.key}`}
                />
              )}
            </div>
          );
        })}
        <Button type="primary" block onClick={submit} data-testid="m-inspection-submit">
          {t('submit')}
        </Button>
      </Space>
    </Card>
  );
}
