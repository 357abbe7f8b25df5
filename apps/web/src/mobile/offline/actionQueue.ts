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
import type { KeyedStore } from './idbStore.ts';
import { isTransient, newKey, type QueueStatus, type QueuedPhoto, type TransportError } from './offlineQueue.ts';

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
  lastError?: { status: number; code: string; message: string };
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
  | { kind: 'sent'; item: QueuedAction; detail: CaseDetail }
  | { kind: 'failed'; item: QueuedAction; error: NonNullable<QueuedAction['lastError']> }
  | { kind: 'kept'; item: QueuedAction; error: NonNullable<QueuedAction['lastError']> };

function describe(err: unknown): NonNullable<QueuedAction['lastError']> {
  const e = err as TransportError | null;
  const status = typeof e?.status === 'number' ? e.status : 0;
  return { status, code: e?.code ?? 'network', message: e?.message ?? String(err) };
}

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

export class ActionQueue {
  private readonly listeners = new Set<() => void>();
  private tail: Promise<unknown> = Promise.resolve();
  private readonly removed = new Set<string>();
  private lastSeq = 0;

  constructor(
    private readonly store: KeyedStore<QueuedAction>,
    private readonly transport: ActionTransport,
    private readonly now: () => Date = () => new Date(),
  ) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  /** The user's queued actions in the order they were taken. */
  async list(userId: string): Promise<QueuedAction[]> {
    const all = await this.store.list();
    return all.filter((a) => a.userId === userId).sort((a, b) => a.seq - b.seq);
  }

  async enqueue(userId: string, input: ActionDraftInput): Promise<QueuedAction> {
    const at = this.now();
    this.lastSeq = Math.max(this.lastSeq + 1, at.getTime() * 1000);
    const { photos, ...rest } = input;
    const item: QueuedAction = {
      ...rest,
      id: newKey(),
      userId,
      seq: this.lastSeq,
      createdAt: at.toISOString(),
      idempotencyKey: newKey(),
      status: 'pending',
      attempts: 0,
      photos: photos.map((blob) => ({ blob })),
    };
    await this.store.put(item);
    this.changed();
    return item;
  }

  async remove(id: string): Promise<void> {
    this.removed.add(id);
    await this.store.remove(id);
    this.changed();
  }

  /**
   * Sends the user's pending actions in order, one run at a time; stops at the first transient
   * error (no network, server busy, session expired), marks a refused one failed and goes on.
   */
  sync(userId: string): Promise<ActionOutcome[]> {
    const run = this.tail.then(() => this.runOnce(userId));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async runOnce(userId: string): Promise<ActionOutcome[]> {
    const outcomes: ActionOutcome[] = [];
    for (const item of await this.list(userId)) {
      if (item.status !== 'pending' || this.removed.has(item.id)) continue;
      const outcome = await this.send(item);
      outcomes.push(outcome);
      if (outcome.kind === 'kept') break;
    }
    return outcomes;
  }

  private async send(original: QueuedAction): Promise<ActionOutcome> {
    let item: QueuedAction = { ...original, attempts: original.attempts + 1 };
    try {
      item = await this.uploadPhotos(item);
      let detail: CaseDetail;
      try {
        detail = await this.transport.act(item.caseId, actionBodyOf(item));
      } catch (err) {
        if (!isStalePhotoError(err)) throw err;
        // Uploaded long ago and purged as unlinked: the device still has them, upload once more.
        item = { ...item, photos: item.photos.map(({ blob }) => ({ blob })) };
        await this.save(item);
        item = await this.uploadPhotos(item);
        detail = await this.transport.act(item.caseId, actionBodyOf(item));
      }
      await this.store.remove(item.id);
      this.changed();
      return { kind: 'sent', item, detail };
    } catch (err) {
      const error = describe(err);
      const kept = isTransient(err);
      // The photos uploaded before the failure were saved one by one: start from the stored copy.
      const stored = this.removed.has(item.id) ? undefined : await this.store.get(item.id);
      item = { ...(stored ?? item), attempts: item.attempts, status: kept ? 'pending' : 'failed', lastError: error };
      await this.save(item);
      this.changed();
      return kept ? { kind: 'kept', item, error } : { kind: 'failed', item, error };
    }
  }

  private async save(item: QueuedAction): Promise<void> {
    if (!this.removed.has(item.id)) await this.store.put(item);
  }

  /** Uploads the photos not yet uploaded, saving each id at once so a retry never uploads it again. */
  private async uploadPhotos(start: QueuedAction): Promise<QueuedAction> {
    let item = start;
    for (let i = 0; i < item.photos.length; i++) {
      const photo = item.photos[i];
      if (!photo || photo.attachmentId) continue;
      const { id } = await this.transport.uploadPhoto(photo.blob);
      item = { ...item, photos: item.photos.map((p, j) => (j === i ? { ...p, attachmentId: id } : p)) };
      await this.save(item);
    }
    return item;
  }
}
