import { createStore, del, get, set, values, type UseStore } from 'idb-keyval';
import type { QueuedReport } from './offlineQueue.ts';

/** Records kept on the device under their id: the outbox of reports, of actions, the action drafts. */
export interface KeyedStore<T extends { id: string }> {
  list(): Promise<T[]>;
  get(id: string): Promise<T | undefined>;
  put(item: T): Promise<void>;
  remove(id: string): Promise<void>;
}

/**
 * A store in IndexedDB (photos stay Blobs: no base64 bloat, no localStorage size limit). Each store
 * is its own database (idb-keyval opens one object store per database). Opened lazily, so merely
 * importing this module touches no storage.
 */
export function idbStore<T extends { id: string }>(dbName: string, storeName: string): KeyedStore<T> {
  let store: UseStore | null = null;
  const db = () => (store ??= createStore(dbName, storeName));
  return {
    list: () => values<T>(db()),
    get: (id) => get<T>(id, db()),
    put: (item) => set(item.id, item, db()),
    remove: (id) => del(id, db()),
  };
}

/** The outbox of reports in IndexedDB. */
export function idbQueueStore(dbName = 'gewu-mobile', storeName = 'outbox'): KeyedStore<QueuedReport> {
  return idbStore<QueuedReport>(dbName, storeName);
}

/** A store in memory: records survive this page only. */
export function memoryStore<T extends { id: string }>(): KeyedStore<T> {
  const items = new Map<string, T>();
  return {
    list: async () => [...items.values()],
    get: async (id) => items.get(id),
    put: async (item) => void items.set(item.id, item),
    remove: async (id) => void items.delete(id),
  };
}

/**
 * The primary store until it fails (a browser without usable IndexedDB, e.g. some private modes),
 * then memory: reporting and acting online must never depend on the device's storage.
 */
export function withFallback<T extends { id: string }>(
  primary: KeyedStore<T>,
  fallback: KeyedStore<T> = memoryStore<T>(),
): KeyedStore<T> {
  let broken = false;
  const run = async <R>(op: (s: KeyedStore<T>) => Promise<R>): Promise<R> => {
    if (!broken) {
      try {
        return await op(primary);
      } catch (err) {
        console.warn('IndexedDB unavailable, keeping records in memory', err);
        broken = true;
      }
    }
    return op(fallback);
  };
  return {
    list: () => run((s) => s.list()),
    get: (id) => run((s) => s.get(id)),
    put: (item) => run((s) => s.put(item)),
    remove: (id) => run((s) => s.remove(id)),
  };
}
