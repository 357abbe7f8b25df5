import { sql } from 'drizzle-orm';
import {
  bigint,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import type { MultiPolygon, Polygon } from 'geojson';
import { regions } from '../regions/regions.table.ts';

/**
 * Unit grids (网格) under a village/community. The 15-digit code is the village's 12-digit code
 * plus a 3-digit sequence; a micro-grid's 18-digit code is its unit grid's plus 3 more. `region_path` is the village's path plus the grid code, so region scope
 * queries reach grids too. Micro-grids (微网格) hang under a unit grid through `parent_grid_id`.
 */
export const grids = pgTable(
  'grids',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: varchar('code', { length: 18 }).notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['urban_community', 'rural', 'dedicated', 'micro'] }).notNull(),
    dedicatedKind: text('dedicated_kind'),
    villageId: uuid('village_id')
      .notNull()
      .references(() => regions.id),
    parentGridId: uuid('parent_grid_id'),
    regionPath: text('region_path').notNull(),
    households: integer('households').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [
    index('grids_region_path_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    index('grids_village_idx').on(t.villageId),
  ],
);

/**
 * Boundary versions (动态调整). A change closes the current row (valid_to) and adds a new one;
 * history is never rewritten, so a case keeps the grid and boundary it was reported under.
 */
export const gridBoundaries = pgTable(
  'grid_boundaries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    gridId: uuid('grid_id')
      .notNull()
      .references(() => grids.id),
    geometry: jsonb('geometry').$type<Polygon | MultiPolygon>().notNull(),
    minLon: doublePrecision('min_lon').notNull(),
    minLat: doublePrecision('min_lat').notNull(),
    maxLon: doublePrecision('max_lon').notNull(),
    maxLat: doublePrecision('max_lat').notNull(),
    areaM2: doublePrecision('area_m2').notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    validTo: timestamp('valid_to', { withTimezone: true }),
    createdBy: uuid('created_by'),
  },
  (t) => [
    index('grid_boundaries_grid_idx').on(t.gridId, t.validFrom),
    uniqueIndex('grid_boundaries_current_idx')
      .on(t.gridId)
      .where(sql`valid_to IS NULL`),
  ],
);

/** Who is responsible for a grid, over time: grid workers (专职/兼职), police (一格一警), mediator, legal adviser. */
export const gridAssignments = pgTable(
  'grid_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    gridId: uuid('grid_id')
      .notNull()
      .references(() => grids.id),
    duty: text('duty', {
      enum: ['grid_worker_full', 'grid_worker_part', 'police', 'mediator', 'legal_adviser'],
    }).notNull(),
    userId: uuid('user_id'),
    personName: text('person_name').notNull(),
    phoneEnc: text('phone_enc'),
    phoneHash: text('phone_hash'),
    phoneMasked: text('phone_masked'),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    validTo: timestamp('valid_to', { withTimezone: true }),
    createdBy: uuid('created_by'),
  },
  (t) => [index('grid_assignments_grid_idx').on(t.gridId), index('grid_assignments_user_idx').on(t.userId)],
);

/** Change counters other instances poll to know their in-memory caches (the grid index) are stale. */
export const changeCounters = pgTable('change_counters', {
  topic: text('topic').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull(),
});
