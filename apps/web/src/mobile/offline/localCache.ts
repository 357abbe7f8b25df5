/**
 * A small localStorage cache for reference data the report form needs offline (the item
 * catalogue, the grid worker's grids). Quota errors and private mode just mean "no cache".
 */
const PREFIX = 'gewu.m.cache.';

export interface Cached<T> {
  savedAt: number;
  data: T;
}

export function readCache<T>(key: string): Cached<T> | undefined {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Cached<T>;
    return typeof parsed?.savedAt === 'number' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function writeCache<T>(key: string, data: T): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify({ savedAt: Date.now(), data } satisfies Cached<T>));
  } catch {
    // full or unavailable: the next start fetches again
  }
}
