import type { Clock } from '../clock.ts';

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

type Entry = { value: unknown; at: number };
const entries = new Map<string, Entry>();
/** Lookups under way: requests of one session arriving together share one (no stampede at expiry). */
const loading = new Map<string, Promise<unknown>>();
/** Moves on each clear: a lookup that began before a clear must not cache what it read. */
let generation = 0;

function cached(clock: Clock, tokenHash: string): Entry | undefined {
  const hit = entries.get(tokenHash);
  if (hit && clock.now().getTime() - hit.at > SESSION_CACHE_MS) {
    entries.delete(tokenHash);
    return undefined;
  }
  return hit;
}

/**
 * The session row for a token hash: from the cache, from a lookup already under way for it, or from
 * `load`, whose row is then cached unless a clear happened meanwhile. No row (no such session) is
 * not cached: random cookies must not fill the cache and push out everyone's sessions. Ages are
 * measured on `clock` (the app's injected clock), so tests move it instead of waiting.
 */
export async function loadSession<T>(clock: Clock, tokenHash: string, load: () => Promise<T>): Promise<T> {
  const hit = cached(clock, tokenHash);
  if (hit) return hit.value as T;
  const pending = loading.get(tokenHash);
  if (pending) return pending as Promise<T>;
  const started = generation;
  const lookup = load().then(
    (value) => {
      if (loading.get(tokenHash) === lookup) loading.delete(tokenHash);
      if (value !== null && value !== undefined && started === generation) {
        if (entries.size >= MAX_ENTRIES) entries.clear();
        entries.set(tokenHash, { value, at: clock.now().getTime() });
      }
      return value;
    },
    (err: unknown) => {
      if (loading.get(tokenHash) === lookup) loading.delete(tokenHash);
      throw err;
    },
  );
  loading.set(tokenHash, lookup);
  return lookup;
}

/** Forgets every cached session (call on any change to sessions or to the accounts behind them). */
export function forgetCachedSessions(): void {
  generation++;
  entries.clear();
  loading.clear();
}
