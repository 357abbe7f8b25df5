/**
 * The phone's outbox of visits (走访): a visit is stored on the device first under a client id made once
 * (the server's `clientId`, so a retry returns the visit already made), then sent — each photo uploaded
 * once, its id saved at once. A transient error (no network, server busy, session expired) keeps the rest
 * for the next try; a refusal marks that one failed with the server's message. Sent visits are remembered
 * on the device (id and findings) for the 转为案件 one-tap.
 */
import type { VisitInput, VisitRecorded } from '@gewu/domain';
import { api } from '../../app/api.ts';
import { uploadPhoto } from '../api.ts';
import { type KeyedStore, idbStore, withFallback } from '../offline/idbStore.ts';
import { readCache, writeCache } from '../offline/localCache.ts';
import { type QueueStatus, type TransportError, isTransient, newKey } from '../offline/offlineQueue.ts';

export interface QueuedVisit {
  /** The client id: the server's idempotency key. */
  id: string;
  userId: string;
  createdAt: string;
  status: QueueStatus;
  lastError?: { status: number; code: string; message: string };
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

const store: KeyedStore<QueuedVisit> = withFallback(idbStore<QueuedVisit>('gewu-mobile-visits', 'outbox'));
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((l) => l());
let tail: Promise<unknown> = Promise.resolve();
const sentKey = (userId: string) => `visits.sent.${userId}`;

export function sentVisits(userId: string): SentVisit[] {
  return readCache<SentVisit[]>(sentKey(userId))?.data ?? [];
}

export function saveSent(userId: string, list: SentVisit[]): void {
  writeCache(sentKey(userId), list.slice(0, 20));
  changed();
}

export const visitOutbox = {
  subscribe(l: () => void) {
    listeners.add(l);
    return () => void listeners.delete(l);
  },
  async list(userId: string): Promise<QueuedVisit[]> {
    return (await store.list())
      .filter((i) => i.userId === userId)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  },
  async enqueue(userId: string, label: string, body: QueuedVisit['body'], photos: Blob[]): Promise<void> {
    const item: QueuedVisit = {
      id: newKey(),
      userId,
      createdAt: new Date().toISOString(),
      status: 'pending',
      label,
      body,
      photos: photos.map((blob) => ({ blob })),
    };
    await store.put(item);
    changed();
  },
  async remove(id: string): Promise<void> {
    await store.remove(id);
    changed();
  },
  /** Sends the user's pending visits, one run at a time; returns how many went. */
  sync(userId: string): Promise<number> {
    const run = tail.then(() => runOnce(userId));
    tail = run.catch(() => undefined);
    return run;
  },
};

async function runOnce(userId: string): Promise<number> {
  let sent = 0;
  for (const start of await visitOutbox.list(userId)) {
    if (start.status !== 'pending') continue;
    let item = start;
    try {
      for (let i = 0; i < item.photos.length; i++) {
        const p = item.photos[i];
        if (!p || p.attachmentId) continue;
        const { id } = await uploadPhoto(p.blob);
        item = { ...item, photos: item.photos.map((x, j) => (j === i ? { ...x, attachmentId: id } : x)) };
        await store.put(item);
      }
      const photoIds = item.photos.map((p) => p.attachmentId).filter((id): id is string => !!id);
      const done = await api.post<VisitRecorded>('/api/visits', { ...item.body, clientId: item.id, photoIds });
      await store.remove(item.id);
      const findings = item.body.findings?.trim();
      if (findings) {
        const list = sentVisits(userId).filter((v) => v.id !== done.id);
        saveSent(userId, [{ id: done.id, label: item.label, findings, visitedAt: done.visitedAt }, ...list]);
      }
      sent++;
      changed();
    } catch (err) {
      const e = err as TransportError | null;
      const error = { status: e?.status ?? 0, code: e?.code ?? 'network', message: e?.message ?? String(err) };
      await store.put({ ...item, status: isTransient(err) ? 'pending' : 'failed', lastError: error });
      changed();
      if (isTransient(err)) break;
    }
  }
  return sent;
}
