import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import { SESSION_CACHE_MS, forgetCachedSessions, loadSession as loadSessionAt } from './session-cache.ts';

const clock = new ManualClock();
const loadSession = <T>(tokenHash: string, load: () => Promise<T>) => loadSessionAt(clock, tokenHash, load);

/** A lookup that answers when told to, counting how often it was started. */
function gate<T>(value: T) {
  let calls = 0;
  let release!: () => void;
  const opened = new Promise<void>((r) => (release = r));
  return {
    load: async () => {
      calls++;
      await opened;
      return value;
    },
    release,
    calls: () => calls,
  };
}

beforeEach(() => forgetCachedSessions());

describe('session cache', () => {
  it('requests of one session arriving together share one lookup, and the row is then cached', async () => {
    const row = { user: 'u1' };
    const g = gate(row);
    const together = [loadSession('h1', g.load), loadSession('h1', g.load), loadSession('h1', g.load)];
    g.release();
    expect(await Promise.all(together)).toEqual([row, row, row]);
    expect(g.calls()).toBe(1);
    const later = gate({ user: 'other' });
    expect(await loadSession('h1', later.load)).toBe(row);
    expect(later.calls()).toBe(0);
  });

  it('does not cache what a lookup read when sessions were cleared during it', async () => {
    const stale = gate({ user: 'before revocation' });
    const pending = loadSession('h2', stale.load);
    forgetCachedSessions(); // e.g. a sign-out committed while the lookup was under way
    stale.release();
    await pending;
    const fresh = gate(undefined);
    const after = loadSession('h2', fresh.load);
    fresh.release();
    expect(await after).toBeUndefined();
    expect(fresh.calls()).toBe(1);
  });

  it('caches no answer for an unknown token, and a failed lookup is not shared with later requests', async () => {
    const none = gate(undefined);
    none.release();
    await loadSession('h3', none.load);
    await loadSession('h3', none.load);
    expect(none.calls()).toBe(2);

    await expect(loadSession('h4', () => Promise.reject(new Error('connection lost')))).rejects.toThrow(
      'connection lost',
    );
    const retry = gate({ user: 'u4' });
    retry.release();
    expect(await loadSession('h4', retry.load)).toEqual({ user: 'u4' });
  });

  it('serves a row changed elsewhere for at most SESSION_CACHE_MS on the injected clock', async () => {
    const first = gate({ user: 'u5', roles: ['dispatcher'] });
    first.release();
    const row = await loadSession('h5', first.load);
    // Another instance changed the session; this one keeps its copy until the lifetime is over.
    const changed = gate({ user: 'u5', roles: ['auditor'] });
    clock.advance(SESSION_CACHE_MS / 2);
    expect(await loadSession('h5', changed.load)).toBe(row);
    expect(changed.calls()).toBe(0);
    clock.advance(SESSION_CACHE_MS / 2);
    // In its second half, the old row is still served and one lookup refreshes it meanwhile.
    expect(await loadSession('h5', changed.load)).toBe(row);
    expect(changed.calls()).toBe(1);
    changed.release();
    await new Promise((r) => setImmediate(r)); // the refresh finishes
    expect(await loadSession('h5', changed.load)).toEqual({ user: 'u5', roles: ['auditor'] });
    expect(changed.calls()).toBe(1);
  });

  it('a session ended elsewhere is gone once a refresh finds no row', async () => {
    const first = gate({ user: 'u6' });
    first.release();
    await loadSession('h6', first.load);
    clock.advance(SESSION_CACHE_MS);
    const ended = gate(null);
    ended.release();
    await loadSession('h6', ended.load); // still served while the refresh runs
    await new Promise((r) => setImmediate(r)); // the refresh finishes
    const after = gate(null);
    after.release();
    expect(await loadSession('h6', after.load)).toBeNull();
    expect(after.calls()).toBe(1);
  });
});
