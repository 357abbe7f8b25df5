import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { idbQueueStore, withFallback } from './idbStore.ts';
import {
  OfflineQueue,
  isTransient,
  type QueueTransport,
  type ReportBodyOut,
  type ReportDraft,
  type ReportResult,
} from './offlineQueue.ts';

const USER = 'u-1';
const draft = (description: string): ReportDraft => ({
  itemCode: '01001',
  description,
  location: { lon: 113.693, lat: 34.747, crs: 'WGS84' },
});
const photo = (text: string) => new Blob([text], { type: 'image/jpeg' });

/** A fake server: records every call, answers like the real one (same key → same case, created:false). */
class FakeServer implements QueueTransport {
  calls: string[] = [];
  bodies: ReportBodyOut[] = [];
  /** Scripted failures, consumed one per call (null = answer normally). */
  failures: (object | null)[] = [];
  /** Scripted refusals of reports, consumed one per report before it is filed (null = file it). */
  refusals: (object | null)[] = [];
  private uploads = 0;
  private byKey = new Map<string, ReportResult>();

  private fail(): void {
    const f = this.failures.shift();
    if (f) throw f;
  }

  async uploadPhoto(blob: Blob) {
    this.calls.push(`photo:${await blob.text()}`);
    this.fail();
    return { id: `att-${++this.uploads}` };
  }

  async submitReport(body: ReportBodyOut): Promise<ReportResult> {
    this.calls.push(`report:${body.description}`);
    this.bodies.push(body);
    const refusal = this.refusals.shift();
    if (refusal) throw refusal;
    const seen = this.byKey.get(body.idempotencyKey);
    const result = seen
      ? { ...seen, created: false }
      : {
          id: `c${this.byKey.size + 1}`,
          code: `2026000${this.byKey.size + 1}`,
          state: 'reported' as const,
          created: true,
          version: 1,
        };
    this.byKey.set(body.idempotencyKey, result);
    this.fail(); // a failure here means: the server filed it, but the answer was lost
    return result;
  }
}

const network = { status: 0, code: 'network', message: '网络连接失败' };

let dbCount = 0;
let server: FakeServer;
let queue: OfflineQueue;

beforeEach(() => {
  server = new FakeServer();
  queue = new OfflineQueue(idbQueueStore(`test-${++dbCount}`), server);
});

describe('offline report queue', () => {
  it('stores a report on the device with its idempotency key, photos as Blobs', async () => {
    const item = await queue.enqueue({
      userId: USER,
      draft: draft('垃圾'),
      itemName: '暴露垃圾',
      photos: [photo('a'), photo('b')],
    });
    const [stored] = await queue.list(USER);
    expect(stored?.id).toBe(item.id);
    expect(stored?.status).toBe('pending');
    expect(stored?.idempotencyKey).toBe(item.idempotencyKey);
    expect(stored?.idempotencyKey.length).toBeGreaterThanOrEqual(8);
    expect(stored?.photos).toHaveLength(2);
    expect(await stored?.photos[1]?.blob.text()).toBe('b');
    expect(await queue.list('someone-else')).toEqual([]);
  });

  it('sends reports in the order they were made, each one photos first, then clears them', async () => {
    await queue.enqueue({ userId: USER, draft: draft('first'), itemName: 'x', photos: [photo('1a'), photo('1b')] });
    await queue.enqueue({ userId: USER, draft: draft('second'), itemName: 'x', photos: [] });
    await queue.enqueue({
      userId: USER,
      draft: { ...draft('third'), selfHandleNote: '已清理' },
      itemName: 'x',
      photos: [photo('3a')],
      afterPhotos: [photo('3b')],
    });
    const outcomes = await queue.sync(USER);
    expect(server.calls).toEqual([
      'photo:1a',
      'photo:1b',
      'report:first',
      'report:second',
      'photo:3a',
      'photo:3b',
      'report:third',
    ]);
    expect(outcomes.map((o) => o.kind)).toEqual(['sent', 'sent', 'sent']);
    expect(server.bodies[0]?.attachmentIds).toEqual(['att-1', 'att-2']);
    expect(server.bodies[2]?.selfHandle).toEqual({ note: '已清理', attachmentIds: ['att-4'] });
    expect(await queue.list(USER)).toEqual([]);
  });

  it('retries with the same key and without uploading photos twice; a report that got through is not filed again', async () => {
    const item = await queue.enqueue({ userId: USER, draft: draft('dead zone'), itemName: 'x', photos: [photo('p')] });
    // The report reached the server, but the connection dropped before the answer came back.
    server.failures = [null, network];
    const first = await queue.sync(USER);
    expect(first[0]?.kind).toBe('kept');
    const [kept] = await queue.list(USER);
    expect(kept?.status).toBe('pending');
    expect(kept?.attempts).toBe(1);
    expect(kept?.photos[0]?.attachmentId).toBe('att-1');

    const second = await queue.sync(USER);
    expect(second[0]?.kind).toBe('sent');
    expect(server.calls).toEqual(['photo:p', 'report:dead zone', 'report:dead zone']);
    expect(server.bodies.map((b) => b.idempotencyKey)).toEqual([item.idempotencyKey, item.idempotencyKey]);
    const outcome = queue.outcomeOf(item.id);
    expect(outcome?.kind === 'sent' && outcome.result.created).toBe(false);
    expect(outcome?.kind === 'sent' && outcome.result.code).toBe('20260001');
    expect(await queue.list(USER)).toEqual([]);
  });

  it('marks a report the server refuses (4xx) as failed with its message, and goes on with the next', async () => {
    await queue.enqueue({ userId: USER, draft: draft('outside'), itemName: 'x', photos: [] });
    await queue.enqueue({ userId: USER, draft: draft('inside'), itemName: 'x', photos: [] });
    server.failures = [{ status: 400, code: 'case.outside_area', message: '该位置不在本平台的网格范围内' }];
    const outcomes = await queue.sync(USER);
    expect(outcomes.map((o) => o.kind)).toEqual(['failed', 'sent']);
    const [failed, ...rest] = await queue.list(USER);
    expect(rest).toEqual([]);
    expect(failed?.status).toBe('failed');
    expect(failed?.lastError).toEqual({
      status: 400,
      code: 'case.outside_area',
      message: '该位置不在本平台的网格范围内',
    });

    // Not retried forever: later runs leave it alone until the user retries or deletes it.
    server.calls = [];
    await queue.sync(USER);
    expect(server.calls).toEqual([]);
    await queue.retry(failed?.id ?? '');
    expect((await queue.list(USER))[0]?.status).toBe('pending');
    await queue.remove(failed?.id ?? '');
    expect(await queue.list(USER)).toEqual([]);
  });

  it('uploads the photos again, once, when the server no longer links them (uploaded weeks ago)', async () => {
    const item = await queue.enqueue({
      userId: USER,
      draft: { ...draft('weeks offline'), selfHandleNote: '已处理' },
      itemName: 'x',
      photos: [photo('p')],
      afterPhotos: [photo('q')],
    });
    server.refusals = [{ status: 400, code: 'attachment.expired', message: '附件上传已久、即将清理，请重新上传' }];
    const [outcome] = await queue.sync(USER);
    expect(outcome?.kind).toBe('sent');
    expect(server.calls).toEqual([
      'photo:p',
      'photo:q',
      'report:weeks offline',
      'photo:p',
      'photo:q',
      'report:weeks offline',
    ]);
    expect(server.bodies.map((b) => [b.attachmentIds, b.selfHandle?.attachmentIds])).toEqual([
      [['att-1'], ['att-2']],
      [['att-3'], ['att-4']],
    ]);
    expect(server.bodies.map((b) => b.idempotencyKey)).toEqual([item.idempotencyKey, item.idempotencyKey]);
    expect(await queue.list(USER)).toEqual([]);
  });

  it('does not upload again and again: a second refusal of the photos marks the report failed', async () => {
    await queue.enqueue({ userId: USER, draft: draft('gone'), itemName: 'x', photos: [photo('p')] });
    const unknown = { status: 400, code: 'attachment.unknown', message: '附件不存在或不是本人上传' };
    server.refusals = [unknown, unknown];
    const [outcome] = await queue.sync(USER);
    expect(outcome).toMatchObject({ kind: 'failed', error: { code: 'attachment.unknown' } });
    expect(server.calls).toEqual(['photo:p', 'report:gone', 'photo:p', 'report:gone']);
    const [failed] = await queue.list(USER);
    expect(failed?.status).toBe('failed');
    expect(failed?.photos[0]?.attachmentId).toBe('att-2');
  });

  it('keeps reports queued on a network error and stops there, so the order holds', async () => {
    await queue.enqueue({ userId: USER, draft: draft('one'), itemName: 'x', photos: [photo('a')] });
    await queue.enqueue({ userId: USER, draft: draft('two'), itemName: 'x', photos: [] });
    server.failures = [new TypeError('Failed to fetch')];
    const outcomes = await queue.sync(USER);
    expect(outcomes.map((o) => o.kind)).toEqual(['kept']);
    expect(server.calls).toEqual(['photo:a']);
    const items = await queue.list(USER);
    expect(items.map((i) => [i.draft.description, i.status])).toEqual([
      ['one', 'pending'],
      ['two', 'pending'],
    ]);
    expect(items[0]?.lastError?.code).toBe('network');

    await queue.sync(USER);
    expect(server.calls).toEqual(['photo:a', 'photo:a', 'report:one', 'report:two']);
    expect(await queue.list(USER)).toEqual([]);
  });

  it('treats a busy server or an expired session as "try later", a refusal as final', () => {
    expect(isTransient({ status: 0 })).toBe(true);
    expect(isTransient(new TypeError('Failed to fetch'))).toBe(true);
    expect(isTransient({ status: 503 })).toBe(true);
    expect(isTransient({ status: 401 })).toBe(true);
    expect(isTransient({ status: 429 })).toBe(true);
    expect(isTransient({ status: 400 })).toBe(false);
    expect(isTransient({ status: 413 })).toBe(false);
    expect(isTransient({ status: 422 })).toBe(false);
  });

  it('never runs two sends at once: overlapping calls share the next run', async () => {
    await queue.enqueue({ userId: USER, draft: draft('once'), itemName: 'x', photos: [] });
    const [a, b, c] = await Promise.all([queue.sync(USER), queue.sync(USER), queue.sync(USER)]);
    expect(server.calls).toEqual(['report:once']);
    expect(a?.map((o) => o.kind)).toEqual(['sent']);
    expect(b).toEqual(c);
  });
});

describe('storage fallback', () => {
  it('keeps working in memory when IndexedDB fails', async () => {
    const broken = {
      list: () => Promise.reject(new Error('no idb')),
      get: () => Promise.reject(new Error('no idb')),
      put: () => Promise.reject(new Error('no idb')),
      remove: () => Promise.reject(new Error('no idb')),
    };
    const q = new OfflineQueue(withFallback(broken), server);
    await q.enqueue({ userId: USER, draft: draft('memory'), itemName: 'x', photos: [] });
    expect((await q.list(USER)).map((i) => i.draft.description)).toEqual(['memory']);
    expect((await q.sync(USER)).map((o) => o.kind)).toEqual(['sent']);
    expect(await q.list(USER)).toEqual([]);
  });
});
