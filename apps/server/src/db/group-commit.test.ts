import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.ts';

/** A write the test finishes by hand: records each batch and how many were in flight at once. */
function controlledWrite() {
  const batches: number[][] = [];
  const open: { finish(): void }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const write = (items: number[]) =>
    new Promise<string[]>((resolve) => {
      batches.push(items);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      open.push({
        finish: () => {
          inFlight--;
          resolve(items.map((i) => `r${i}`));
        },
      });
    });
  return { write, batches, open, maxInFlight: () => maxInFlight };
}

/** Lets the event loop turn twice: a finished write's bookkeeping, then the next flush it scheduled. */
const tick = async () => {
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => setImmediate(r));
};

describe('group commit', () => {
  it('writes one item at once on its own when nothing else is in flight', async () => {
    const w = controlledWrite();
    const gc = new GroupCommit(w.write, { maxBatch: 10, maxInFlight: 1 });
    const r = gc.submit(1);
    await tick();
    expect(w.batches).toEqual([[1]]);
    w.open[0]?.finish();
    expect(await r).toBe('r1');
  });

  it('gathers what arrives while a write is in flight into the next write, each caller getting its own result', async () => {
    const w = controlledWrite();
    const gc = new GroupCommit(w.write, { maxBatch: 10, maxInFlight: 1 });
    const first = gc.submit(1);
    await tick();
    const rest = [2, 3, 4, 5].map((i) => gc.submit(i));
    await tick();
    expect(w.batches).toEqual([[1]]); // still waiting for the slot
    expect(gc.pending).toEqual({ queued: 4, inFlight: 1 });
    w.open[0]?.finish();
    await first;
    await tick();
    expect(w.batches).toEqual([[1], [2, 3, 4, 5]]);
    w.open[1]?.finish();
    expect(await Promise.all(rest)).toEqual(['r2', 'r3', 'r4', 'r5']);
    expect(gc.pending).toEqual({ queued: 0, inFlight: 0 });
  });

  it('never writes more than maxBatch items at once nor has more than maxInFlight writes in flight', async () => {
    const w = controlledWrite();
    const gc = new GroupCommit(w.write, { maxBatch: 3, maxInFlight: 2 });
    const all = Array.from({ length: 11 }, (_, i) => gc.submit(i));
    await tick();
    expect(w.batches).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    while (w.open.some((o) => o)) {
      const o = w.open.shift();
      o?.finish();
      await tick();
    }
    expect(await Promise.all(all)).toEqual(Array.from({ length: 11 }, (_, i) => `r${i}`));
    expect(w.batches.flat()).toEqual(Array.from({ length: 11 }, (_, i) => i));
    expect(Math.max(...w.batches.map((b) => b.length))).toBe(3);
    expect(w.maxInFlight()).toBe(2);
  });

  it('when a write of several fails, writes each again on its own so only the bad one fails', async () => {
    const batches: number[][] = [];
    const gc = new GroupCommit(
      async (items: number[]) => {
        batches.push(items);
        if (items.includes(13)) throw new Error('bad item 13');
        return items.map((i) => i * 10);
      },
      { maxBatch: 10, maxInFlight: 1 },
    );
    const settled = await Promise.allSettled([11, 12, 13, 14].map((i) => gc.submit(i)));
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message))).toEqual([
      110,
      120,
      'bad item 13',
      140,
    ]);
    expect(batches).toEqual([[11, 12, 13, 14], [11], [12], [13], [14]]);
  });

  it('fails every caller of a write that returns the wrong number of results', async () => {
    const gc = new GroupCommit(async (items: number[]) => items.slice(1), { maxBatch: 10, maxInFlight: 1 });
    const one = gc.submit(1);
    await expect(one).rejects.toThrow(/1 items written but 0 results/);
  });
});
