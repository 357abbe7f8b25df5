/**
 * The phone's outbox of inspections (隐患排查): an inspection is stored on the device first under a
 * client id made once (the server's idempotency key), then sent — each photo uploaded once, its id
 * saved at once — so a retry after a dead zone or a lost answer never makes a second inspection.
 * Sent in the order taken by the field outbox (deviceQueue.ts), app-wide: a transient error keeps the rest
 * for the next try, a refusal marks that one failed with the server's message.
 */
import type { InspectionView } from '@gewu/domain';
import { api } from '../../app/api.ts';
import { DeviceQueue, type DeviceError } from '../offline/deviceQueue.ts';
import { idbStore, withFallback } from '../offline/idbStore.ts';
import type { QueueStatus } from '../offline/offlineQueue.ts';
import { uploadPhoto } from '../api.ts';

export interface QueuedAnswer {
  key: string;
  result?: 'pass' | 'fail' | 'na';
  value?: number;
  photos: { blob: Blob; attachmentId?: string }[];
}

export interface QueuedInspection {
  /** The client id: the server's idempotency key. */
  id: string;
  userId: string;
  createdAt: string;
  status: QueueStatus;
  lastError?: DeviceError;
  templateId: string;
  place: { kind: 'key_place' | 'organisation' | 'house'; id: string; name: string };
  placeType: string;
  location?: { lon: number; lat: number };
  answers: QueuedAnswer[];
}

/** A v4 UUID (the server wants one as the client id). */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

async function send(start: QueuedInspection, save: (next: QueuedInspection) => Promise<void>): Promise<InspectionView> {
  let item = start;
  for (const [i, a] of item.answers.entries())
    for (const [j, p] of a.photos.entries()) {
      if (p.attachmentId) continue;
      const { id } = await uploadPhoto(p.blob);
      const answers = item.answers.map((x, k) =>
        k === i ? { ...x, photos: x.photos.map((y, l) => (l === j ? { ...y, attachmentId: id } : y)) } : x,
      );
      item = { ...item, answers };
      await save(item);
    }
  return api.post<InspectionView>('/api/inspections', {
    clientId: item.id,
    templateId: item.templateId,
    place: { kind: item.place.kind, id: item.place.id },
    placeType: item.placeType,
    ...(item.location ? { location: item.location } : {}),
    performedAt: item.createdAt,
    answers: item.answers.map((a) => ({
      key: a.key,
      ...(a.result ? { result: a.result } : {}),
      ...(a.value !== undefined ? { value: a.value } : {}),
      photoIds: a.photos.map((p) => p.attachmentId).filter((x): x is string => !!x),
    })),
  });
}

/** The device's outbox of inspections, sent in the order taken. */
export const inspectionOutbox = new DeviceQueue<QueuedInspection>(
  withFallback(idbStore<QueuedInspection>('gewu-mobile-inspections', 'outbox')),
  send,
  (a, b) => a.createdAt.localeCompare(b.createdAt),
);
