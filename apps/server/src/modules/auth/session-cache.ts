/**
 * Signed-in requests each resolve their session cookie; at a thousand reports a second that lookup
 * (a three-table join) would be a large share of the work. This process keeps what it read for a
 * short while. Every change that could end or alter a session made by this process (sign-out,
 * revocation, a disabled account, new roles, region or unit) clears the whole cache at once; a
 * change made by another instance shows here within SESSION_CACHE_MS. Expiry and idle time are
 * checked on every request against the cached row, so they are exact.
 */
export const SESSION_CACHE_MS = 2_000;
const MAX_ENTRIES = 50_000;

type Entry<T> = { value: T; at: number };
const entries = new Map<string, Entry<unknown>>();

export function cachedSession<T>(tokenHash: string): T | undefined {
  const hit = entries.get(tokenHash);
  if (!hit) return undefined;
  if (Date.now() - hit.at > SESSION_CACHE_MS) {
    entries.delete(tokenHash);
    return undefined;
  }
  return hit.value as T;
}

export function cacheSession<T>(tokenHash: string, value: T): void {
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(tokenHash, { value, at: Date.now() });
}

/** Forgets every cached session (call on any change to sessions or to the accounts behind them). */
export function forgetCachedSessions(): void {
  entries.clear();
}
