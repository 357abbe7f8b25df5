/**
 * Group commit for a hot write path: callers submit one item each and wait for it to be written;
 * items submitted while earlier writes are still in flight are written together, by one statement
 * in one transaction. At a trickle every item is written at once on its own (nothing waits for a
 * timer); under load each write carries everything that arrived during the one before, so the
 * database pays one round trip, one statement and one WAL flush for many items, and the rate it
 * can take grows with the load instead of queueing behind it.
 *
 * Every caller still gets its own outcome: `write` returns one result per item, in order, and only
 * after the transaction committed. If a write of several items fails, each is written again on
 * its own, so one bad item fails only its own caller.
 *
 * (DataLoader batches by event-loop tick and dispatches every tick however many batches are still
 * writing; here a batch waits for a free slot, which is what makes batches grow with the load.)
 */
export interface GroupCommitOptions {
  /** The most items written by one statement. */
  maxBatch: number;
  /** How many writes may be in flight at once (each holds a database connection). */
  maxInFlight: number;
}

interface Waiting<T, R> {
  item: T;
  resolve(r: R): void;
  reject(e: unknown): void;
}

export class GroupCommit<T, R> {
  private readonly queue: Waiting<T, R>[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly write: (items: T[]) => Promise<R[]>,
    private readonly options: GroupCommitOptions,
  ) {}

  /** Writes `item` with whatever else is waiting; resolves once it is committed. */
  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Items waiting for a slot, and writes in flight (for tests and diagnostics). */
  get pending(): { queued: number; inFlight: number } {
    return { queued: this.queue.length, inFlight: this.inFlight };
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.options.maxInFlight || this.queue.length === 0) return;
    this.scheduled = true;
    // After the I/O callbacks of this turn of the event loop: requests that arrived together go together.
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      this.inFlight++;
      void this.run(batch).finally(() => {
        this.inFlight--;
        this.schedule();
      });
    }
  }

  private async run(batch: Waiting<T, R>[]): Promise<void> {
    try {
      settle(batch, await this.write(batch.map((w) => w.item)));
    } catch (e) {
      if (batch.length === 1) {
        batch[0]?.reject(e);
        return;
      }
      // One of them may be the cause: each on its own, so the others still land.
      await Promise.all(
        batch.map(async (w) => {
          try {
            settle([w], await this.write([w.item]));
          } catch (own) {
            w.reject(own);
          }
        }),
      );
    }
  }
}

function settle<T, R>(batch: Waiting<T, R>[], results: R[]): void {
  if (results.length !== batch.length) {
    const e = new Error(`group commit: ${batch.length} items written but ${results.length} results`);
    for (const w of batch) w.reject(e);
    return;
  }
  batch.forEach((w, i) => w.resolve(results[i] as R));
}
