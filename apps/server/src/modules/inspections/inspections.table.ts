import type { InspectionItem, InspectionOutcome, InspectionPlaceKind, InspectionPlaceType } from '@gewu/domain';
import { sql } from 'drizzle-orm';
import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * One version of a checklist template (隐患排查检查表). An edit never changes a row: it adds the next
 * version, for the editor's region and below (`region_path`; '' for the deployment's defaults), so an
 * inspection keeps reading against the version it was answered with.
 */
export const inspectionTemplates = pgTable(
  'inspection_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    regionPath: text('region_path').notNull(),
    name: text('name').notNull(),
    placeTypes: text('place_types').array().$type<InspectionPlaceType[]>().notNull(),
    items: jsonb('items').$type<InspectionItem[]>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('inspection_templates_key_version_idx').on(t.key, t.version)],
);

/** An inspection of a place (key place, organisation or house) by a grid worker; one per client id. */
export const inspections = pgTable(
  'inspections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    templateId: uuid('template_id').notNull(),
    templateKey: text('template_key').notNull(),
    placeKind: text('place_kind').$type<InspectionPlaceKind>().notNull(),
    placeId: uuid('place_id').notNull(),
    placeName: text('place_name').notNull(),
    placeType: text('place_type').$type<InspectionPlaceType>().notNull(),
    regionPath: text('region_path').notNull(),
    gridId: uuid('grid_id'),
    lon: doublePrecision('lon'),
    lat: doublePrecision('lat'),
    inspectorId: uuid('inspector_id').notNull(),
    inspectorName: text('inspector_name').notNull(),
    performedAt: timestamp('performed_at', { withTimezone: true }).notNull(),
    failedCount: integer('failed_count').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('inspections_client_idx').on(t.inspectorId, t.clientId),
    index('inspections_region_path_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    index('inspections_place_idx').on(t.placeKind, t.placeId, t.templateKey, t.performedAt),
  ],
);

/** One item's answer; a failed one may carry the case it became (`case_id`, one per answer). */
export const inspectionAnswers = pgTable(
  'inspection_answers',
  {
    inspectionId: uuid('inspection_id').notNull(),
    itemKey: text('item_key').notNull(),
    result: text('result').$type<InspectionOutcome>().notNull(),
    value: doublePrecision('value'),
    note: text('note'),
    photoIds: uuid('photo_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    caseId: uuid('case_id'),
  },
  (t) => [primaryKey({ columns: [t.inspectionId, t.itemKey] })],
);
