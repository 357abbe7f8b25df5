/**
 * The outbox of a patrol (巡查): start, track batches, check-ins and end, stored on the device first and
 * sent one at a time in the order they were made — a whole offline day syncs in order. Every write
 * carries what makes its retry harmless on the server: the patrol's and the check-in's client ids, the
 * batch's sequence number (the same seq twice stores once); ending an ended patrol answers the patrol.
 *
 * The queue is the field outbox's (deviceQueue.ts), ordered by when each operation was made; storage and
 * transport are injected, so the rules are unit-tested (patrolQueue.test.ts).
 */

import type { TrackPoint } from '@gewu/domain';
import { DeviceQueue, type DeviceItem, type DeviceOutcome } from '../offline/deviceQueue.ts';
import type { KeyedStore } from '../offline/idbStore.ts';
import { newKey } from '../offline/offlineQueue.ts';

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

export type PatrolOp = PatrolOpBody & DeviceItem & { order: number; attempts: number };

/** Sends one operation; resolves when the server has stored it (or had stored it already). */
export type PatrolTransport = (op: PatrolOpBody) => Promise<unknown>;

export type PatrolOutcome = DeviceOutcome<PatrolOp>;

/** The operation as the server takes it (without what only the device keeps). */
function bodyOf(op: PatrolOp): PatrolOpBody {
  const { id: _id, userId: _u, order: _o, status: _s, attempts: _a, lastError: _e, ...body } = op;
  return body as PatrolOpBody;
}

export class PatrolQueue extends DeviceQueue<PatrolOp> {
  private lastOrder = 0;

  constructor(
    store: KeyedStore<PatrolOp>,
    transport: PatrolTransport,
    private readonly now: () => number = Date.now,
  ) {
    super(
      store,
      (op) => transport(bodyOf(op)),
      (a, b) => a.order - b.order,
    );
  }

  async enqueue(userId: string, body: PatrolOpBody): Promise<PatrolOp> {
    // Strictly rising even within one millisecond or after the clock is set back.
    this.lastOrder = Math.max(this.lastOrder + 1, this.now() * 1000);
    return this.put({ ...body, id: newKey(), userId, order: this.lastOrder, status: 'pending', attempts: 0 });
  }
}
