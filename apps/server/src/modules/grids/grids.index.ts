import { GridIndex } from '@gewu/geo';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { allCurrentBoundaries, readChangeCounter } from './grids.repository.ts';

/**
 * The in-memory point → grid index, shared by every request of this process. Any instance that
 * changes grids bumps the `grids` change counter in the same transaction; each instance checks the
 * counter before a lookup (at most once per `checkEveryMs` on the injected clock) and rebuilds when
 * it moved, so several server instances stay fresh without talking to each other.
 */
export class GridLocator {
  private index: GridIndex = new GridIndex([]);
  private version = -1;
  /** When the counter was last read (clock ms); -Infinity: read it before the next lookup. */
  private checkedAt = Number.NEGATIVE_INFINITY;
  private rebuilding: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly checkEveryMs = 2000,
  ) {}

  /** Resolves a WGS84 point to its current grid and micro-grid ids. */
  async locate(lon: number, lat: number): Promise<{ gridId: string | null; microId: string | null }> {
    await this.ensureFresh();
    return this.index.lookup(lon, lat);
  }

  /** Marks the index stale at once (this instance just changed grids). */
  invalidate(): void {
    this.checkedAt = Number.NEGATIVE_INFINITY;
  }

  get size(): number {
    return this.index.size;
  }

  async ensureFresh(): Promise<void> {
    if (this.clock.now().getTime() - this.checkedAt < this.checkEveryMs) return;
    this.rebuilding ??= (async () => {
      try {
        const version = await readChangeCounter(this.db, 'grids');
        if (version !== this.version) {
          const rows = await allCurrentBoundaries(this.db);
          this.index = new GridIndex(
            rows.map((r) => ({
              id: r.id,
              code: r.code,
              kind: r.kind === 'micro' ? 'micro' : 'grid',
              geometry: r.geometry,
            })),
          );
          this.version = version;
        }
        this.checkedAt = this.clock.now().getTime();
      } finally {
        this.rebuilding = null;
      }
    })();
    await this.rebuilding;
  }
}

declare module '../../platform/http/app-type.ts' {
  interface AppDeps {
    /** One point → grid index per process (its routes, case intake and grid edits share it). */
    gridLocator: GridLocator;
  }
}
