import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { regions } from '../regions/regions.table.ts';
import { users } from '../users/users.table.ts';
import { apiKeys } from './api-keys.table.ts';

export type ApiKeyRow = typeof apiKeys.$inferSelect;

/** A key with the code and name of its region and the name of who issued it. */
export type ApiKeyWithNames = { key: ApiKeyRow; regionCode: string; regionName: string; createdByName: string | null };

const columns = { key: apiKeys, regionCode: regions.code, regionName: regions.name, createdByName: users.displayName };

/** Keys with their region and issuer's names; the caller adds the where, order and limit. */
export function selectKeysWithNames(db: Db) {
  return db
    .select(columns)
    .from(apiKeys)
    .innerJoin(regions, eq(regions.id, apiKeys.regionId))
    .leftJoin(users, eq(users.id, apiKeys.createdBy));
}

/** The name an admin gave a key (a revoked key keeps its name), or null when there is no such key. */
export async function apiKeyName(db: Db, id: string): Promise<string | null> {
  const [row] = await db.select({ name: apiKeys.name }).from(apiKeys).where(eq(apiKeys.id, id));
  return row?.name ?? null;
}
