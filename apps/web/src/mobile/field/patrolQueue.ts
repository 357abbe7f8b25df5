/**
 * The outbox of a patrol (巡查): start, track batches, check-ins and end, stored on the device first and
 * sent one at a time in the order they were made — a whole offline day syncs in order. Every write
 * carries what makes its retry harmless on the server: the patrol's and the check-in's client ids, the
 * batch's sequence number (the same seq twice stores once); ending an ended patrol answers the patrol.
 *
 * Plain TypeScript (no zod: the phone's budget): storage and transport are injected, so the rules are
 * unit-tested (patrolQueue.test.ts).
 */

import type { TrackPoint } from '@gewu/domain';
import type { KeyedStore } from '../offline/idbStore.ts';
import { isTransient, newKey, type QueueStatus, type TransportError } from '../offline/offlineQueue.ts';

export type PatrolOpBody =
  | { kind: 'start'; patrolId: string; startedAt: number }
  | { kind: 'points'; patrolId: string; seq: number; points: TrackPoint[] }
  | {
      kind: 'checkin';
      patrolId: string;
      checkin: { id: string; placeId: string; t: number; lon: number; lat: number; acc: number };
      placeName: string;
    }
  | { kind: 'end'; patrolId: string; endedAt: number };

export type PatrolOp = PatrolOpBody & {
  id: string;
  userId: string;
  order: number;
  status: QueueStatus;
  attempts: number;
  lastError?: { status: number; code: string; message: string };
};

/** Sends one operation; resolves when the server has stored it (or had stored it already). */
export type PatrolTransport = (op: PatrolOpBody) => Promise<unknown>;

export type PatrolOutcome = { kind: 'sent' | 'failed' | 'kept'; op: PatrolOp };

function describe(err: unknown): NonNullable<PatrolOp['lastError']> {
  const e = err as TransportError | null;
  const status = typeof e?.status === 'number' ? e.status : 0;
  return { status, code: e?.code ?? 'network', message: e?.message ?? String(err) };
}

export class PatrolQueue {
  private readonly listeners = new Set<() => void>();
  private tail: Promise<unknown> = Promise.resolve();
  private lastOrder = 0;

  constructor(
    private readonly store: KeyedStore<PatrolOp>,
    private readonly transport: PatrolTransport,
    private readonly now: () => number = Date.now,
  ) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  /** The user's operations not yet sent (pending or refused), oldest first. */
  async list(userId: string): Promise<PatrolOp[]> {
    const all = await this.store.list();
    return all.filter((o) => o.userId === userId).sort((a, b) => a.order - b.order);
  }

  async enqueue(userId: string, body: PatrolOpBody): Promise<PatrolOp> {
    // Strictly rising even within one millisecond or after the clock is set back.
    this.lastOrder = Math.max(this.lastOrder + 1, this.now() * 1000);
    const op: PatrolOp = { ...body, id: newKey(), userId, order: this.lastOrder, status: 'pending', attempts: 0 };
    await this.store.put(op);
    this.changed();
    return op;
  }

  /** Sends the pending operations in order, one run at a time; stops at the first transient error. */
  sync(userId: string): Promise<PatrolOutcome[]> {
    const run = this.tail.then(() => this.runOnce(userId));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async runOnce(userId: string): Promise<PatrolOutcome[]> {
    const outcomes: PatrolOutcome[] = [];
    for (const op of await this.list(userId)) {
      if (op.status !== 'pending') continue;
      const outcome = await this.send(op);
      outcomes.push(outcome);
      if (outcome.kind === 'kept') break;
    }
    return outcomes;
  }

  private async send(op: PatrolOp): Promise<PatrolOutcome> {
    const { id: _id, userId: _u, order: _o, status: _s, attempts, lastError: _e, ...body } = op;
    try {
      await this.transport(body as PatrolOpBody);
      await this.store.remove(op.id);
      this.changed();
      return { kind: 'sent', op };
    } catch (err) {
      const kept = isTransient(err);
      const next: PatrolOp = {
        ...op,
        attempts: attempts + 1,
        status: kept ? 'pending' : 'failed',
        lastError: describe(err),
      };
      await this.store.put(next);
      this.changed();
      return { kind: kept ? 'kept' : 'failed', op: next };
    }
  }

  /** Forgets a refused operation (the user has read why). */
  async remove(id: string): Promise<void> {
    await this.store.remove(id);
    this.changed();
  }
}
