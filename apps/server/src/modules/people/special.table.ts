import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * A county's edits to the visit intervals (visit-plans.ts DEFAULT_VISIT_INTERVALS): one row per kind and
 * risk level it changed; the rest keep the defaults.
 */
export const visitIntervals = pgTable(
  'visit_intervals',
  {
    countyPath: text('county_path').notNull(),
    kind: text('kind', {
      enum: ['community_correction', 'released_prisoner', 'drug_user', 'severe_mental_disorder'],
    }).notNull(),
    riskLevel: text('risk_level', { enum: ['low', 'medium', 'high'] }).notNull(),
    days: integer('days').notNull(),
    updatedBy: uuid('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyPath, t.kind, t.riskLevel] })],
);
