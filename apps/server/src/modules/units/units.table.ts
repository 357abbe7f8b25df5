import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { regions } from '../regions/regions.table.ts';

/**
 * Handling units (处置单位/职能部门): a department of one region level — the township's 城管中队,
 * 派出所, 司法所, the county's 住建局 … `kind` is the department kind the item list names as
 * responsible (权责配置), so routing finds the unit by item and location. Handler accounts belong
 * to one unit (`users.unit_id`).
 */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    /** The region's materialized path: scope queries reach units like everything else. */
    regionPath: text('region_path').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [
    index('units_region_path_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    uniqueIndex('units_region_kind_name_idx').on(t.regionId, t.kind, t.name),
  ],
);
