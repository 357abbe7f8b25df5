import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import type { CaseChannel, CaseEventData, CaseEventType, CaseLevel, CaseState, PendingRequest } from '@gewu/domain';

export const caseCodeSeq = pgSequence('case_code_seq', { startWith: 1 });

/**
 * A case (案件) — the projection of its events: every column below follows from `case_events`
 * by the pure reducer in `@gewu/domain` (cases.rules). `version` is the number of events; a
 * transition updates the row only `WHERE version = <the version the actor saw>`, so of two people
 * acting at once one wins and the other gets 409.
 */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull().unique(),
    itemId: uuid('item_id').notNull(),
    itemCode: varchar('item_code', { length: 5 }).notNull(),
    state: text('state').$type<CaseState>().notNull(),
    /** Tier now responsible: grid → village → township → county → city (逐级上报). */
    level: text('level').$type<CaseLevel>().notNull(),
    /** Path of the grid the case was reported in (or the village/township when outside grids). */
    regionPath: text('region_path').notNull(),
    gridId: uuid('grid_id'),
    lon: doublePrecision('lon'),
    lat: doublePrecision('lat'),
    address: text('address'),
    description: text('description').notNull(),
    channel: text('channel').$type<CaseChannel>().notNull(),
    source: text('source'),
    externalRef: text('external_ref'),
    mediaUrl: text('media_url'),
    reporterUserId: uuid('reporter_user_id'),
    reporterApiKeyId: uuid('reporter_api_key_id'),
    reporterName: text('reporter_name'),
    reporterPhoneEnc: text('reporter_phone_enc'),
    reporterPhoneHash: text('reporter_phone_hash'),
    reporterPhoneMasked: text('reporter_phone_masked'),
    anonymous: boolean('anonymous').notNull().default(false),
    /** The reporter agreed to publication on the public feed (Open311); a client of Open311 by filing there. */
    publicConsent: boolean('public_consent').notNull().default(false),
    /** Who files: `u:<user id>` or `k:<api key id>`; with the idempotency key, a retry finds the case it made. */
    reporterKey: text('reporter_key').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    firstContactUserId: uuid('first_contact_user_id'),
    assigneeUnitId: uuid('assignee_unit_id'),
    assigneeUserId: uuid('assignee_user_id'),
    verifierUserId: uuid('verifier_user_id'),
    stage: text('stage'),
    stageStartedAt: timestamp('stage_started_at', { withTimezone: true }),
    stageDeadline: timestamp('stage_deadline', { withTimezone: true }),
    /** When 80% of the stage's limit (in its own time unit) has passed: the yellow light. */
    stageWarnAt: timestamp('stage_warn_at', { withTimezone: true }),
    everOverdue: boolean('ever_overdue').notNull().default(false),
    handleDeadline: timestamp('handle_deadline', { withTimezone: true }),
    pending: jsonb('pending').$type<PendingRequest>(),
    supervision: text('supervision'),
    rectifyBy: timestamp('rectify_by', { withTimezone: true }),
    dispatchCount: integer('dispatch_count').notNull().default(0),
    dispatchOnTime: boolean('dispatch_on_time'),
    returnCount: integer('return_count').notNull().default(0),
    reworkCount: integer('rework_count').notNull().default(0),
    escalationCount: integer('escalation_count').notNull().default(0),
    reopenCount: integer('reopen_count').notNull().default(0),
    selfHandled: boolean('self_handled').notNull().default(false),
    /** 市民认领: the volunteer holding the case; claimHandled once the grid worker confirmed their work. */
    claimantUserId: uuid('claimant_user_id'),
    claimHandled: boolean('claim_handled').notNull().default(false),
    mergedIntoId: uuid('merged_into_id'),
    /** The dispute the case was turned into (转矛盾纠纷, state `converted`). */
    convertedDisputeId: uuid('converted_dispute_id'),
    /** The dispute whose mediation found this matter for a department (channel `dispute`, 转案件). */
    sourceDisputeId: uuid('source_dispute_id'),
    rating: text('rating'),
    resolved: boolean('resolved'),
    contactedInTime: boolean('contacted_in_time'),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    fedBackAt: timestamp('fed_back_at', { withTimezone: true }),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull(),
  },
  (t) => [
    uniqueIndex('cases_idempotency_idx').on(t.reporterKey, t.idempotencyKey),
    index('cases_queue_idx').on(t.state, t.reportedAt),
    // Newest-first and deadline-first pages over everything in scope (bench/queue: p95 3.3 s → 24 ms at 1M cases).
    index('cases_reported_state_idx').on(t.reportedAt, t.state),
    index('cases_deadline_idx').on(t.stageDeadline.asc().nullsLast(), t.reportedAt.desc()),
    index('cases_region_idx').using('btree', t.regionPath.op('text_pattern_ops'), t.reportedAt),
    // A handler's, grid worker's and verifier's own cases. Partial: a new case has none of them yet,
    // so intake writes nothing here (a query naming the person implies NOT NULL).
    index('cases_unit_idx')
      .on(t.assigneeUnitId, t.state)
      .where(sql`assignee_unit_id IS NOT NULL`),
    index('cases_user_idx')
      .on(t.assigneeUserId, t.state)
      .where(sql`assignee_user_id IS NOT NULL`),
    index('cases_verifier_idx')
      .on(t.verifierUserId, t.state)
      .where(sql`verifier_user_id IS NOT NULL`),
    index('cases_reporter_idx').on(t.reporterUserId, t.reportedAt),
    // Likely duplicates (DUPLICATE_RULE): same item, then a narrow latitude band; longitude and time are
    // checked inside the index, so only true neighbours reach the heap (bench/queue at 1M cases: the queue's p95 242 ms → 19 ms).
    index('cases_nearby_idx').on(t.itemId, t.lat, t.lon, t.reportedAt),
    index('cases_grid_idx').on(t.gridId, t.reportedAt),
    // The queue's item and category filter (item_code LIKE '05%'), newest first: a rare category no longer
    // walks the whole reported_at index to count its first thousand (bench/queue: category 99's count 425 ms).
    index('cases_item_code_idx').using('btree', t.itemCode.op('text_pattern_ops'), t.reportedAt),
    // One case per dispute (转案件 twice gives the same case). Partial: intake never writes it.
    uniqueIndex('cases_source_dispute_idx')
      .on(t.sourceDisputeId)
      .where(sql`source_dispute_id IS NOT NULL`),
  ],
);

/** The append-only history of a case: actor, time, note, attachments. The case row follows from it. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: uuid('case_id').notNull(),
    seq: integer('seq').notNull(),
    type: text('type').$type<CaseEventType>().notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    actorUnitId: uuid('actor_unit_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    note: text('note'),
    data: jsonb('data').$type<CaseEventData>().notNull(),
    attachmentIds: uuid('attachment_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
  },
  (t) => [
    uniqueIndex('case_events_seq_idx').on(t.caseId, t.seq),
    index('case_events_at_idx').on(t.at),
    // Which case a photo belongs to (who may see it follows from the case). Partial: most events
    // carry no photo and add nothing here.
    index('case_events_attachments_idx')
      .using('gin', t.attachmentIds)
      .where(sql`attachment_ids <> '{}'::uuid[]`),
  ],
);

/** Co-handling units (协同处置) of a case besides its lead unit, with their own feedback. */
export const caseUnits = pgTable(
  'case_units',
  {
    caseId: uuid('case_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
    fedBackAt: timestamp('fed_back_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.unitId] }), index('case_units_unit_idx').on(t.unitId)],
);

/**
 * The centre's decision on a case's public copy (Open311), when a staff member made one: publish or
 * withdraw it, and the text to show instead of the reporter's, or none. Kept beside the case, not in
 * it: the case row is the fold of its events, and the original description stays as reported.
 * Whether and what a case shows follows from this and the case (`publicCopy` in @gewu/domain).
 */
export const casePublications = pgTable('case_publications', {
  caseId: uuid('case_id').primaryKey(),
  published: boolean('published').notNull(),
  publicDescription: text('public_description'),
  descriptionHidden: boolean('description_hidden').notNull().default(false),
  moderatedBy: uuid('moderated_by').notNull(),
  moderatedAt: timestamp('moderated_at', { withTimezone: true }).notNull(),
});

/**
 * 我也遇到: what someone adds to an open report they found before filing the same thing again (text
 * and photos). Kept beside the case, not as its event: a supplement changes nothing the centre acts
 * on, so it must not bump the case's version under a dispatcher's hands. A retry with the same key
 * by the same author returns the supplement it made.
 */
export const caseSupplements = pgTable(
  'case_supplements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    authorUserId: uuid('author_user_id').notNull(),
    note: text('note').notNull(),
    attachmentIds: uuid('attachment_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('case_supplements_case_idx').on(t.caseId, t.createdAt),
    uniqueIndex('case_supplements_idempotency_idx').on(t.authorUserId, t.idempotencyKey),
    index('case_supplements_attachments_idx')
      .using('gin', t.attachmentIds)
      .where(sql`attachment_ids <> '{}'::uuid[]`),
  ],
);
