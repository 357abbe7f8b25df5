import { z } from 'zod';
import { safeString } from './text.ts';

/**
 * 接口密钥 (keys for other systems: video/sensor alerts, 12345 transfers, Open311 clients): what the
 * api-keys routes answer and take — declared once, used by the routes, the table and the web client.
 */

/** What the system is: the channel of the cases it files. */
export const API_KEY_SOURCES = ['video', 'sensor', 'hotline_12345', 'open311', 'other'] as const;
export const apiKeySourceSchema = z.enum(API_KEY_SOURCES);
export type ApiKeySource = z.infer<typeof apiKeySourceSchema>;

export const apiKeyViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The key's first characters ('gw_…'), to tell keys apart; never the key itself. */
  prefix: z.string(),
  regionId: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  source: apiKeySourceSchema,
  ratePerMinute: z.number(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type ApiKeyView = z.infer<typeof apiKeyViewSchema>;
export const apiKeyListSchema = z.object({ items: z.array(apiKeyViewSchema) });
export type ApiKeyList = z.infer<typeof apiKeyListSchema>;

/** POST /api/api-keys answers the plaintext `key` this once only. */
export const createdApiKeySchema = apiKeyViewSchema.extend({ key: z.string() });
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;

export const createApiKeyBodySchema = z.strictObject({
  name: safeString().trim().min(1).max(60),
  regionId: z.string().uuid(),
  source: apiKeySourceSchema,
  ratePerMinute: z.number().int().min(1).max(100_000).optional(),
});
export type CreateApiKeyBody = z.input<typeof createApiKeyBodySchema>;
