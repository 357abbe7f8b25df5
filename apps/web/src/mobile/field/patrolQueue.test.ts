import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { idbStore } from '../offline/idbStore.ts';
import { PatrolQueue, type PatrolOp, type PatrolOpBody } from './patrolQueue.ts';
import { keepFix, takeBatches, clock, type DevicePatrol } from './patrolTrack.ts';

const USER = 'u-1';
const P = '6f1c2a4e-0000-4000-8000-000000000001';
const pt = (t: number) => ({ t, lon: 113.6, lat: 34.75, acc: 8 });

/** A server like the real one: a start, a batch seq or an end seen before is answered, not stored again. */
class FakeServer {
  stored: string[] = [];
  calls = 0;
  failures: (object | null)[] = [];
  send = async (op: PatrolOpBody) => {
    this.calls++;
    const f = this.failures.shift();
    if (f) throw f;
    const key =
      op.kind === 'points' ? `points:${op.seq}` : op.kind === 'checkin' ? `checkin:${op.checkin.id}` : op.kind;
    if (!this.stored.includes(key)) this.stored.push(key);
  };
}

let dbs = 0;
function setup() {
  const server = new FakeServer();
  const queue = new PatrolQueue(idbStore<PatrolOp>(`patrol-test-${++dbs}`, 'ops'), server.send);
  return { server, queue };
}

describe('PatrolQueue', () => {
  it('sends start, batches and end in the order they were made, then forgets them', async () => {
    const { server, queue } = setup();
    await queue.enqueue(USER, { kind: 'start', patrolId: P, startedAt: 1_000 });
    await queue.enqueue(USER, { kind: 'points', patrolId: P, seq: 0, points: [pt(2_000)] });
    await queue.enqueue(USER, { kind: 'points', patrolId: P, seq: 1, points: [pt(12_000)] });
    await queue.enqueue(USER, { kind: 'end', patrolId: P, endedAt: 20_000 });
    const outcomes = await queue.sync(USER);
    expect(outcomes.map((o) => o.kind)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(server.stored).toEqual(['start', 'points:0', 'points:1', 'end']);
    expect(await queue.list(USER)).toEqual([]);
  });

  it('stops at no network and keeps the order; the next run goes on from there', async () => {
    const { server, queue } = setup();
    await queue.enqueue(USER, { kind: 'start', patrolId: P, startedAt: 1_000 });
    await queue.enqueue(USER, { kind: 'points', patrolId: P, seq: 0, points: [pt(2_000)] });
    server.failures = [null, { status: 0, code: 'network', message: '网络不可用' }];
    expect((await queue.sync(USER)).map((o) => o.kind)).toEqual(['sent', 'kept']);
    const [kept] = await queue.list(USER);
    expect(kept).toMatchObject({ kind: 'points', seq: 0, status: 'pending', attempts: 1 });
    expect((await queue.sync(USER)).map((o) => o.kind)).toEqual(['sent']);
    expect(server.stored).toEqual(['start', 'points:0']);
  });

  it('marks a refused operation failed with the server’s message and goes on', async () => {
    const { server, queue } = setup();
    await queue.enqueue(USER, {
      kind: 'checkin',
      patrolId: P,
      checkin: { id: 'c-1', placeId: 'pl-1', t: 5_000, lon: 113.6, lat: 34.75, acc: 8 },
      placeName: '明德小学',
    });
    await queue.enqueue(USER, { kind: 'end', patrolId: P, endedAt: 20_000 });
    const refusal = { status: 422, code: 'patrol.checkin_out_of_radius', message: '您距该场所约 300 米' };
    server.failures = [refusal];
    expect((await queue.sync(USER)).map((o) => o.kind)).toEqual(['failed', 'sent']);
    const [failed] = await queue.list(USER);
    expect(failed).toMatchObject({ kind: 'checkin', status: 'failed', lastError: refusal });
    // A refused one is not sent again by itself.
    expect(await queue.sync(USER)).toEqual([]);
    expect(server.calls).toBe(2);
  });

  it('sends only the signed-in user’s operations', async () => {
    const { server, queue } = setup();
    await queue.enqueue('someone-else', { kind: 'start', patrolId: P, startedAt: 1_000 });
    expect(await queue.sync(USER)).toEqual([]);
    expect(server.calls).toBe(0);
  });
});

describe('keepFix', () => {
  it('keeps one fix about every interval, strictly later, in China, with an accuracy the server takes', () => {
    expect(keepFix(undefined, pt(1_000), 10_000)).toEqual(pt(1_000));
    expect(keepFix(pt(1_000), pt(9_000), 10_000)).toBeNull();
    expect(keepFix(pt(1_000), pt(11_000), 10_000)).toEqual(pt(11_000));
    expect(keepFix(undefined, { ...pt(1_000), lon: 10 }, 10_000)).toBeNull();
    expect(keepFix(undefined, { ...pt(1_000), acc: 20_000 }, 10_000)).toBeNull();
    expect(keepFix(undefined, { t: 1_000.6, lon: 113.6, lat: 34.75, acc: 8.26 }, 10_000)).toEqual({
      t: 1_001,
      lon: 113.6,
      lat: 34.75,
      acc: 8.3,
    });
  });
});

describe('takeBatches', () => {
  const device = (n: number, batched: number, nextSeq: number): DevicePatrol => ({
    id: 'current:u-1',
    userId: USER,
    patrolId: P,
    startedAt: 0,
    endedAt: null,
    points: Array.from({ length: n }, (_, i) => pt(i * 10_000)),
    batched,
    nextSeq,
    checkins: [],
  });

  it('takes full batches of 60 while recording and the rest at the end', () => {
    expect(takeBatches(device(59, 0, 0), false)).toEqual([]);
    expect(takeBatches(device(130, 0, 0), false).map((b) => [b.seq, b.points.length])).toEqual([
      [0, 60],
      [1, 60],
    ]);
    expect(takeBatches(device(130, 120, 2), true).map((b) => [b.seq, b.points.length, b.points[0]?.t])).toEqual([
      [2, 10, 1_200_000],
    ]);
    expect(takeBatches(device(120, 120, 2), true)).toEqual([]);
  });
});

describe('clock', () => {
  it('writes seconds as h:mm:ss', () => {
    expect(clock(0)).toBe('0:00:00');
    expect(clock(59.9)).toBe('0:00:59');
    expect(clock(3_725)).toBe('1:02:05');
  });
});
