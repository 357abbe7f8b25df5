import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  Agreement,
  ConfirmationResult,
  DeclineChannel,
  DisputeEventData,
  DisputeEventType,
  DisputeRisk,
  DisputeSource,
  DisputeStage,
  DisputeState,
  DisputeTier,
  DiversionPath,
  GuidedPath,
  OrganisationKind,
  PartyKind,
  PartyRole,
  PartySide,
  PerformanceResult,
  TimeLimit,
  TypeEditableStage,
} from '@gewu/domain';
import { regions } from '../regions/regions.table.ts';
import { users } from '../users/users.table.ts';

export const disputeCodeSeq = pgSequence('dispute_code_seq', { startWith: 1 });

/**
 * A dispute (矛盾纠纷) — the projection of its events (`dispute_events`) by the pure reducer in
 * @gewu/domain (disputes-reducer.ts). One code per dispute (一案一码): `JF` + the day + a sequence.
 * `version` is the number of events; an action updates the row only `WHERE version = <seen>`.
 */
export const disputes = pgTable(
  'disputes',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull().unique(),
    typeCode: text('type_code').notNull(),
    summary: text('summary').notNull(),
    /** The village/community (or township) where it arose. */
    regionPath: text('region_path').notNull(),
    address: text('address'),
    state: text('state').$type<DisputeState>().notNull(),
    /** The tier responsible now: its region's to begin with, higher once handed up (上交). */
    tier: text('tier').$type<DisputeTier>().notNull(),
    risk: text('risk').$type<DisputeRisk>().notNull(),
    /** 民转刑 risk flag. */
    civilToCriminal: boolean('civil_to_criminal').notNull().default(false),
    /** 稳控责任人 (required for 重大). */
    stabilityUserId: uuid('stability_user_id'),
    source: text('source').$type<DisputeSource>().notNull(),
    referringBody: text('referring_body'),
    /** The sending body's own number (警情号, 法院案号, 12345 工单号). */
    externalRef: text('external_ref'),
    /** The case it was turned from (source case_conversion). */
    linkedCaseId: uuid('linked_case_id'),
    /** The case filed from it for a department's matter (转案件). */
    referredCaseId: uuid('referred_case_id'),
    registeredBy: uuid('registered_by'),
    path: text('path').$type<DiversionPath>(),
    organisationId: uuid('organisation_id'),
    mediatorUserId: uuid('mediator_user_id'),
    stage: text('stage').$type<DisputeStage>(),
    stageStartedAt: timestamp('stage_started_at', { withTimezone: true }),
    stageDeadline: timestamp('stage_deadline', { withTimezone: true }),
    stageWarnAt: timestamp('stage_warn_at', { withTimezone: true }),
    everOverdue: boolean('ever_overdue').notNull().default(false),
    declineChannel: text('decline_channel').$type<DeclineChannel>(),
    guidedPath: text('guided_path').$type<GuidedPath>(),
    agreement: jsonb('agreement').$type<Agreement>(),
    confirmationDeadline: timestamp('confirmation_deadline', { withTimezone: true }),
    confirmationResult: text('confirmation_result').$type<ConfirmationResult>(),
    performance: text('performance').$type<PerformanceResult>(),
    sessionCount: integer('session_count').notNull().default(0),
    followUpCount: integer('follow_up_count').notNull().default(0),
    escalationCount: integer('escalation_count').notNull().default(0),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    divertedAt: timestamp('diverted_at', { withTimezone: true }),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    agreedAt: timestamp('agreed_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull(),
  },
  (t) => [
    index('disputes_region_idx').using('btree', t.regionPath.op('text_pattern_ops'), t.registeredAt),
    index('disputes_registered_idx').on(t.registeredAt),
    index('disputes_organisation_idx')
      .on(t.organisationId, t.state)
      .where(sql`organisation_id IS NOT NULL`),
    index('disputes_mediator_idx')
      .on(t.mediatorUserId, t.state)
      .where(sql`mediator_user_id IS NOT NULL`),
    index('disputes_deadline_idx').on(t.stageDeadline),
    // A case becomes one dispute (转矛盾纠纷 twice gives the same dispute).
    uniqueIndex('disputes_converted_case_idx')
      .on(t.linkedCaseId)
      .where(sql`source = 'case_conversion'`),
  ],
);

/** The append-only history of a dispute: actor, time, note, attachments (session records, scans). */
export const disputeEvents = pgTable(
  'dispute_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    disputeId: uuid('dispute_id').notNull(),
    seq: integer('seq').notNull(),
    type: text('type').$type<DisputeEventType>().notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    note: text('note'),
    data: jsonb('data').$type<DisputeEventData>().notNull(),
    attachmentIds: uuid('attachment_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
  },
  (t) => [
    uniqueIndex('dispute_events_seq_idx').on(t.disputeId, t.seq),
    index('dispute_events_attachments_idx')
      .using('gin', t.attachmentIds)
      .where(sql`attachment_ids <> '{}'::uuid[]`),
  ],
);

/**
 * The parties (当事人), several on each side. A person's name, identity number and phone are stored
 * only encrypted (`*_enc`), the numbers findable by a keyed hash (`*_hash`), all shown masked
 * (`*_masked`) — as residents' and case reporters' are. An organisation's name and credit code are
 * not personal data and are kept as they are (`org_name`, `credit_code`); its phone is protected.
 */
export const disputeParties = pgTable(
  'dispute_parties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    disputeId: uuid('dispute_id').notNull(),
    kind: text('kind').$type<PartyKind>().notNull(),
    side: text('side').$type<PartySide>().notNull(),
    role: text('role').$type<PartyRole>().notNull(),
    nameEnc: text('name_enc'),
    nameMasked: text('name_masked').notNull(),
    orgName: text('org_name'),
    creditCode: text('credit_code'),
    idEnc: text('id_enc'),
    idHash: text('id_hash'),
    idMasked: text('id_masked'),
    phoneEnc: text('phone_enc'),
    phoneHash: text('phone_hash'),
    phoneMasked: text('phone_masked'),
    address: text('address'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('dispute_parties_dispute_idx').on(t.disputeId),
    index('dispute_parties_id_hash_idx')
      .on(t.idHash)
      .where(sql`id_hash IS NOT NULL`),
    index('dispute_parties_phone_hash_idx')
      .on(t.phoneHash)
      .where(sql`phone_hash IS NOT NULL`),
  ],
);

/** Dispute types (矛盾纠纷类型) as editable data, with each type's own stage limits (TYPE_EDITABLE_STAGES). */
export const disputeTypes = pgTable('dispute_types', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  limits: jsonb('limits')
    .$type<Partial<Record<TypeEditableStage, TimeLimit>>>()
    .notNull()
    .default(sql`'{}'::jsonb`),
  active: boolean('active').notNull().default(true),
  sort: integer('sort').notNull().default(0),
});

/**
 * Mediation organisations: 人民调解委员会 of a village/community, township or county, 行业性专业性
 * committees, administrative mediation bodies. `tier` follows from its region's level; `type_codes`
 * names the dispute types it takes (none: all).
 */
export const mediationOrganisations = pgTable(
  'mediation_organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    regionPath: text('region_path').notNull(),
    tier: text('tier').$type<DisputeTier>().notNull(),
    kind: text('kind').$type<OrganisationKind>().notNull(),
    name: text('name').notNull(),
    typeCodes: text('type_codes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('mediation_organisations_region_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    uniqueIndex('mediation_organisations_region_name_idx').on(t.regionId, t.name),
  ],
);

/** Mediators: accounts holding the `mediator` role, each a member of one organisation. */
export const mediators = pgTable(
  'mediators',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => mediationOrganisations.id),
    title: text('title'),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('mediators_organisation_idx').on(t.organisationId)],
);
