import { type AnyPgColumn, index, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import type { MultiPolygon, Polygon } from 'geojson';

/**
 * The region tree (区划). `path` lists the codes from the root, e.g. `/41/4101/410104/410104001/`,
 * so "everything under this node" is one indexed `path LIKE '<path>%'` query.
 */
export const regions = pgTable(
  'regions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: varchar('code', { length: 12 }).notNull().unique(),
    name: text('name').notNull(),
    level: text('level', { enum: ['province', 'city', 'county', 'township', 'village'] }).notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => regions.id),
    path: text('path').notNull().unique(),
    /** Optional outline (WGS84); grids under a village are checked for gaps against it. */
    boundary: jsonb('boundary').$type<Polygon | MultiPolygon>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('regions_path_prefix_idx').using('btree', t.path.op('text_pattern_ops')),
    index('regions_parent_idx').on(t.parentId),
  ],
);
