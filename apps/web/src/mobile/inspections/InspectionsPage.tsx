import { useEffect, useState } from 'react';
import { App, Button, Card, Empty, Select, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { InspectionTemplateView, InspectionView } from '@gewu/domain';
import { api } from '../../app/api.ts';
import { notifyError } from '../../app/notify.ts';
import { useCurrentUser } from '../../app/session.ts';
import { formatTime } from '../../components/formatTime.ts';
import { MOBILE_KEY, useCachedQuery } from '../api.ts';
import { useOutbox } from '../offline/useOutbox.tsx';
import { InspectionForm, type Place } from './InspectionForm.tsx';
import { type QueuedInspection, inspectionOutbox } from './inspectionQueue.ts';
import { NS } from './i18n.ts';

const KEY = [...MOBILE_KEY, 'inspections'] as const;
type Row = Omit<InspectionView, 'answers'>;

/** Reference data fetched online and kept on the device, so an inspection can be started in a dead zone. */
const useCached = <T,>(key: string, fetch: () => Promise<T>) =>
  useCachedQuery<T>(key, [...MOBILE_KEY, 'cached', key], fetch, true, true);

/**
 * 隐患排查 on the grid worker's phone: pick a place of the area and a checklist, answer item by item
 * (a photo where a failure needs one); the inspection waits on the device until it is sent, also after
 * hours offline, and is sent once. A failed item of a sent inspection becomes a case in one tap.
 */
export default function InspectionsPage() {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [placeKey, setPlaceKey] = useState<string>();
  const [templateId, setTemplateId] = useState<string>();
  const [started, setStarted] = useState(false);
  const [pending, setPending] = useState<QueuedInspection[]>([]);
  const places = useCached<Place[]>(`inspection-places-${user.id}`, async () => {
    const [kp, hs] = await Promise.all([
      api.get<{ items: { id: string; name: string; lon: number | null; lat: number | null }[] }>('/api/key-places'),
      api.get<{ items: { id: string; address: string }[] }>('/api/houses', { pageSize: 200 }),
    ]);
    return [
      ...kp.items.map((p) => ({ kind: 'key_place' as const, id: p.id, name: p.name, lon: p.lon, lat: p.lat })),
      ...hs.items.map((h) => ({ kind: 'house' as const, id: h.id, name: h.address })),
    ];
  });
  const templates = useCached<InspectionTemplateView[]>(
    `inspection-templates-${user.id}`,
    async () => (await api.get<{ items: InspectionTemplateView[] }>('/api/inspection-templates')).items,
  );
  const recent = useQuery({
    queryKey: KEY,
    queryFn: () => api.get<{ items: Row[]; total: number }>('/api/inspections', { pageSize: 20 }),
  });

  const { syncAll } = useOutbox();
  useEffect(() => {
    const reload = () => void inspectionOutbox.list(user.id).then(setPending, () => setPending([]));
    reload();
    return inspectionOutbox.subscribe(reload);
  }, [user.id]);

  const place = places.data?.find((p) => `${p.kind}:${p.id}` === placeKey);
  const template = templates.data?.find((x) => x.id === templateId);
  const queued = async (item: QueuedInspection) => {
    await inspectionOutbox.put(item);
    setStarted(false);
    void message.info(t('queued'));
    // The app-wide outbox sends it (now if online, else on `online` and every 30 s, whatever page is open).
    void syncAll();
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="m-inspections">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      {pending.length > 0 && (
        <Card size="small" data-testid="m-inspection-pending">
          <div data-testid="m-inspection-pending-text">{t('pending', { count: pending.length })}</div>
          {pending
            .filter((p) => p.status === 'failed')
            .map((p) => (
              <div key={p.id}>
                <Typography.Text type="danger">
                  {t('failedSend', { message: p.lastError?.message ?? '' })}
                </Typography.Text>{' '}
                <Button size="small" onClick={() => void inspectionOutbox.remove(p.id)}>
                  {t('discard')}
                </Button>
              </div>
            ))}
        </Card>
      )}
      {!started && (
        <Card size="small">
          <Space direction="vertical" style={{ width: '100%' }}>
            <Select
              showSearch
              optionFilterProp="label"
              style={{ width: '100%' }}
              placeholder={t('placePick')}
              value={placeKey}
              onChange={setPlaceKey}
              data-testid="m-inspection-place"
              options={(places.data ?? []).map((p) => ({
                value: `${p.kind}:${p.id}`,
                label: `${t(`kinds.${p.kind}`)} · ${p.name}`,
              }))}
            />
            <Select
              style={{ width: '100%' }}
              placeholder={t('template')}
              value={templateId}
              onChange={setTemplateId}
              data-testid="m-inspection-template"
              options={(templates.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
            />
            <Button
              type="primary"
              block
              disabled={!place || !template}
              onClick={() => setStarted(true)}
              data-testid="m-inspection-start"
            >
              {t('start')}
            </Button>
          </Space>
        </Card>
      )}
      {started && place && template && (
        <InspectionForm
          key={`${placeKey}-${templateId}`}
          userId={user.id}
          place={place}
          template={template}
          onQueued={(i) => void queued(i)}
        />
      )}
      <Typography.Text strong>{t('recent')}</Typography.Text>
      {recent.data && recent.data.items.length === 0 && <Empty description={t('empty')} />}
      {recent.data?.items.map((r) => (
        <RecentCard key={r.id} row={r} />
      ))}
    </Space>
  );
}

/** A sent inspection; its failed items, each one tap away from a case. */
function RecentCard({ row }: { row: Row }) {
  const { t } = useTranslation(NS);
  const qc = useQueryClient();
  const detail = useQuery({
    queryKey: [...KEY, row.id],
    queryFn: () => api.get<InspectionView>(`/api/inspections/${row.id}`),
    enabled: row.failedCount > 0,
  });
  const toCase = useMutation({
    mutationFn: (key: string) => api.post<{ caseCode: string }>(`/api/inspections/${row.id}/items/${key}/case`, {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...KEY, row.id] }),
    onError: notifyError,
  });
  return (
    <Card
      size="small"
      title={row.placeName}
      extra={
        <Tag color={row.failedCount ? 'red' : 'green'}>
          {row.failedCount ? t('failedCount', { count: row.failedCount }) : t('pass')}
        </Tag>
      }
      data-testid="m-inspection"
    >
      <Typography.Text type="secondary">
        {row.templateName} · {formatTime(row.performedAt)}
      </Typography.Text>
      {detail.data?.answers
        .filter((a) => a.result === 'fail')
        .map((a) => (
          <div key={a.key} style={{ marginTop: 8 }} data-testid={`m-inspection-failed-${a.key}`}>
            <Typography.Text type="danger">{a.text}</Typography.Text>
            <div>
              {a.caseCode ? (
                <Tag data-testid="m-inspection-case">{t('caseMade', { code: a.caseCode })}</Tag>
              ) : (
                <Button
                  size="small"
                  loading={toCase.isPending}
                  onClick={() => toCase.mutate(a.key)}
                  data-testid="m-inspection-to-case"
                >
                  {t('toCase')}
                </Button>
              )}
            </div>
          </div>
        ))}
    </Card>
  );
}
