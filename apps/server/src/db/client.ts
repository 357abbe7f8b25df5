import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** A database or a transaction: repositories take either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Engine = 'pglite' | 'postgresql';

export interface Database {
  db: Db;
  engine: Engine;
  /** Applies committed migrations; safe to call from several instances at once. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const migrationsFolder = path.resolve(import.meta.dirname, 'migrations');

export interface DatabaseOptions {
  /** A PostgreSQL server; when absent, embedded PGlite is used. */
  url?: string;
  /** PGlite data directory; `memory://` or undefined for an in-memory database. */
  dataDir?: string;
  /** PGlite only: start from this dump (a tarball from `dumpDataDir`) instead of running initdb. */
  loadDataDir?: Blob;
  poolSize?: number;
}

/** Opens PGlite (embedded, the default) or a PostgreSQL server when a URL is given. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.poolSize ?? 10);
  return openPglite(options.dataDir, options.loadDataDir);
}

async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<Database> {
  if (dataDir && !dataDir.startsWith('memory://')) fs.mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, loadDataDir ? { loadDataDir } : {});
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    close: () => client.close(),
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', () => undefined); // idle-client errors surface on the next query instead
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    engine: 'postgresql',
    async migrate() {
      // One connection holds an advisory lock so that instances starting together migrate once.
      const client = await pool.connect();
      try {
        await client.query(`SELECT pg_advisory_lock(hashtext('gewu.migrate'))`);
        await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
      } finally {
        await client.query(`SELECT pg_advisory_unlock(hashtext('gewu.migrate'))`).catch(() => undefined);
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

interface JournalEntry {
  idx: number;
  tag: string;
}

/** The latest migration in the repository and the one the database has applied. */
export async function migrationStatus(
  db: Db,
): Promise<{ applied: number; latest: string | null; current: string | null }> {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  let applied = 0;
  try {
    const rows = await queryRows<{ n: string }>(db, sql`SELECT count(*)::text AS n FROM drizzle.__drizzle_migrations`);
    applied = Number(rows[0]?.n ?? 0);
  } catch {
    applied = 0;
  }
  return {
    applied,
    latest: journal.entries.at(-1)?.tag ?? null,
    current: applied > 0 ? (journal.entries[applied - 1]?.tag ?? null) : null,
  };
}

/** Runs raw SQL and returns its rows (both drivers answer `{ rows }`). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

/** A list of values as SQL parameters (`x IN (${sqlList(values)})`): rules' lists come from the domain, not literals. */
export function sqlList(values: readonly (string | number)[]): SQL {
  return sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
}
