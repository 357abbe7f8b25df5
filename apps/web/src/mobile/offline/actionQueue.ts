/**
 * The outbox of case actions (签收、处置、反馈、申请延期 … taken on a phone). Like the reports'
 * outbox (offlineQueue.ts), an action is stored on the device first with its idempotency key made
 * once, then sent — photos first, each uploaded once, then the action with that key and the case
 * version the user saw. A retry after a lost answer meets the case already moved by that very
 * action: the server recognises the key and answers with the case, not 409.
 *
 * Plain TypeScript: storage and transport are injected, so the rules are unit-tested (actionQueue.test.ts).
 */

import type { CaseAction, CaseDetail } from '@gewu/domain';
import { DeviceQueue, type DeviceError } from './deviceQueue.ts';
import type { KeyedStore } from './idbStore.ts';
import { newKey, type QueueStatus, type QueuedPhoto, type TransportError } from './offlineQueue.ts';

/** What the user filled in for an action (kept as a draft while typing, then queued). */
export interface ActionDraftInput {
  caseId: string;
  /** For the pending notice (the case number as shown). */
  caseCode: string;
  action: CaseAction;
  /** The case version the user saw when acting. */
  version: number;
  note?: string;
  /** request_extension: the deadline asked for (ISO). */
  until?: string;
  photos: Blob[];
}

export interface QueuedAction {
  id: string;
  userId: string;
  seq: number;
  createdAt: string;
  idempotencyKey: string;
  status: QueueStatus;
  attempts: number;
  lastError?: DeviceError;
  caseId: string;
  caseCode: string;
  action: CaseAction;
  version: number;
  note?: string;
  until?: string;
  photos: QueuedPhoto[];
}

export interface ActionBodyOut {
  action: CaseAction;
  version: number;
  note?: string;
  until?: string;
  attachmentIds: string[];
  idempotencyKey: string;
}

export interface ActionTransport {
  uploadPhoto(blob: Blob): Promise<{ id: string }>;
  act(caseId: string, body: ActionBodyOut): Promise<CaseDetail>;
}

export type ActionOutcome =
  | { kind: 'sent'; item: QueuedAction; result: unknown; detail: CaseDetail }
  | { kind: 'failed' | 'kept'; item: QueuedAction; error: DeviceError };

const isStalePhotoError = (err: unknown) => {
  const code = (err as TransportError | null)?.code;
  return code === 'attachment.expired' || code === 'attachment.unknown';
};

export function actionBodyOf(item: QueuedAction): ActionBodyOut {
  return {
    action: item.action,
    version: item.version,
    ...(item.note ? { note: item.note } : {}),
    ...(item.until ? { until: item.until } : {}),
    attachmentIds: item.photos.map((p) => p.attachmentId).filter((id): id is string => !!id),
    idempotencyKey: item.idempotencyKey,
  };
}

/** Sends one action: its photos not yet uploaded (each id saved at once), then the action with its key. */
function sender(transport: ActionTransport) {
  const uploadPhotos = async (start: QueuedAction, save: (next: QueuedAction) => Promise<void>) => {
    let item = start;
    for (let i = 0; i < item.photos.length; i++) {
      const photo = item.photos[i];
      if (!photo || photo.attachmentId) continue;
      const { id } = await transport.uploadPhoto(photo.blob);
      item = { ...item, photos: item.photos.map((p, j) => (j === i ? { ...p, attachmentId: id } : p)) };
      await save(item);
    }
    return item;
  };
  return async (start: QueuedAction, save: (next: QueuedAction) => Promise<void>): Promise<CaseDetail> => {
    let item = await uploadPhotos(start, save);
    try {
      return await transport.act(item.caseId, actionBodyOf(item));
    } catch (err) {
      if (!isStalePhotoError(err)) throw err;
      // Uploaded long ago and purged as unlinked: the device still has them, upload once more.
      item = { ...item, photos: item.photos.map(({ blob }) => ({ blob })) };
      await save(item);
      item = await uploadPhotos(item, save);
      return transport.act(item.caseId, actionBodyOf(item));
    }
  };
}

/**
 * The field outbox's queue (deviceQueue.ts) for case actions, in the order taken; a sent action's
 * outcome carries the case as the server returned it.
 */
export class ActionQueue extends DeviceQueue<QueuedAction> {
  private lastSeq = 0;

  constructor(
    store: KeyedStore<QueuedAction>,
    transport: ActionTransport,
    private readonly now: () => Date = () => new Date(),
  ) {
    super(store, sender(transport), (a, b) => a.seq - b.seq);
  }

  async enqueue(userId: string, input: ActionDraftInput): Promise<QueuedAction> {
    const at = this.now();
    this.lastSeq = Math.max(this.lastSeq + 1, at.getTime() * 1000);
    const { photos, ...rest } = input;
    return this.put({
      ...rest,
      id: newKey(),
      userId,
      seq: this.lastSeq,
      createdAt: at.toISOString(),
      idempotencyKey: newKey(),
      status: 'pending',
      attempts: 0,
      photos: photos.map((blob) => ({ blob })),
    });
  }

  /**
   * Sends the user's pending actions in order, one run at a time; stops at the first transient
   * error (no network, server busy, session expired), marks a refused one failed and goes on.
   */
  override async sync(userId: string): Promise<ActionOutcome[]> {
    return (await super.sync(userId)).map((o) => (o.kind === 'sent' ? { ...o, detail: o.result as CaseDetail } : o));
  }
}
