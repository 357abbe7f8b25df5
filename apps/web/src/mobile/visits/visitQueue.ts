/**
 * The phone's outbox of visits (走访): a visit is stored on the device first under a client id made once
 * (the server's `clientId`, so a retry returns the visit already made), then sent — each photo uploaded
 * once, its id saved at once — by the field outbox (deviceQueue.ts), app-wide. A transient error keeps the
 * rest for the next try; a refusal marks that one failed with the server's message. Sent visits are remembered
 * on the device (id and findings) for the 转为案件 one-tap.
 */
import type { VisitInput, VisitRecorded } from '@gewu/domain';
import { api } from '../../app/api.ts';
import { uploadPhoto } from '../api.ts';
import { DeviceQueue, type DeviceError } from '../offline/deviceQueue.ts';
import { idbStore, withFallback } from '../offline/idbStore.ts';
import { readCache, writeCache } from '../offline/localCache.ts';
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

/** A visit the server has: kept on the device to turn its findings into a case. */
export interface SentVisit {
  id: string;
  label: string;
  findings: string;
  visitedAt: string;
  caseCode?: string;
}

const listeners = new Set<() => void>();
const sentKey = (userId: string) => `visits.sent.${userId}`;

export function sentVisits(userId: string): SentVisit[] {
  return readCache<SentVisit[]>(sentKey(userId))?.data ?? [];
}

export function saveSent(userId: string, list: SentVisit[]): void {
  writeCache(sentKey(userId), list.slice(0, 20));
  listeners.forEach((l) => l());
}

/** Tells when the sent visits kept on the device change. */
export function subscribeSent(l: () => void): () => void {
  listeners.add(l);
  return () => void listeners.delete(l);
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
  const done = await api.post<VisitRecorded>('/api/visits', { ...item.body, clientId: item.id, photoIds });
  const findings = item.body.findings?.trim();
  if (findings) {
    const list = sentVisits(item.userId).filter((v) => v.id !== done.id);
    saveSent(item.userId, [{ id: done.id, label: item.label, findings, visitedAt: done.visitedAt }, ...list]);
  }
  return done;
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
