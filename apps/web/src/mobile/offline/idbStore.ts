import { createStore, del, set, values, type UseStore } from 'idb-keyval';
import type { QueueStore, QueuedReport } from './offlineQueue.ts';

/**
 * The outbox in IndexedDB (photos stay Blobs: no base64 bloat, no localStorage size limit).
 * Opened lazily, so merely importing this module touches no storage.
 */
export function idbQueueStore(dbName = 'gewu-mobile', storeName = 'outbox'): QueueStore {
  let store: UseStore | null = null;
  const db = () => (store ??= createStore(dbName, storeName));
  return {
    list: () => values<QueuedReport>(db()),
    put: (item) => set(item.id, item, db()),
    remove: (id) => del(id, db()),
  };
}

/** A store in memory: reports survive this page only. */
export function memoryQueueStore(): QueueStore {
  const items = new Map<string, QueuedReport>();
  return {
    list: async () => [...items.values()],
    put: async (item) => void items.set(item.id, item),
    remove: async (id) => void items.delete(id),
  };
}

/**
 * The primary store until it fails (a browser without usable IndexedDB, e.g. some private modes),
 * then memory: reporting online must never depend on the device's storage.
 */
export function withFallback(primary: QueueStore, fallback: QueueStore = memoryQueueStore()): QueueStore {
  let broken = false;
  const run = async <T>(op: (s: QueueStore) => Promise<T>): Promise<T> => {
    if (!broken) {
      try {
        return await op(primary);
      } catch (err) {
        console.warn('IndexedDB unavailable, keeping reports in memory', err);
        broken = true;
      }
    }
    return op(fallback);
  };
  return {
    list: () => run((s) => s.list()),
    put: (item) => run((s) => s.put(item)),
    remove: (id) => run((s) => s.remove(id)),
  };
}
