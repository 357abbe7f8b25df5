import { API_KEY_SOURCES } from '@gewu/domain';
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { regions } from '../regions/regions.table.ts';

/**
 * Keys for other systems (video/sensor alerts, 12345 transfers, Open311 clients). Only the
 * SHA-256 of the key is stored; the key is shown once when created. A key is scoped to a region:
 * it can only file cases located inside it.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull().unique(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    regionPath: text('region_path').notNull(),
    /** What the system is: channel of the cases it files. */
    source: text('source', { enum: API_KEY_SOURCES }).notNull(),
    ratePerMinute: integer('rate_per_minute').notNull().default(600),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by'),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [index('api_keys_region_path_idx').using('btree', t.regionPath.op('text_pattern_ops'))],
);
