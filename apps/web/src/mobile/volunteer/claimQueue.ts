/**
 * 处置完成 of a claimed problem, kept on the volunteer's phone until sent: the two photos and the note are
 * stored on the device first with the idempotency key made once, then sent by the field outbox
 * (deviceQueue.ts) app-wide — each photo uploaded once, its id saved at once — so closing a claim in a
 * dead zone is never lost and never closed twice.
 */
import { api } from '../../app/api.ts';
import { uploadPhoto } from '../api.ts';
import { DeviceQueue, type DeviceError } from '../offline/deviceQueue.ts';
import { idbStore, withFallback } from '../offline/idbStore.ts';
import { type QueueStatus, newKey } from '../offline/offlineQueue.ts';

interface QueuedClaimPhoto {
  blob: Blob;
  attachmentId?: string;
}

export interface QueuedClaimClose {
  id: string;
  userId: string;
  createdAt: string;
  status: QueueStatus;
  attempts?: number;
  lastError?: DeviceError;
  caseId: string;
  caseCode: string;
  /** The case version the volunteer saw. */
  version: number;
  note: string;
  idempotencyKey: string;
  before: QueuedClaimPhoto;
  after: QueuedClaimPhoto;
}

async function send(start: QueuedClaimClose, save: (next: QueuedClaimClose) => Promise<void>): Promise<unknown> {
  let item = start;
  for (const side of ['before', 'after'] as const) {
    if (item[side].attachmentId) continue;
    const { id } = await uploadPhoto(item[side].blob);
    item = { ...item, [side]: { ...item[side], attachmentId: id } };
    await save(item);
  }
  return api.post(`/api/forces/claims/${item.caseId}/close`, {
    version: item.version,
    beforePhotoId: item.before.attachmentId,
    afterPhotoId: item.after.attachmentId,
    note: item.note,
    idempotencyKey: item.idempotencyKey,
  });
}

class ClaimCloseQueue extends DeviceQueue<QueuedClaimClose> {
  enqueue(
    userId: string,
    c: { caseId: string; caseCode: string; version: number; note: string; before: Blob; after: Blob },
  ): Promise<QueuedClaimClose> {
    return this.put({
      id: newKey(),
      userId,
      createdAt: new Date().toISOString(),
      status: 'pending',
      caseId: c.caseId,
      caseCode: c.caseCode,
      version: c.version,
      note: c.note,
      idempotencyKey: newKey(),
      before: { blob: c.before },
      after: { blob: c.after },
    });
  }
}

/** The device's outbox of claims closed (市民认领 处置完成), in the order closed. */
export const claimOutbox = new ClaimCloseQueue(
  withFallback(idbStore<QueuedClaimClose>('gewu-mobile-claims', 'outbox')),
  send,
  (a, b) => a.createdAt.localeCompare(b.createdAt),
);
