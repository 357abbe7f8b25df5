import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DeviceQueue, type DeviceItem } from './deviceQueue.ts';
import { idbStore } from './idbStore.ts';

/** A record with two photos to upload before the record itself (like an inspection or a visit). */
interface Rec extends DeviceItem {
  at: number;
  photos: { name: string; uploadedAs?: string }[];
}

const USER = 'u-1';
const rec = (id: string, at: number, photos: string[] = []): Rec => ({
  id,
  userId: USER,
  status: 'pending',
  at,
  photos: photos.map((name) => ({ name })),
});
const offline = { status: 0, code: 'network', message: '网络不可用' };

/** A server that keeps what it was sent, failing the calls it is told to fail. */
class Server {
  uploads: string[] = [];
  records: string[] = [];
  /** Calls to fail once each, by what they send ('upload:p2', 'record:a'), with the error thrown. */
  failures = new Map<string, object>();
  private fail(call: string) {
    const error = this.failures.get(call);
    this.failures.delete(call);
    if (error) throw error;
  }
  send = async (item: Rec, save: (next: Rec) => Promise<void>) => {
    let current = item;
    for (const [i, p] of current.photos.entries()) {
      if (p.uploadedAs) continue;
      this.fail(`upload:${p.name}`);
      this.uploads.push(p.name);
      current = {
        ...current,
        photos: current.photos.map((x, j) => (j === i ? { ...x, uploadedAs: `a-${p.name}` } : x)),
      };
      await save(current);
    }
    this.fail(`record:${item.id}`);
    this.records.push(`${item.id}:${current.photos.map((p) => p.uploadedAs).join(',')}`);
    return { id: `server-${item.id}` };
  };
}

let dbs = 0;
function setup() {
  const server = new Server();
  const queue = new DeviceQueue<Rec>(
    idbStore<Rec>(`device-test-${++dbs}`, 'outbox'),
    server.send,
    (a, b) => a.at - b.at,
  );
  return { server, queue };
}

describe('DeviceQueue', () => {
  it('sends in the order made, whatever order they were stored in, and forgets what was sent', async () => {
    const { server, queue } = setup();
    await queue.put(rec('b', 2));
    await queue.put(rec('a', 1));
    const outcomes = await queue.sync(USER);
    expect(outcomes.map((o) => [o.kind, o.item.id])).toEqual([
      ['sent', 'a'],
      ['sent', 'b'],
    ]);
    expect(outcomes[0]).toMatchObject({ result: { id: 'server-a' } });
    expect(server.records).toEqual(['a:', 'b:']);
    expect(await queue.list(USER)).toEqual([]);
  });

  it('keeps an uploaded photo’s id through a dead zone: the retry uploads only the other one', async () => {
    const { server, queue } = setup();
    await queue.put(rec('a', 1, ['p1', 'p2']));
    await queue.put(rec('b', 2));
    // p1 goes up, p2 meets no network: the run stops there and b waits behind a.
    server.failures.set('upload:p2', offline);
    const outcomes = await queue.sync(USER);
    expect(outcomes.map((o) => o.kind)).toEqual(['kept']);
    const [kept] = await queue.list(USER);
    expect(kept).toMatchObject({ id: 'a', status: 'pending', attempts: 1, lastError: offline });
    expect(kept?.photos).toEqual([{ name: 'p1', uploadedAs: 'a-p1' }, { name: 'p2' }]);
    expect(server.records).toEqual([]);
    expect((await queue.sync(USER)).map((o) => o.kind)).toEqual(['sent', 'sent']);
    expect(server.uploads).toEqual(['p1', 'p2']);
    expect(server.records).toEqual(['a:a-p1,a-p2', 'b:']);
  });

  it('marks a refused record failed with the server’s message, goes on, and does not send it again', async () => {
    const { server, queue } = setup();
    await queue.put(rec('a', 1));
    await queue.put(rec('b', 2));
    const refusal = { status: 422, code: 'inspection.unknown_item', message: '检查项不存在' };
    server.failures.set('record:a', refusal);
    expect((await queue.sync(USER)).map((o) => [o.kind, o.item.id])).toEqual([
      ['failed', 'a'],
      ['sent', 'b'],
    ]);
    expect(await queue.list(USER)).toMatchObject([{ id: 'a', status: 'failed', lastError: refusal }]);
    expect(await queue.sync(USER)).toEqual([]);
    await queue.remove('a');
    expect(await queue.list(USER)).toEqual([]);
  });

  it('sends only the signed-in user’s records and tells its listeners of each change', async () => {
    const { server, queue } = setup();
    let told = 0;
    const off = queue.subscribe(() => told++);
    await queue.put({ ...rec('x', 1), userId: 'someone-else' });
    expect(await queue.sync(USER)).toEqual([]);
    expect(server.records).toEqual([]);
    await queue.put(rec('a', 2));
    await queue.sync(USER);
    expect(told).toBe(3);
    off();
    await queue.remove('x');
    expect(told).toBe(3);
  });
});
