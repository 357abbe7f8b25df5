import { api } from '../../app/api.ts';
import { idbStore, withFallback } from '../offline/idbStore.ts';
import { PatrolQueue, type PatrolOp, type PatrolOpBody } from './patrolQueue.ts';

function send(op: PatrolOpBody): Promise<unknown> {
  const base = `/api/patrols/${op.patrolId}`;
  switch (op.kind) {
    case 'start':
      return api.post('/api/patrols', { id: op.patrolId, startedAt: op.startedAt });
    case 'points':
      return api.post(`${base}/points`, { seq: op.seq, points: op.points });
    case 'checkin':
      return api.post(`${base}/checkins`, op.checkin);
    case 'end':
      return api.post(`${base}/end`, { endedAt: op.endedAt });
  }
}

/** The device's outbox of patrol operations (start, batches, check-ins, end), in the order made. */
export const patrolOutbox = new PatrolQueue(withFallback(idbStore<PatrolOp>('gewu-patrol-outbox', 'ops')), send);
