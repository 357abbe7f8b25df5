import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '@gewu/domain';
import { idbStore } from './idbStore.ts';
import { ActionQueue, type ActionBodyOut, type ActionTransport, type QueuedAction } from './actionQueue.ts';

const USER = 'u-1';
const photo = (text: string) => new Blob([text], { type: 'image/jpeg' });

/**
 * A fake server like the real one: an action needs the case's current version, and a stale version
 * with a key this server already applied answers with the case instead of 409.
 */
class FakeServer implements ActionTransport {
  calls: string[] = [];
  applied: ActionBodyOut[] = [];
  version = 3;
  /** Scripted failures, consumed one per call (null: answer normally). */
  failures: (object | null)[] = [];
  /** Fail *after* applying: the answer is lost on the way back (a dead zone). */
  loseNextAnswer = false;
  private uploads = 0;

  private fail(): void {
    const f = this.failures.shift();
    if (f) throw f;
  }
  async uploadPhoto(blob: Blob) {
    this.calls.push(`photo:${await blob.text()}`);
    this.fail();
    return { id: `att-${++this.uploads}` };
  }
  async act(caseId: string, body: ActionBodyOut) {
    this.calls.push(`act:${caseId}:${body.action}`);
    this.fail();
    const detail = () => ({ id: caseId, version: this.version }) as unknown as CaseDetail;
    if (body.version !== this.version) {
      if (this.applied.some((a) => a.idempotencyKey === body.idempotencyKey)) return detail();
      throw { status: 409, code: 'case.conflict', message: '案件已被他人处理，请刷新后查看最新状态' };
    }
    this.applied.push(body);
    this.version += 1;
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      throw new TypeError('Failed to fetch');
    }
    return detail();
  }
}

let dbCount = 0;
function setup() {
  const server = new FakeServer();
  const queue = new ActionQueue(idbStore<QueuedAction>(`actions-test-${++dbCount}`, 'outbox'), server);
  return { server, queue };
}
const feedBack = (photos: Blob[] = []) => ({
  caseId: 'c-1',
  caseCode: '410104001000001',
  action: 'feed_back' as const,
  version: 3,
  note: '已清运完毕',
  photos,
});

describe('ActionQueue', () => {
  it('sends an action with its photos and forgets it', async () => {
    const { server, queue } = setup();
    await queue.enqueue(USER, feedBack([photo('a'), photo('b')]));
    const outcomes = await queue.sync(USER);
    expect(outcomes.map((o) => o.kind)).toEqual(['sent']);
    expect(server.calls).toEqual(['photo:a', 'photo:b', 'act:c-1:feed_back']);
    expect(server.applied[0]).toMatchObject({ action: 'feed_back', version: 3, note: '已清运完毕' });
    expect(server.applied[0]?.attachmentIds).toEqual(['att-1', 'att-2']);
    expect(await queue.list(USER)).toEqual([]);
  });

  it('keeps an action through a dead network, then sends it with the photos uploaded once', async () => {
    const { server, queue } = setup();
    await queue.enqueue(USER, feedBack([photo('a'), photo('b')]));
    // The first photo goes up, then the network drops.
    server.failures = [null, new TypeError('Failed to fetch')];
    expect((await queue.sync(USER)).map((o) => o.kind)).toEqual(['kept']);
    const [kept] = await queue.list(USER);
    expect(kept?.status).toBe('pending');
    expect(kept?.photos.map((p) => p.attachmentId)).toEqual(['att-1', undefined]);

    expect((await queue.sync(USER)).map((o) => o.kind)).toEqual(['sent']);
    expect(server.calls).toEqual(['photo:a', 'photo:b', 'photo:b', 'act:c-1:feed_back']);
    expect(server.applied).toHaveLength(1);
  });

  it('sends the same key again when the answer was lost, and the server applies it once', async () => {
    const { server, queue } = setup();
    await queue.enqueue(USER, feedBack());
    server.loseNextAnswer = true;
    expect((await queue.sync(USER)).map((o) => o.kind)).toEqual(['kept']);
    expect(server.applied).toHaveLength(1);

    const outcomes = await queue.sync(USER);
    expect(outcomes.map((o) => o.kind)).toEqual(['sent']);
    expect(server.applied).toHaveLength(1);
    expect(server.version).toBe(4);
    expect(await queue.list(USER)).toEqual([]);
  });

  it('marks a refused action failed with the server’s message and goes on with the next', async () => {
    const { queue } = setup();
    await queue.enqueue(USER, { ...feedBack(), version: 2 }); // someone acted first
    await queue.enqueue(USER, { ...feedBack(), caseId: 'c-2', action: 'sign', note: undefined });
    const outcomes = await queue.sync(USER);
    expect(outcomes.map((o) => o.kind)).toEqual(['failed', 'sent']);
    const [failed] = await queue.list(USER);
    expect(failed).toMatchObject({ status: 'failed', caseId: 'c-1' });
    expect(failed?.lastError).toEqual({
      status: 409,
      code: 'case.conflict',
      message: '案件已被他人处理，请刷新后查看最新状态',
    });
    // A failed action is not sent again by itself.
    expect((await queue.sync(USER)).map((o) => o.kind)).toEqual([]);
  });

  it('stops at a transient error and keeps the order', async () => {
    const { server, queue } = setup();
    await queue.enqueue(USER, feedBack());
    await queue.enqueue(USER, { ...feedBack(), caseId: 'c-2' });
    server.failures = [{ status: 503, code: 'server.unavailable', message: '服务暂不可用' }];
    expect((await queue.sync(USER)).map((o) => o.kind)).toEqual(['kept']);
    expect(server.calls).toEqual(['act:c-1:feed_back']);
    expect((await queue.list(USER)).map((a) => a.caseId)).toEqual(['c-1', 'c-2']);
  });

  it('sends only the signed-in user’s actions', async () => {
    const { server, queue } = setup();
    await queue.enqueue('someone-else', feedBack());
    expect(await queue.sync(USER)).toEqual([]);
    expect(server.calls).toEqual([]);
    expect(await queue.list('someone-else')).toHaveLength(1);
  });
});
