import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';
import type { Db } from '../../db/client.ts';
import * as schema from '../../db/schema.ts';
import {
  RESIDENT_COPY_STATEMENT,
  RESIDENTS_ID_HASH_INDEX,
  type ResidentInsert,
  residentCopyLine,
} from '../people/people.repository.ts';

/**
 * Resident rows streamed into PostgreSQL with `COPY … FROM STDIN` (node-postgres only; PGlite
 * keeps the `jsonb_to_recordset` insert of people.repository.ts). COPY skips the per-batch statement,
 * the JSON text and its parsing; the rows go straight into the table while the next batch is
 * being built.
 *
 * COPY has no ON CONFLICT: the dry run already checked every identity number against the
 * database, so a duplicate at commit time is a rare race. It surfaces as a unique violation on
 * the residents' identity index; the COPY then runs under a savepoint so the transaction can be rolled
 * back to it and the caller can find which rows were taken (`finish()` answers `'conflict'`).
 */
const SAVEPOINT = 'gewu_import_copy';

/** The node-postgres pool behind a Drizzle database; null on PGlite. */
export function pgPoolOf(db: Db): pg.Pool | null {
  const client = (db as unknown as { $client?: unknown }).$client;
  return client instanceof pg.Pool ? client : null;
}

/**
 * Runs `fn` in a transaction on one pooled connection, handing it both a Drizzle database bound to
 * that connection and the raw client (which COPY needs). Commits when `fn` resolves, else rolls back.
 */
export async function inPgTransaction<T>(pool: pg.Pool, fn: (tx: Db, client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await fn(drizzle(client, { schema }) as unknown as Db, client);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK').catch((re: Error) => (broken = re)); // a connection that cannot roll back is not reused
    throw e;
  } finally {
    client.release(broken);
  }
}

export class ResidentCopy {
  private error: Error | null = null;
  private ended = false;
  /** Settles when the stream fails, so a write waiting for the socket never hangs. */
  private readonly failed: Promise<void>;
  private constructor(
    private readonly client: pg.PoolClient,
    private readonly stream: CopyStreamQuery,
  ) {
    this.failed = new Promise((resolve) =>
      // `on`, not `once`: pg-copy-streams emits its errors directly, so a second one must not crash.
      stream.on('error', (e: Error) => {
        this.error ??= e;
        resolve();
      }),
    );
  }

  /** Starts `COPY residents FROM STDIN` on the client, inside its open transaction. */
  static async open(client: pg.PoolClient): Promise<ResidentCopy> {
    await client.query(`SAVEPOINT ${SAVEPOINT}`);
    return new ResidentCopy(client, client.query(copyFrom(RESIDENT_COPY_STATEMENT)));
  }

  /** False once PostgreSQL refused the data (the rest of the file need not be sent). */
  get ok(): boolean {
    return this.error === null;
  }

  /**
   * Sends rows; resolves when the socket has taken them. Callers keep one write in flight at a
   * time, so PostgreSQL works on one batch while the next is built and memory stays bounded.
   */
  async write(rows: ResidentInsert[]): Promise<void> {
    if (!rows.length || this.error) return;
    let text = '';
    for (const r of rows) text += residentCopyLine(r);
    await Promise.race([new Promise<void>((resolve) => this.stream.write(text, () => resolve())), this.failed]);
  }

  /**
   * Ends the COPY. `'conflict'`: an identity number was registered meanwhile; nothing of the COPY
   * is kept (rolled back to the savepoint) and the transaction is usable again. Other errors throw.
   */
  async finish(): Promise<'done' | 'conflict'> {
    this.ended = true;
    if (!this.error)
      await Promise.race([new Promise<void>((resolve) => this.stream.end(() => resolve())), this.failed]);
    const e = this.error as (Error & { code?: string; constraint?: string }) | null;
    if (!e) {
      await this.client.query(`RELEASE SAVEPOINT ${SAVEPOINT}`);
      return 'done';
    }
    if (e.code === '23505' && e.constraint === RESIDENTS_ID_HASH_INDEX) {
      await this.client.query(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
      return 'conflict';
    }
    throw e;
  }

  /** Abandons an unfinished COPY (CopyFail) so the connection can roll back; no-op after finish(). */
  async close(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    if (!this.error) {
      this.stream.destroy();
      await Promise.race([this.failed, new Promise((resolve) => this.stream.once('close', resolve))]);
    }
  }
}
