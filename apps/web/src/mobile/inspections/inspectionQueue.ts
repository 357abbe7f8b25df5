/**
 * The phone's outbox of inspections (隐患排查): an inspection is stored on the device first under a
 * client id made once (the server's idempotency key), then sent — each photo uploaded once, its id
 * saved at once — so a retry after a dead zone or a lost answer never makes a second inspection.
 * Sent in the order taken; a transient error (no network, server busy, session expired) keeps the
 * rest for the next try, a refusal marks that one failed with the server's message.
 */
import type { InspectionView } from '@gewu/domain';
import { api } from '../../app/api.ts';
import { type KeyedStore, idbStore, withFallback } from '../offline/idbStore.ts';
import { type QueueStatus, type TransportError, isTransient } from '../offline/offlineQueue.ts';
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
  lastError?: { status: number; code: string; message: string };
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

const store: KeyedStore<QueuedInspection> = withFallback(
  idbStore<QueuedInspection>('gewu-mobile-inspections', 'outbox'),
);
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((l) => l());
let tail: Promise<unknown> = Promise.resolve();

export const inspectionOutbox = {
  subscribe(l: () => void) {
    listeners.add(l);
    return () => void listeners.delete(l);
  },
  async list(userId: string): Promise<QueuedInspection[]> {
    return (await store.list())
      .filter((i) => i.userId === userId)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  },
  async enqueue(item: QueuedInspection): Promise<void> {
    await store.put(item);
    changed();
  },
  async remove(id: string): Promise<void> {
    await store.remove(id);
    changed();
  },
  /** Sends the user's pending inspections, one run at a time; returns how many went. */
  sync(userId: string): Promise<number> {
    const run = tail.then(() => runOnce(userId));
    tail = run.catch(() => undefined);
    return run;
  },
};

async function runOnce(userId: string): Promise<number> {
  let sent = 0;
  for (const item of await inspectionOutbox.list(userId)) {
    if (item.status !== 'pending') continue;
    try {
      await send(item);
      sent++;
    } catch (err) {
      const e = err as TransportError | null;
      const lastError = { status: e?.status ?? 0, code: e?.code ?? 'network', message: e?.message ?? String(err) };
      const kept = isTransient(err);
      const stored = (await store.get(item.id)) ?? item;
      await store.put({ ...stored, status: kept ? 'pending' : 'failed', lastError });
      changed();
      if (kept) break;
    }
  }
  return sent;
}

async function send(start: QueuedInspection): Promise<InspectionView> {
  let item = start;
  for (const [i, a] of item.answers.entries())
    for (const [j, p] of a.photos.entries()) {
      if (p.attachmentId) continue;
      const { id } = await uploadPhoto(p.blob);
      const answers = item.answers.map((x, k) =>
        k === i ? { ...x, photos: x.photos.map((y, l) => (l === j ? { ...y, attachmentId: id } : y)) } : x,
      );
      item = { ...item, answers };
      await store.put(item);
    }
  const view = await api.post<InspectionView>('/api/inspections', {
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
  await store.remove(item.id);
  changed();
  return view;
}
