import pg from 'pg';
import type { TestDatabase } from './db.ts';

/**
 * Counts the statements sent to the database while `run` runs (a transaction's BEGIN and COMMIT
 * included: each is a round trip on a server), through the driver: `pg.Client#query` on PostgreSQL
 * (every pooled client), the PGlite instance's `query`/`exec`/`transaction` on PGlite. Returns the
 * count and the statements' first words, for a test that bounds a request's round trips by hand.
 */
export async function countQueries<T>(
  database: TestDatabase,
  run: () => Promise<T>,
): Promise<{ result: T; count: number; statements: string[] }> {
  const statements: string[] = [];
  const seen = (q: unknown) => {
    const text = typeof q === 'string' ? q : ((q as { text?: string } | null)?.text ?? '');
    statements.push(text.replace(/\s+/g, ' ').trim().slice(0, 60));
  };
  const restore: (() => void)[] = [];
  if (database.engine === 'postgresql') {
    const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
    const original = proto.query;
    proto.query = function (this: unknown, ...a: unknown[]) {
      seen(a[0]);
      return original.apply(this, a);
    };
    restore.push(() => (proto.query = original));
  } else {
    type Client = Record<'query' | 'exec' | 'transaction', (...a: unknown[]) => Promise<unknown>>;
    const client = (database.db as unknown as { session: { client: Client } }).session.client;
    const wrap = (target: Client, name: 'query' | 'exec') => {
      const original = target[name];
      target[name] = function (this: unknown, ...a: unknown[]) {
        seen(a[0]);
        return original.apply(this, a);
      };
      return () => (target[name] = original);
    };
    restore.push(wrap(client, 'query'), wrap(client, 'exec'));
    const transaction = client.transaction;
    client.transaction = function (this: unknown, fn: unknown) {
      seen('BEGIN');
      return transaction
        .call(this, async (tx: Client) => {
          wrap(tx, 'query');
          wrap(tx, 'exec');
          return (fn as (tx: Client) => Promise<unknown>)(tx);
        })
        .finally(() => seen('COMMIT'));
    } as Client['transaction'];
    restore.push(() => (client.transaction = transaction));
  }
  try {
    const result = await run();
    return { result, count: statements.length, statements };
  } finally {
    for (const r of restore) r();
  }
}
