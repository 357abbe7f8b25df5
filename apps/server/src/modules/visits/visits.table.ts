import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Visit records (走访记录): a household, a business or a special-population person, linked to the
 * resident, house or organisation visited (people tables). A special-population visit records the due
 * day it answered and how it counted (visit-plans.ts `visitTiming`).
 */
export const visits = pgTable(
  'visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Client-generated on the phone: a retry from the outbox finds the visit it already made. */
    clientId: uuid('client_id'),
    kind: text('kind', { enum: ['household', 'business', 'special_population'] })
      .notNull()
      .default('household'),
    residentId: uuid('resident_id'),
    houseId: uuid('house_id'),
    organisationId: uuid('organisation_id'),
    specialPopulationId: uuid('special_population_id'),
    regionPath: text('region_path').notNull(),
    gridId: uuid('grid_id'),
    visitorId: uuid('visitor_id').notNull(),
    visitedAt: timestamp('visited_at', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    purpose: text('purpose'),
    note: text('note').notNull(),
    findings: text('findings'),
    photoIds: uuid('photo_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /** The plan's due day this visit answered, and how it counted against it. */
    dueOn: date('due_on'),
    counted: text('counted', { enum: ['on_time', 'late'] }),
    lateReason: text('late_reason'),
    /** What a finding became (one tap): the case or the dispute. */
    caseId: uuid('case_id'),
    disputeId: uuid('dispute_id'),
  },
  (t) => [
    index('visits_resident_idx').on(t.residentId, t.visitedAt),
    uniqueIndex('visits_client_idx').on(t.visitorId, t.clientId),
    index('visits_region_due_idx').using('btree', t.regionPath.op('text_pattern_ops'), t.dueOn),
  ],
);
