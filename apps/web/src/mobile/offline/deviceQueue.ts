/**
 * One queue for the field work kept on a phone (巡查 operations, 隐患排查, 走访): a record is stored on the
 * device first, under ids that make its retry harmless on the server, then sent in order, one run at a
 * time. A transient error (no network, server busy, session expired) keeps it and the rest for the next
 * run; a refusal marks it failed with the server's message and the run goes on. What a send achieved part
 * way (a photo uploaded) is saved at once through `save`, so a retry never repeats it.
 *
 * Plain TypeScript (no zod: the phone's budget): storage and the send are injected, so the rules are
 * unit-tested (deviceQueue.test.ts, patrolQueue.test.ts). The app-wide outbox (useOutbox.tsx) runs every
 * queue of fieldQueues.ts on start, on `online` and every 30 s, and counts them in the pending banner.
 */

import type { KeyedStore } from './idbStore.ts';
import { isTransient, type QueueStatus, type TransportError } from './offlineQueue.ts';

export interface DeviceError {
  status: number;
  code: string;
  message: string;
}

/** What every queued record carries besides its own body. */
export interface DeviceItem {
  /** Local id, the storage key. */
  id: string;
  /** Whose record: only that user's session sends it. */
  userId: string;
  status: QueueStatus;
  attempts?: number;
  lastError?: DeviceError;
}

/** Sends one record; `save` keeps what was achieved so far (e.g. an uploaded photo's id) on the device. */
export type DeviceSend<T> = (item: T, save: (next: T) => Promise<void>) => Promise<unknown>;

export type DeviceOutcome<T> =
  { kind: 'sent'; item: T; result: unknown } | { kind: 'failed' | 'kept'; item: T; error: DeviceError };

export function describeError(err: unknown): DeviceError {
  const e = err as TransportError | null;
  const status = typeof e?.status === 'number' ? e.status : 0;
  return { status, code: e?.code ?? 'network', message: e?.message ?? String(err) };
}

export class DeviceQueue<T extends DeviceItem> {
  private readonly listeners = new Set<() => void>();
  private tail: Promise<unknown> = Promise.resolve();
  /** Removed while a run had it in hand: never written back. */
  private readonly removed = new Set<string>();

  constructor(
    private readonly store: KeyedStore<T>,
    private readonly send: DeviceSend<T>,
    /** The order records are sent in (the order they were made). */
    private readonly order: (a: T, b: T) => number,
  ) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected changed(): void {
    for (const l of this.listeners) l();
  }

  /** The user's records not yet sent (pending or refused), in sending order. */
  async list(userId: string): Promise<T[]> {
    const all = await this.store.list();
    return all.filter((i) => i.userId === userId).sort(this.order);
  }

  /** Keeps a new record on the device (the caller has given it its ids). */
  async put(item: T): Promise<T> {
    await this.store.put(item);
    this.changed();
    return item;
  }

  /** Forgets a record (a refused one the user has read about). */
  async remove(id: string): Promise<void> {
    this.removed.add(id);
    await this.store.remove(id);
    this.changed();
  }

  /** Sends the user's pending records in order, one run at a time; stops at the first transient error. */
  sync(userId: string): Promise<DeviceOutcome<T>[]> {
    const run = this.tail.then(() => this.runOnce(userId));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async runOnce(userId: string): Promise<DeviceOutcome<T>[]> {
    const outcomes: DeviceOutcome<T>[] = [];
    for (const item of await this.list(userId)) {
      if (item.status !== 'pending' || this.removed.has(item.id)) continue;
      const outcome = await this.sendOne(item);
      outcomes.push(outcome);
      if (outcome.kind === 'kept') break;
    }
    return outcomes;
  }

  private async sendOne(item: T): Promise<DeviceOutcome<T>> {
    const save = async (next: T) => {
      if (!this.removed.has(next.id)) await this.store.put(next);
    };
    try {
      const result = await this.send(item, save);
      await this.store.remove(item.id);
      this.changed();
      return { kind: 'sent', item, result };
    } catch (err) {
      const error = describeError(err);
      const kept = isTransient(err);
      // What the send saved before failing (uploaded photos) is in the stored copy.
      const stored = (await this.store.get(item.id)) ?? item;
      const next: T = {
        ...stored,
        attempts: (item.attempts ?? 0) + 1,
        status: kept ? 'pending' : 'failed',
        lastError: error,
      };
      await save(next);
      this.changed();
      return kept ? { kind: 'kept', item: next, error } : { kind: 'failed', item: next, error };
    }
  }
}
