import type { Clock } from '../clock.ts';
import { FreshCache } from '../fresh-cache.ts';

/**
 * Signed-in requests each resolve their session cookie; at a thousand reports a second that lookup
 * (a three-table join) would be a large share of the work. This process keeps what it read for a
 * short while (a FreshCache: refreshed in the background while in use, never older than
 * SESSION_CACHE_MS). Every change that could end or alter a session made by this process (sign-out,
 * revocation, a disabled account, new roles, region or unit) clears the whole cache at once; a
 * change made by another instance shows here within SESSION_CACHE_MS. Expiry and idle time are
 * checked on every request against the cached row, so they are exact.
 */
export const SESSION_CACHE_MS = 2_000;

/**
 * No row (no such session) is not kept: random cookies must not fill the cache and push out
 * everyone's sessions.
 */
const sessions = new FreshCache<string, unknown>(SESSION_CACHE_MS, {
  maxEntries: 50_000,
  keep: (row) => row !== null && row !== undefined,
});

/**
 * The session row for a token hash: from the cache, from a lookup already under way for it, or from
 * `load`. Ages are measured on `clock` (the app's injected clock), so tests move it instead of waiting.
 */
export function loadSession<T>(clock: Clock, tokenHash: string, load: () => Promise<T>): Promise<T> {
  return sessions.get(clock, tokenHash, load) as Promise<T>;
}

/** Forgets every cached session (call on any change to sessions or to the accounts behind them). */
export function forgetCachedSessions(): void {
  sessions.clear();
}
