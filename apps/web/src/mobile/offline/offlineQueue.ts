/**
 * The outbox of reports (待同步上报). Every report goes through it: it is stored on the device
 * first, with its idempotency key fixed once, then sent — photos first, then the report with that
 * same key. A report whose answer was lost (dead zone) is sent again with the key it already had,
 * so the server answers `created: false` with the case it made instead of filing a second one.
 *
 * Plain TypeScript without React or the app's fetch wrapper: the storage and the transport are
 * injected, so the rules are unit-tested (offlineQueue.test.ts).
 */

import type { ReportResult } from '@gewu/domain';

/** A photo waiting on the device; `attachmentId` is set once it has been uploaded (never uploaded twice). */
export interface QueuedPhoto {
  blob: Blob;
  attachmentId?: string;
}

/** The report as the form made it, without the photos' ids (they come from the upload). */
export interface ReportDraft {
  itemCode: string;
  description: string;
  location: { lon: number; lat: number; crs: 'WGS84' };
  address?: string;
  anonymous?: boolean;
  /** Absent in drafts queued before it was asked: not agreed. */
  publicConsent?: boolean;
  fields?: Record<string, string | number | string[]>;
  /** 即报即办: what was done on the spot; its photos are `afterPhotos`. */
  selfHandleNote?: string;
}

export type QueueStatus = 'pending' | 'failed';

export interface QueuedReport {
  /** Local id (also the storage key). */
  id: string;
  /** Whose report: only that user's session sends it. */
  userId: string;
  /** Order of submission. */
  seq: number;
  createdAt: string;
  /** Made once when the form is submitted; every retry sends the same one. */
  idempotencyKey: string;
  status: QueueStatus;
  attempts: number;
  lastError?: { status: number; code: string; message: string };
  draft: ReportDraft;
  /** For the list on the banner (the item's name as picked). */
  itemName: string;
  photos: QueuedPhoto[];
  afterPhotos: QueuedPhoto[];
}

/** What the server answered to the report: 201 created, or 200 `created: false` for a retry. */
export type { ReportResult };

export interface ReportBodyOut {
  itemCode: string;
  description: string;
  location: ReportDraft['location'];
  address?: string;
  anonymous: boolean;
  publicConsent: boolean;
  fields: Record<string, string | number | string[]>;
  attachmentIds: string[];
  idempotencyKey: string;
  selfHandle?: { note: string; attachmentIds: string[] };
}

export interface QueueStore {
  list(): Promise<QueuedReport[]>;
  put(item: QueuedReport): Promise<void>;
  remove(id: string): Promise<void>;
}

export interface QueueTransport {
  uploadPhoto(blob: Blob): Promise<{ id: string }>;
  submitReport(body: ReportBodyOut): Promise<ReportResult>;
}

/** An error as the app's fetch wrapper throws it: status 0 for "no network". */
export interface TransportError {
  status: number;
  code?: string;
  message?: string;
}

export type SyncOutcome =
  | { kind: 'sent'; item: QueuedReport; result: ReportResult }
  | { kind: 'failed'; item: QueuedReport; error: NonNullable<QueuedReport['lastError']> }
  | { kind: 'kept'; item: QueuedReport; error: NonNullable<QueuedReport['lastError']> };

/**
 * Whether an error means "try again later" (no network, server busy or down, session expired)
 * rather than "the server refused this report" (validation, outside the area, item not allowed…).
 */
export function isTransient(err: unknown): boolean {
  const status = statusOf(err);
  return status === 0 || status === 401 || status === 408 || status === 429 || status >= 500;
}

function statusOf(err: unknown): number {
  const s = (err as TransportError | null)?.status;
  return typeof s === 'number' ? s : 0; // a plain TypeError from fetch is a network failure
}

/** The server refused the report's photo ids: too old to link (about to be purged) or purged already. */
function isStalePhotoError(err: unknown): boolean {
  const code = (err as TransportError | null)?.code;
  return code === 'attachment.expired' || code === 'attachment.unknown';
}

function describe(err: unknown): NonNullable<QueuedReport['lastError']> {
  const e = err as TransportError | null;
  return { status: statusOf(err), code: e?.code ?? 'network', message: e?.message ?? String(err) };
}

/** A random key that works outside secure contexts too (crypto.randomUUID needs HTTPS or localhost). */
export function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

export interface EnqueueInput {
  userId: string;
  draft: ReportDraft;
  itemName: string;
  photos: Blob[];
  afterPhotos?: Blob[];
}

export class OfflineQueue {
  private readonly listeners = new Set<() => void>();
  private tail: Promise<unknown> = Promise.resolve();
  private next: { userId: string; run: Promise<SyncOutcome[]> } | null = null;
  private readonly outcomes = new Map<string, SyncOutcome>();
  private readonly removed = new Set<string>();
  private lastSeq = 0;

  constructor(
    private readonly store: QueueStore,
    private readonly transport: QueueTransport,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Called after every change (for the banner). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  /** The user's queued reports in submission order. */
  async list(userId: string): Promise<QueuedReport[]> {
    const all = await this.store.list();
    return all.filter((r) => r.userId === userId).sort((a, b) => a.seq - b.seq);
  }

  /** Stores a report on the device with its idempotency key (made here, once). */
  async enqueue(input: EnqueueInput): Promise<QueuedReport> {
    const at = this.now();
    this.lastSeq = Math.max(this.lastSeq + 1, at.getTime() * 1000);
    const item: QueuedReport = {
      id: newKey(),
      userId: input.userId,
      seq: this.lastSeq,
      createdAt: at.toISOString(),
      idempotencyKey: newKey(),
      status: 'pending',
      attempts: 0,
      draft: input.draft,
      itemName: input.itemName,
      photos: input.photos.map((blob) => ({ blob })),
      afterPhotos: (input.afterPhotos ?? []).map((blob) => ({ blob })),
    };
    await this.store.put(item);
    this.changed();
    return item;
  }

  async remove(id: string): Promise<void> {
    this.removed.add(id); // a run sending it right now must not write it back
    await this.store.remove(id);
    this.changed();
  }

  /** Puts a failed report back in line (the user fixed the cause, or wants to try once more). */
  async retry(id: string): Promise<void> {
    const item = (await this.store.list()).find((r) => r.id === id);
    if (!item) return;
    await this.store.put({ ...item, status: 'pending' });
    this.changed();
  }

  /**
   * Sends the user's pending reports in order. Stops at the first transient error (the rest would
   * meet the same dead network, and order is kept); a refused report is marked failed and the next
   * one goes on. Runs never overlap: a call during a run gets the next run, which starts after it
   * (calls made before that next run starts share it).
   */
  sync(userId: string): Promise<SyncOutcome[]> {
    if (this.next && this.next.userId === userId) return this.next.run;
    const run = this.tail.then(() => {
      this.next = null;
      return this.runOnce(userId);
    });
    this.next = { userId, run };
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** The last outcome of sending this report in any run (undefined: not tried yet). */
  outcomeOf(id: string): SyncOutcome | undefined {
    return this.outcomes.get(id);
  }

  private async runOnce(userId: string): Promise<SyncOutcome[]> {
    const outcomes: SyncOutcome[] = [];
    for (const item of await this.list(userId)) {
      if (item.status !== 'pending') continue;
      const outcome = await this.send(item);
      this.outcomes.set(item.id, outcome);
      outcomes.push(outcome);
      if (outcome.kind === 'kept') break;
    }
    return outcomes;
  }

  private async send(original: QueuedReport): Promise<SyncOutcome> {
    let item: QueuedReport = { ...original, attempts: original.attempts + 1 };
    try {
      item = await this.uploadAllPhotos(item);
      let result: ReportResult;
      try {
        result = await this.transport.submitReport(bodyOf(item));
      } catch (err) {
        if (!isStalePhotoError(err)) throw err;
        // The photos went up long ago (a phone out of coverage for weeks) and the server no longer
        // links them: it purges photos no record claims. The device still has them: upload them
        // again, once, and send the report with the same key.
        item = {
          ...item,
          photos: item.photos.map(({ blob }) => ({ blob })),
          afterPhotos: item.afterPhotos.map(({ blob }) => ({ blob })),
        };
        await this.save(item);
        item = await this.uploadAllPhotos(item);
        result = await this.transport.submitReport(bodyOf(item));
      }
      await this.store.remove(item.id);
      this.changed();
      return { kind: 'sent', item, result };
    } catch (err) {
      const error = describe(err);
      const kept = isTransient(err);
      item = { ...item, status: kept ? 'pending' : 'failed', lastError: error };
      await this.save(item);
      this.changed();
      return kept ? { kind: 'kept', item, error } : { kind: 'failed', item, error };
    }
  }

  private async save(item: QueuedReport): Promise<void> {
    if (!this.removed.has(item.id)) await this.store.put(item);
  }

  private async uploadAllPhotos(item: QueuedReport): Promise<QueuedReport> {
    return this.uploadAll(await this.uploadAll(item, 'photos'), 'afterPhotos');
  }

  /** Uploads the photos not yet uploaded, saving each id at once so a retry never uploads it again. */
  private async uploadAll(start: QueuedReport, key: 'photos' | 'afterPhotos'): Promise<QueuedReport> {
    let item = start;
    for (let i = 0; i < item[key].length; i++) {
      const photo = item[key][i];
      if (!photo || photo.attachmentId) continue;
      const { id } = await this.transport.uploadPhoto(photo.blob);
      const list = item[key].map((p, j) => (j === i ? { ...p, attachmentId: id } : p));
      item = { ...item, [key]: list };
      await this.save(item);
    }
    return item;
  }
}

/** The request body: the draft plus the uploaded photos' ids and the stored key. */
export function bodyOf(item: QueuedReport): ReportBodyOut {
  const d = item.draft;
  const ids = (photos: QueuedPhoto[]) => photos.map((p) => p.attachmentId).filter((id): id is string => !!id);
  return {
    itemCode: d.itemCode,
    description: d.description,
    location: d.location,
    ...(d.address ? { address: d.address } : {}),
    anonymous: !!d.anonymous,
    publicConsent: !!d.publicConsent,
    fields: d.fields ?? {},
    attachmentIds: ids(item.photos),
    idempotencyKey: item.idempotencyKey,
    ...(d.selfHandleNote ? { selfHandle: { note: d.selfHandleNote, attachmentIds: ids(item.afterPhotos) } } : {}),
  };
}
