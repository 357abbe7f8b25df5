import type { Clock } from './clock.ts';

type Entry<V> = { value: V; at: number };

/**
 * A per-process cache for rows read on every request and changed rarely (sessions, catalogue items,
 * the working calendar). A value is never older than `maxAgeMs` on the injected clock, counted from
 * when its lookup began. Requests never queue behind a refresh while traffic keeps flowing: past half
 * its age a value is still served and one lookup refreshes it in the background; only a value past
 * its age (or none) makes the request wait, and requests waiting for the same key share one lookup.
 * Without this, every entry expired at the same moment and each expiry made a burst of requests
 * wait for the database at once — the slowest reports of bench/intake came in a five-second rhythm.
 *
 * `clear()` forgets everything, and a lookup that began before it does not store what it read.
 * Values `keep` refuses (a missing session, an unknown item) are returned but not stored.
 */
export class FreshCache<K, V> {
  private readonly entries = new Map<K, Entry<V>>();
  private readonly loading = new Map<K, Promise<V>>();
  /** Moves on each clear: a lookup that began before a clear must not store what it read. */
  private generation = 0;

  constructor(
    private readonly maxAgeMs: number,
    private readonly options: { maxEntries?: number; keep?: (value: V) => boolean } = {},
  ) {}

  async get(clock: Clock, key: K, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    const age = hit ? clock.now().getTime() - hit.at : Number.POSITIVE_INFINITY;
    if (hit && age <= this.maxAgeMs) {
      if (age > this.maxAgeMs / 2 && !this.loading.has(key))
        // Refresh ahead; a failure leaves the entry as it is, to expire at its age.
        this.lookup(clock, key, load).catch(() => undefined);
      return hit.value;
    }
    if (hit) this.entries.delete(key);
    return this.loading.get(key) ?? this.lookup(clock, key, load);
  }

  /** Forgets every value (call on any change to what the cache holds). */
  clear(): void {
    this.generation++;
    this.entries.clear();
    this.loading.clear();
  }

  private lookup(clock: Clock, key: K, load: () => Promise<V>): Promise<V> {
    const started = this.generation;
    const at = clock.now().getTime();
    const done = () => {
      if (this.loading.get(key) === pending) this.loading.delete(key);
    };
    const pending = load().then(
      (value) => {
        done();
        if (started !== this.generation) return value;
        if (this.options.keep?.(value) ?? true) {
          if (this.entries.size >= (this.options.maxEntries ?? Number.POSITIVE_INFINITY)) this.entries.clear();
          this.entries.set(key, { value, at });
        } else this.entries.delete(key); // gone since it was stored (a session ended elsewhere)
        return value;
      },
      (err: unknown) => {
        done();
        throw err;
      },
    );
    this.loading.set(key, pending);
    return pending;
  }
}
