import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock.ts';
import { FreshCache } from './fresh-cache.ts';

/** A lookup that answers `value` when released, counting how often it was started. */
function gate<T>(value: T | Error) {
  let calls = 0;
  let release!: () => void;
  const opened = new Promise<void>((r) => (release = r));
  return {
    load: async (): Promise<T> => {
      calls++;
      await opened;
      if (value instanceof Error) throw value;
      return value;
    },
    release,
    calls: () => calls,
  };
}

/** Lets the lookups released so far finish. */
const settle = () => new Promise<void>((r) => setImmediate(r));

describe('FreshCache', () => {
  it('serves a value for the first half of its age without looking again', async () => {
    const clock = new ManualClock();
    const cache = new FreshCache<string, string>(1000);
    const a = gate('a1');
    a.release();
    expect(await cache.get(clock, 'k', a.load)).toBe('a1');
    clock.advance(500);
    const b = gate('a2');
    expect(await cache.get(clock, 'k', b.load)).toBe('a1');
    expect(b.calls()).toBe(0);
  });

  it('in the second half it still serves the value at once and refreshes it with one lookup', async () => {
    const clock = new ManualClock();
    const cache = new FreshCache<string, string>(1000);
    const a = gate('a1');
    a.release();
    await cache.get(clock, 'k', a.load);
    clock.advance(501);
    const b = gate('a2');
    const served = await Promise.all([cache.get(clock, 'k', b.load), cache.get(clock, 'k', b.load)]);
    expect(served).toEqual(['a1', 'a1']);
    expect(b.calls()).toBe(1);
    b.release();
    await settle();
    expect(await cache.get(clock, 'k', b.load)).toBe('a2');
    expect(b.calls()).toBe(1);
  });

  it('past its age a value is not served: requests wait for one shared lookup', async () => {
    const clock = new ManualClock();
    const cache = new FreshCache<string, string>(1000);
    const a = gate('a1');
    a.release();
    await cache.get(clock, 'k', a.load);
    clock.advance(1001);
    const b = gate('a2');
    const waiting = [cache.get(clock, 'k', b.load), cache.get(clock, 'k', b.load)];
    b.release();
    expect(await Promise.all(waiting)).toEqual(['a2', 'a2']);
    expect(b.calls()).toBe(1);
  });

  it('the age counts from when the lookup began, not from when it answered', async () => {
    const clock = new ManualClock();
    const cache = new FreshCache<string, string>(1000);
    const slow = gate('a1');
    const pending = cache.get(clock, 'k', slow.load);
    clock.advance(400); // the database took 400 ms to answer
    slow.release();
    await pending;
    clock.advance(601);
    const b = gate('a2');
    b.release();
    expect(await cache.get(clock, 'k', b.load)).toBe('a2');
  });

  it('a refresh that fails leaves the value until its age, and the next request then sees the error', async () => {
    const clock = new ManualClock();
    const cache = new FreshCache<string, string>(1000);
    const a = gate('a1');
    a.release();
    await cache.get(clock, 'k', a.load);
    clock.advance(600);
    const broken = gate<string>(new Error('connection lost'));
    broken.release();
    expect(await cache.get(clock, 'k', broken.load)).toBe('a1');
    await settle();
    expect(await cache.get(clock, 'k', broken.load)).toBe('a1');
    clock.advance(401);
    await expect(cache.get(clock, 'k', broken.load)).rejects.toThrow('connection lost');
  });

  it('values `keep` refuses are returned but not stored, and one found gone is dropped', async () => {
    const clock = new ManualClock();
    const cache = new FreshCache<string, string | null>(1000, { keep: (v) => v !== null });
    const none = gate<string | null>(null);
    none.release();
    expect(await cache.get(clock, 'k', none.load)).toBeNull();
    expect(await cache.get(clock, 'k', none.load)).toBeNull();
    expect(none.calls()).toBe(2);
    const a = gate<string | null>('a1');
    a.release();
    await cache.get(clock, 'k', a.load);
    clock.advance(600);
    await cache.get(clock, 'k', none.load); // refresh finds it gone
    await settle();
    const c = gate<string | null>('a3');
    c.release();
    expect(await cache.get(clock, 'k', c.load)).toBe('a3');
    expect(c.calls()).toBe(1);
  });

  it('clear() forgets everything, and a lookup under way then stores nothing', async () => {
    const clock = new ManualClock();
    const cache = new FreshCache<string, string>(1000);
    const before = gate('before');
    const pending = cache.get(clock, 'k', before.load);
    cache.clear();
    before.release();
    expect(await pending).toBe('before');
    const after = gate('after');
    after.release();
    expect(await cache.get(clock, 'k', after.load)).toBe('after');
    expect(after.calls()).toBe(1);
  });
});
