import { createHash, randomBytes } from 'node:crypto';
import type { ApiKeySource, ApiKeyView, CreatedApiKey } from '@gewu/domain';
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { authorize, inScope } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { findRegionInScope } from '../regions/regions.repository.ts';
import { apiKeys } from './api-keys.table.ts';
import { type ApiKeyWithNames, selectKeysWithNames } from './apikeys.repository.ts';
import { regionNotFound } from '../regions/regions.errors.ts';
import { apikeyNotFound, apikeyRevoked } from './apikeys.errors.ts';

export type ApiKeysDeps = { db: Db; clock: Clock; config: { GEWU_API_KEY_RATE_PER_MINUTE: number } };

const KEY_PREFIX = 'gw_';
/** 'gw_' + 32 random bytes in base64url (43 characters). */
const KEY_LENGTH = KEY_PREFIX.length + 43;
/** lastUsedAt is written at most this often per key, so a busy key does not write on every call. */
const LAST_USED_RESOLUTION_MS = 60_000;

export function hashApiKey(rawKey: string): string {
  return createHash('sha256').update(rawKey, 'utf8').digest('hex');
}

function toView(r: ApiKeyWithNames): ApiKeyView {
  const k = r.key;
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    regionId: k.regionId,
    regionCode: r.regionCode,
    regionName: r.regionName,
    source: k.source,
    ratePerMinute: k.ratePerMinute,
    createdByName: r.createdByName,
    createdAt: k.createdAt.toISOString(),
    revokedAt: k.revokedAt?.toISOString() ?? null,
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  };
}

/** Keys of systems inside the admin's region; never the key itself. */
export async function listApiKeys(deps: ApiKeysDeps, ctx: RequestContext): Promise<ApiKeyView[]> {
  const actor = authorize(ctx, 'apikey.manage');
  const rows = await selectKeysWithNames(deps.db)
    .where(inScope(actor, apiKeys.regionPath))
    .orderBy(desc(apiKeys.createdAt));
  return rows.map(toView);
}

/**
 * Issues a key for another system (video/sensor platform, 12345 hotline, Open311 client), scoped
 * to a region. The plaintext key is returned here once; only its SHA-256 is stored.
 */
export async function createApiKey(
  deps: ApiKeysDeps,
  ctx: RequestContext,
  input: { name: string; regionId: string; source: ApiKeySource; ratePerMinute?: number },
): Promise<CreatedApiKey> {
  const actor = authorize(ctx, 'apikey.manage');
  const key = KEY_PREFIX + randomBytes(32).toString('base64url');
  return deps.db.transaction(async (tx) => {
    const region = await findRegionInScope(tx, actor, input.regionId);
    if (!region) throw regionNotFound();
    const [row] = await tx
      .insert(apiKeys)
      .values({
        name: input.name.trim(),
        prefix: key.slice(0, 8),
        keyHash: hashApiKey(key),
        regionId: region.id,
        regionPath: region.path,
        source: input.source,
        ratePerMinute: input.ratePerMinute ?? deps.config.GEWU_API_KEY_RATE_PER_MINUTE,
        createdBy: actor.id,
        createdAt: deps.clock.now(),
      })
      .returning();
    const created = row as typeof apiKeys.$inferSelect;
    await recordAudit(tx, deps.clock, ctx, {
      action: 'apikey.create',
      targetType: 'api_key',
      targetId: created.id,
      regionPath: region.path,
      detail: {
        name: created.name,
        prefix: created.prefix,
        source: created.source,
        region: region.code,
        ratePerMinute: created.ratePerMinute,
      },
    });
    return {
      ...toView({ key: created, regionCode: region.code, regionName: region.name, createdByName: actor.displayName }),
      key,
    };
  });
}

/** Revokes a key at once; the system using it gets 401 from then on. */
export async function revokeApiKey(deps: ApiKeysDeps, ctx: RequestContext, id: string): Promise<ApiKeyView> {
  const actor = authorize(ctx, 'apikey.manage');
  return deps.db.transaction(async (tx) => {
    const [row] = await selectKeysWithNames(tx)
      .where(and(eq(apiKeys.id, id), inScope(actor, apiKeys.regionPath)))
      .limit(1);
    if (!row) throw apikeyNotFound();
    if (row.key.revokedAt) throw apikeyRevoked();
    const revokedAt = deps.clock.now();
    await tx.update(apiKeys).set({ revokedAt, revokedBy: actor.id }).where(eq(apiKeys.id, id));
    await recordAudit(tx, deps.clock, ctx, {
      action: 'apikey.revoke',
      targetType: 'api_key',
      targetId: id,
      regionPath: row.key.regionPath,
      detail: { name: row.key.name, prefix: row.key.prefix },
    });
    return toView({ ...row, key: { ...row.key, revokedAt, revokedBy: actor.id } });
  });
}

export interface ApiKeyPrincipal {
  id: string;
  name: string;
  regionId: string;
  regionPath: string;
  source: ApiKeySource;
  ratePerMinute: number;
}

/**
 * The system behind a raw key, or null for an unknown, malformed or revoked key. Marks the key as
 * used (at most once a minute).
 */
export async function authenticateApiKey(db: Db, clock: Clock, rawKey: string): Promise<ApiKeyPrincipal | null> {
  if (typeof rawKey !== 'string' || rawKey.length !== KEY_LENGTH || !rawKey.startsWith(KEY_PREFIX)) return null;
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashApiKey(rawKey)), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!row) return null;
  const now = clock.now();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    const threshold = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    // Conditional, so concurrent requests with the same key write once.
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(and(eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, threshold))));
  }
  return {
    id: row.id,
    name: row.name,
    regionId: row.regionId,
    regionPath: row.regionPath,
    source: row.source,
    ratePerMinute: row.ratePerMinute,
  };
}
