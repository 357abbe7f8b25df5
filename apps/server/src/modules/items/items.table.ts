import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import type { CaseStage, ItemField, TimeLimit } from '@gewu/domain';
import { regions } from '../regions/regions.table.ts';

/** The item catalogue (网格事项清单): one row per coded matter (2-digit 大类 + 3-digit 小类). */
export const items = pgTable('items', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: varchar('code', { length: 5 }).notNull().unique(),
  categoryCode: varchar('category_code', { length: 2 }).notNull(),
  name: text('name').notNull(),
  legalBasis: text('legal_basis').notNull(),
  filingCondition: text('filing_condition').notNull(),
  closingCondition: text('closing_condition').notNull(),
  limits: jsonb('limits').$type<Record<CaseStage, TimeLimit>>().notNull(),
  departmentKind: text('department_kind').notNull(),
  gridEligible: boolean('grid_eligible').notNull(),
  negativeList: boolean('negative_list').notNull(),
  publicReport: boolean('public_report').notNull(),
  minor: boolean('minor').notNull().default(false),
  keywords: text('keywords')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  fields: jsonb('fields')
    .$type<ItemField[]>()
    .notNull()
    .default(sql`'[]'::jsonb`),
  /** 不确定/其他: the placeholder a reporter picks when no item fits; the centre classifies at acceptance. */
  unclassified: boolean('unclassified').notNull().default(false),
  /** 市民认领: an approved volunteer may claim a case of it (CASE_LIFE.claim). */
  claimable: boolean('claimable').notNull().default(false),
  active: boolean('active').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Admission of an item to the grids of a region (网格事项准入/退出): proposed by a department,
 * approved (by whom, when) → active, and later withdrawn. Only an active admission lets a case of
 * the item go to a grid worker inside that region.
 */
export const itemAdmissions = pgTable(
  'item_admissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    regionPath: text('region_path').notNull(),
    state: text('state', { enum: ['proposed', 'active', 'rejected', 'withdrawn'] }).notNull(),
    reason: text('reason').notNull(),
    proposedBy: uuid('proposed_by').notNull(),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    withdrawnBy: uuid('withdrawn_by'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [
    index('item_admissions_item_idx').on(t.itemId, t.regionPath),
    // At most one live (proposed or active) admission per item and region.
    uniqueIndex('item_admissions_live_idx')
      .on(t.itemId, t.regionId)
      .where(sql`state IN ('proposed', 'active')`),
  ],
);
