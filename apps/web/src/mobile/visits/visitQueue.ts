/**
 * The phone's outbox of visits (走访): a visit is stored on the device first under a client id made once
 * (the server's `clientId`, so a retry returns the visit already made), then sent — each photo uploaded
 * once, its id saved at once — by the field outbox (deviceQueue.ts), app-wide. A transient error keeps the
 * rest for the next try; a refusal marks that one failed with the server's message. Once sent, nothing of it
 * stays on the device: the 已发送 list with its 转为案件 one-tap is read from the server (useSentVisits).
 */
import type { VisitInput, VisitRecorded } from '@gewu/domain';
import { api } from '../../app/api.ts';
import { uploadPhoto } from '../api.ts';
import { DeviceQueue, type DeviceError } from '../offline/deviceQueue.ts';
import { idbStore, withFallback } from '../offline/idbStore.ts';
import { type QueueStatus, newKey } from '../offline/offlineQueue.ts';

export interface QueuedVisit {
  /** The client id: the server's idempotency key. */
  id: string;
  userId: string;
  createdAt: string;
  status: QueueStatus;
  lastError?: DeviceError;
  /** Shown in the outbox (the masked name of the person, or the kind). */
  label: string;
  body: Omit<VisitInput, 'clientId' | 'photoIds'>;
  photos: { blob: Blob; attachmentId?: string }[];
}

async function send(start: QueuedVisit, save: (next: QueuedVisit) => Promise<void>): Promise<VisitRecorded> {
  let item = start;
  for (let i = 0; i < item.photos.length; i++) {
    const p = item.photos[i];
    if (!p || p.attachmentId) continue;
    const { id } = await uploadPhoto(p.blob);
    item = { ...item, photos: item.photos.map((x, j) => (j === i ? { ...x, attachmentId: id } : x)) };
    await save(item);
  }
  const photoIds = item.photos.map((p) => p.attachmentId).filter((id): id is string => !!id);
  return api.post<VisitRecorded>('/api/visits', { ...item.body, clientId: item.id, photoIds });
}

class VisitQueue extends DeviceQueue<QueuedVisit> {
  enqueue(userId: string, label: string, body: QueuedVisit['body'], photos: Blob[]): Promise<QueuedVisit> {
    return this.put({
      id: newKey(),
      userId,
      createdAt: new Date().toISOString(),
      status: 'pending',
      label,
      body,
      photos: photos.map((blob) => ({ blob })),
    });
  }
}

/** The device's outbox of visits, sent in the order recorded. */
export const visitOutbox = new VisitQueue(
  withFallback(idbStore<QueuedVisit>('gewu-mobile-visits', 'outbox')),
  send,
  (a, b) => a.createdAt.localeCompare(b.createdAt),
);
